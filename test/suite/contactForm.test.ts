import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LinqContactsTestApi } from '../../src/testApi';
import { DRAFT_FIELDS, type DraftField } from '../../src/format/contactDraft';
import type { StandIn } from '../server/linqStandIn';
import { extensionApi, useStandIn, waitFor } from './helpers';

const TOKEN = 'suite-token';
const COUNT = 120;

type Panel = ReturnType<LinqContactsTestApi['openPanels']>[number];

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('linqContacts').update(key, value, vscode.ConfigurationTarget.Global);
}

/** The form's values as the tab would send them. */
function values(panel: Panel, changes: Partial<Record<DraftField, string>>): Record<DraftField, string> {
  const shown = Object.fromEntries((panel.form?.fields ?? []).map((f) => [f.key, f.value])) as Partial<
    Record<DraftField, string>
  >;
  return Object.fromEntries(DRAFT_FIELDS.map((f) => [f, changes[f] ?? shown[f] ?? ''])) as Record<DraftField, string>;
}

function writes(standIn: StandIn): string[] {
  return standIn.requests
    .filter((r) => r.method !== 'GET')
    .map((r) => `${r.method} ${r.path.replace(/.*\/contacts/, '/contacts')}`);
}

describe('writing to Linq: create, edit, conflict, 422, delete, read-only', () => {
  let standIn: StandIn;
  let api: LinqContactsTestApi;

  const rowIds = async (): Promise<number[]> => {
    const rows = await api.provider.getChildren();
    return rows.flatMap((n) => (n.kind === 'contact' ? [n.contact.id] : []));
  };
  const newForm = async (): Promise<Panel> => {
    const before = api.openPanels().length;
    await vscode.commands.executeCommand('linqContacts.newContact');
    return waitFor('the New Contact tab', () =>
      api.openPanels().length > before
        ? api.openPanels().find((p) => p.contactId === undefined && p.form?.mode === 'new')
        : undefined,
    );
  };
  const panelOf = (id: number): Panel | undefined => api.openPanels().find((p) => p.contactId === id);

  before(async () => {
    standIn = await useStandIn({ count: COUNT, token: TOKEN });
    await setting('prefetchLimit', 10_000);
    api = await extensionApi();
    await api.tokens.set(TOKEN);
    await waitFor('the view holds every contact', async () => {
      await api.provider.getChildren();
      return api.session.knownContacts().length === COUNT;
    });
  });
  beforeEach(() => {
    standIn.configure({ lateWriteMs: 0, resetAfterWrite: false, writeFailCount: 0 });
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    await setting('readOnly', undefined);
    await api.tokens.clear();
    await standIn.close();
  });

  it('creates a contact from the form: one POST, first in the view, in search and hovers, the tab shows it', async () => {
    const form = await newForm();
    assert.deepEqual(
      form.form?.fields.map((f) => f.label),
      ['First name', 'Last name', 'Email', 'Phone', 'Company', 'Title', 'Location', 'Owner email'],
    );
    assert.equal(form.panel.title, 'New Contact');
    assert.deepEqual(writes(standIn), [], 'nothing is sent before Save');
    await form.receive({
      type: 'save',
      values: values(form, {
        firstName: 'Hedy',
        lastName: 'Lamarr',
        email: 'hedy.lamarr@films.example',
        company: 'MGM',
      }),
    });
    const saved = await waitFor('the tab shows the created contact', () =>
      api.openPanels().find((p) => p.panel === form.panel && p.contactId !== undefined),
    );
    assert.equal(saved.form, undefined);
    assert.equal(saved.panel.title, 'Hedy Lamarr');
    assert.deepEqual(writes(standIn), ['POST /contacts']);
    const id = saved.contactId as number;
    assert.equal((await rowIds())[0], id, 'the new contact is the first row');
    assert.equal(api.session.knownContacts().filter((c) => c.id === id).length, 1);
    const doc = await vscode.workspace.openTextDocument({
      content: 'ping hedy.lamarr@films.example today',
      language: 'plaintext',
    });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(0, 8),
    );
    // A hover card's text escapes spaces (`&nbsp;`): look for the last name alone.
    assert.ok(hovers.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('Lamarr'))));
  });

  it('a duplicate email is said in the form and nothing is sent; Open shows the contact Linq has', async () => {
    const existing = api.session.knownContacts().find((c) => c.id === 10);
    assert.ok(existing?.email);
    standIn.reset();
    const form = await newForm();
    await form.receive({ type: 'save', values: values(form, { firstName: 'Someone', email: existing.email }) });
    const shown = await waitFor(
      'the duplicate notice',
      () => api.openPanels().find((p) => p.panel === form.panel)?.form?.notice,
    );
    assert.match(shown.text, /already has/);
    assert.deepEqual(
      shown.actions.map((a) => a.id),
      ['openExisting', 'createAnyway'],
    );
    assert.deepEqual(writes(standIn), []);
    await form.receive({ type: 'notice', action: 'openExisting' });
    await waitFor('the existing contact opens', () => panelOf(10));
  });

  it('a find that answers with another person is no duplicate: the form says it cannot tell and asks first', async () => {
    standIn.reset();
    standIn.configure({ findAnswersOther: true });
    try {
      const form = await newForm();
      await form.receive({
        type: 'save',
        values: values(form, { firstName: 'Unclear', email: 'unclear.one@x.example' }),
      });
      const shown = await waitFor(
        'the cannot-tell notice',
        () => api.openPanels().find((p) => p.panel === form.panel)?.form?.notice,
      );
      assert.match(shown.text, /cannot be told whether Linq already has this one/);
      assert.doesNotMatch(shown.text, /already has a contact/, 'no stranger is named');
      assert.deepEqual(writes(standIn), [], 'nothing sent before the user answers');
      await form.receive({ type: 'notice', action: 'createAnyway' });
      await waitFor('created once', () => writes(standIn).length === 1);
      assert.deepEqual(writes(standIn), ['POST /contacts']);
    } finally {
      standIn.configure({ findAnswersOther: false });
    }
  });

  it("a 422 shows Linq's own words in the form and keeps everything typed", async () => {
    standIn.reset();
    const form = await newForm();
    await form.receive({
      type: 'save',
      values: values(form, { firstName: 'Owned', ownerEmail: 'nobody@company.example', title: 'Kept' }),
    });
    const f = await waitFor('the refusal', () => {
      const now = api.openPanels().find((p) => p.panel === form.panel)?.form;
      return now && !now.busy && now.problems.length > 0 ? now : undefined;
    });
    assert.ok(f.problems.includes('User not found'), f.problems.join(' | '));
    assert.equal(f.fields.find((x) => x.key === 'title')?.value, 'Kept');
    assert.equal(f.fields.find((x) => x.key === 'ownerEmail')?.value, 'nobody@company.example');
    assert.equal(standIn.created.length, 0);
  });

  it('the client-side checks refuse a bad email before anything is sent', async () => {
    standIn.reset();
    const form = await newForm();
    await form.receive({ type: 'save', values: values(form, { firstName: 'A', email: 'not an email' }) });
    const f = api.openPanels().find((p) => p.panel === form.panel)?.form;
    assert.ok(f?.fields.find((x) => x.key === 'email')?.error);
    assert.deepEqual(writes(standIn), []);
  });

  it('a create whose answer is lost is settled by find: one contact, no second POST', async () => {
    standIn.reset();
    standIn.configure({ resetAfterWrite: true });
    const form = await newForm();
    await form.receive({ type: 'save', values: values(form, { firstName: 'Lost', email: 'lost.answer@x.example' }) });
    await waitFor('the tab shows it', () =>
      api.openPanels().find((p) => p.panel === form.panel && p.contactId !== undefined),
    );
    assert.equal(standIn.requests.filter((r) => r.method === 'POST').length, 1);
    assert.equal(standIn.matching({ email: 'lost.answer@x.example' }).length, 1);
  });

  it('edits a field: PATCH with only that field, the row changes in place', async () => {
    standIn.reset();
    await vscode.commands.executeCommand('linqContacts.editContact', 20);
    const panel = await waitFor('the edit form', () => (panelOf(20)?.form?.mode === 'edit' ? panelOf(20) : undefined));
    await panel.receive({ type: 'save', values: values(panel, { title: 'Chief Tester' }) });
    await waitFor('saved', () => panelOf(20)?.form === undefined);
    assert.deepEqual(writes(standIn), ['PATCH /contacts/20']);
    const patch = standIn.requests.find((r) => r.method === 'PATCH');
    const c20 = standIn.contact(20);
    assert.deepEqual(patch?.body, { contact: { title: 'Chief Tester', first_name: c20?.first_name } });
    assert.equal(api.session.knownContacts().find((c) => c.id === 20)?.title, 'Chief Tester');
    const rows = await api.provider.getChildren();
    const row = rows.find((n) => n.kind === 'contact' && n.contact.id === 20);
    assert.match(String(row && api.provider.getTreeItem(row).description), /Chief Tester/);
  });

  it('an edit checks only what it sends: a contact with a 300-character company still gets a new title', async () => {
    standIn.reset();
    const long = 'W'.repeat(300);
    standIn.changeBehind(22, { company: long });
    await vscode.commands.executeCommand('linqContacts.lookupById', '22');
    await waitFor('the long company is held', () =>
      api.session.knownContacts().find((c) => c.id === 22)?.company === long ? true : undefined,
    );
    await vscode.commands.executeCommand('linqContacts.editContact', 22);
    const panel = await waitFor('the edit form', () => (panelOf(22)?.form?.mode === 'edit' ? panelOf(22) : undefined));
    await panel.receive({ type: 'save', values: values(panel, { title: 'Short Title' }) });
    await waitFor('saved', () => panelOf(22)?.form === undefined);
    assert.deepEqual(writes(standIn), ['PATCH /contacts/22']);
    assert.equal(standIn.contact(22)?.title, 'Short Title');
  });

  it("a contact changed in Linq meanwhile is a conflict: nothing written; Use Linq's values keeps the other edits", async () => {
    standIn.reset();
    await vscode.commands.executeCommand('linqContacts.editContact', 21);
    const panel = await waitFor('the edit form', () => (panelOf(21)?.form?.mode === 'edit' ? panelOf(21) : undefined));
    standIn.changeBehind(21, { company: 'Changed Behind' });
    await panel.receive({ type: 'save', values: values(panel, { company: 'My Company', location: 'Mine' }) });
    const notice = await waitFor('the conflict notice', () => panelOf(21)?.form?.notice);
    assert.deepEqual(
      notice.actions.map((a) => a.id),
      ['overwrite', 'useLinq', 'keepEditing'],
    );
    assert.ok(
      notice.details.some((d) => d.includes('Changed Behind')),
      notice.details.join(' | '),
    );
    assert.deepEqual(writes(standIn), []);
    await panel.receive({ type: 'notice', action: 'useLinq' });
    const form = panelOf(21)?.form;
    assert.equal(form?.fields.find((f) => f.key === 'company')?.value, 'Changed Behind');
    assert.equal(form?.fields.find((f) => f.key === 'location')?.value, 'Mine');
    assert.ok(
      form?.notice?.details.some((d) => d.includes('My Company')),
      'what was typed is shown to copy back',
    );
    await panel.receive({ type: 'save', values: values(panelOf(21) as Panel, {}) });
    await waitFor('saved', () => panelOf(21)?.form === undefined);
    assert.equal(standIn.contact(21)?.location, 'Mine');
    assert.equal(standIn.contact(21)?.company, 'Changed Behind');
  });

  it('deletes after the modal: gone from the view, search and hovers; Cancel sends nothing; a 404 is "already gone"', async () => {
    standIn.reset();
    const victim = api.session.knownContacts().find((c) => c.id === 30);
    assert.ok(victim);
    api.prompts.answerNextConfirm(false);
    await vscode.commands.executeCommand('linqContacts.deleteContact', 30);
    assert.deepEqual(writes(standIn), []);
    api.prompts.answerNextConfirm(true);
    await vscode.commands.executeCommand('linqContacts.deleteContact', 30);
    assert.deepEqual(writes(standIn), ['DELETE /contacts/30']);
    assert.ok(!(await rowIds()).includes(30));
    assert.ok(!api.session.knownContacts().some((c) => c.id === 30));
    const doc = await vscode.workspace.openTextDocument({
      content: `mail ${victim.email ?? ''} now`,
      language: 'plaintext',
    });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(0, 7),
    );
    const lastName = victim.lastName ?? '';
    assert.ok(
      lastName !== '' &&
        !hovers.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes(lastName))),
      'no card for a deleted contact',
    );
    api.prompts.answerNextConfirm(true);
    await vscode.commands.executeCommand('linqContacts.deleteContact', victim);
    assert.deepEqual(
      standIn.requests.filter((r) => r.method === 'DELETE').map((r) => r.status),
      [204, 404],
    );
  });

  it('New Contact from Selection fills the form from a signature block; nothing is sent before Save', async () => {
    standIn.reset();
    const doc = await vscode.workspace.openTextDocument({
      content: 'Thanks,\nJan van der Berg\nAcme BV | Head of Sales\nT: +31 20 123 4567\nE: jan@acme.example\n',
      language: 'plaintext',
    });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(1, 0, 4, 100);
    await vscode.commands.executeCommand('linqContacts.newContactFromSelection');
    const panel = await waitFor('the filled form', () => api.openPanels().find((p) => p.form?.mode === 'new'));
    const shown = Object.fromEntries((panel.form?.fields ?? []).map((f) => [f.key, f.value]));
    assert.deepEqual(shown, {
      firstName: 'Jan',
      lastName: 'van der Berg',
      email: 'jan@acme.example',
      phoneNumber: '+31201234567',
      company: 'Acme BV',
      title: 'Head of Sales',
      location: '',
      ownerEmail: '',
    });
    assert.deepEqual(writes(standIn), []);
  });

  it('read-only: no write is sent, whatever calls it, and the menus hide the write commands', async () => {
    standIn.reset();
    await setting('readOnly', true);
    try {
      await vscode.commands.executeCommand('linqContacts.deleteContact', 50);
      await vscode.commands.executeCommand('linqContacts.editContact', 50);
      assert.equal(panelOf(50)?.form, undefined);
      const form = api.openPanels().find((p) => p.form?.mode === 'new');
      assert.equal(form, undefined);
      assert.deepEqual(writes(standIn), []);
      const manifest = vscode.extensions.getExtension('linq-contacts-dev.linq-contacts')?.packageJSON as {
        contributes: { menus: Record<string, Array<{ command: string; when?: string }>> };
      };
      const writeCommands = [
        'linqContacts.newContact',
        'linqContacts.editContact',
        'linqContacts.deleteContact',
        'linqContacts.import',
        'linqContacts.newContactFromSelection',
      ];
      for (const entries of Object.values(manifest.contributes.menus)) {
        for (const entry of entries.filter((e) => writeCommands.includes(e.command))) {
          assert.match(entry.when ?? '', /!linqContacts\.readOnly/, `${entry.command} is hidden in read-only mode`);
        }
      }
    } finally {
      await setting('readOnly', undefined);
    }
  });
});
