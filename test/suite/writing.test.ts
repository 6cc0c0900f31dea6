import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import * as vscode from 'vscode';
import { parseContact } from '../../src/api/validate';
import type { Contact } from '../../src/api/types';
import { HOVER_COMMANDS } from '../../src/editor/emailHoverProvider';
import { MENTION_MAX_ITEMS } from '../../src/editor/mentionProvider';
import { bestMatches } from '../../src/format/contactMatch';
import { CONTACT_FIELDS, toContactJson } from '../../src/format/contactJson';
import { CSV_COLUMNS } from '../../src/format/csv';
import { displayName, truncate } from '../../src/format/contactText';
import { formatContact, INSERT_FORMATS, MENTION_FORMATS } from '../../src/format/insertFormats';
import { oneLine } from '../../src/format/sanitize';
import { hostileIndex, makeContact, type HostileVariant } from '../server/contactFactory';
import type { StandIn } from '../server/linqStandIn';
import { configure, extensionApi, useStandIn, waitFor } from './helpers';

const TOKEN = 'suite-token';
const COUNT = 300;

/** The stand-in's contact as the extension holds it after validation. */
function held(variant: HostileVariant): Contact {
  return parseContact(makeContact(hostileIndex(variant), true));
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('linqContacts').update(key, value, vscode.ConfigurationTarget.Global);
}

let scratchDocs = 0;

/**
 * A new untitled document with this text, under a name never used before (`openTextDocument({ content })`
 * reuses "Untitled-N" names, and a request can then meet an older document's text).
 */
async function scratch(text: string, language = 'plaintext'): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.parse(`untitled:linq-scratch-${++scratchDocs}`);
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  return vscode.languages.setTextDocumentLanguage(doc, language);
}

/** A new untitled document with this text, shown. */
async function editorWith(text: string, language = 'plaintext'): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await scratch(text, language));
}

/** Presses Enter in the quick input (the item on top) until the command that opened it has answered. */
async function acceptUntilAnswered(command: Thenable<unknown>): Promise<void> {
  let settled = false;
  void Promise.resolve(command).finally(() => (settled = true));
  await waitFor('the picker answered', async () => {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return settled;
  });
}

/** Closes every editor without asking to save (the documents are untitled scratch text). */
async function closeAll(): Promise<void> {
  while (vscode.window.activeTextEditor) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The completion items of this extension (kind User) at the end of a one-line document. */
async function mentionsAt(text: string, language = 'markdown'): Promise<{ items: vscode.CompletionItem[]; incomplete: boolean; doc: vscode.TextDocument }> {
  const doc = await scratch(text, language);
  const end = doc.lineAt(0).range.end;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end, text.endsWith('@') ? '@' : undefined);
  const items = list.items.filter((item) => item.kind === vscode.CompletionItemKind.User);
  return { items, incomplete: list.isIncomplete === true, doc };
}

/** What precedes the `@` of a contact's address: unique per contact in the stand-in. */
function localPart(contact: Contact): string {
  return (contact.email ?? '').split('@')[0] ?? '';
}

/** A contact's name as a completion item shows it. */
function shownName(contact: Contact): string {
  return truncate(oneLine(displayName(contact)), 80);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** This extension's hover cards at a position (other providers' hovers are left out). */
async function cardsAt(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.MarkdownString[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && c.value.includes('command:linqContacts.'));
}

describe('contacts where you write: Insert Contact, @-mentions, hover cards, export', () => {
  let standIn: StandIn;
  let all: readonly Contact[] = [];

  before(async () => {
    standIn = await useStandIn({ count: COUNT, token: TOKEN, hostile: true });
    await configure({ prefetchLimit: 10_000 });
    const api = await extensionApi();
    await api.tokens.set(TOKEN);
    await api.provider.getChildren();
    all = await waitFor('every contact held', () => (api.session.knownContacts().length === COUNT ? api.session.knownContacts() : undefined), 20_000);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAll();
  });

  after(async () => {
    await setting('mentions.format', undefined);
    await setting('hovers', undefined);
    const api = await extensionApi();
    await api.tokens.clear();
    await standIn.close();
  });

  describe('Insert Contact', () => {
    it('inserts every format at every cursor and over every selection, literally ($1 and ${x} stay text)', async () => {
      const contact = held('snippet');
      assert.match(contact.fullName ?? '', /\$1 \$\{x\} \}/);
      for (const format of INSERT_FORMATS) {
        const editor = await editorWith('one\ntwo\nthree');
        editor.selections = [new vscode.Selection(0, 0, 0, 0), new vscode.Selection(1, 0, 1, 3), new vscode.Selection(2, 5, 2, 5)];
        const done = await vscode.commands.executeCommand<boolean>('linqContacts.insertContact', { contactId: contact.id, format });
        assert.equal(done, true, format);
        const text = (formatContact(contact, format) ?? '').replace(/\r\n/g, '\n');
        assert.equal(editor.document.getText(), `${text}one\n${text}\nthree${text}`, format);
        await closeAll();
      }
    });

    it('offers the last format used first', async () => {
      const contact = held('snippet');
      for (const format of ['phone', 'markdownLink'] as const) {
        const editor = await editorWith('');
        await vscode.commands.executeCommand('linqContacts.insertContact', { contactId: contact.id, format });
        await closeAll();
        void editor;
        const next = await editorWith('');
        // No format given: the picker opens with the last format on top, and Enter takes it.
        const insert = vscode.commands.executeCommand<boolean>('linqContacts.insertContact', contact);
        await acceptUntilAnswered(insert);
        assert.equal(await insert, true);
        assert.equal(next.document.getText(), formatContact(contact, format));
        await closeAll();
      }
    });

    it('from the palette: the search picker, then the format picker, then the text at the cursor', async () => {
      const api = await extensionApi();
      const target = all[123] as Contact;
      const editor = await editorWith('owner: ');
      editor.selection = new vscode.Selection(0, 7, 0, 7);
      const insert = vscode.commands.executeCommand<boolean>('linqContacts.insertContact');
      const pick = await waitFor('the contact picker', () => api.shownPicker());
      pick.value = target.email ?? '';
      await waitFor('the contact offered', () => pick.activeItems[0]?.contact.id === target.id);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await waitFor('the contact picker closed', () => api.shownPicker() === undefined);
      // The format picker: Enter takes the format on top (the last one used by the tests above).
      await acceptUntilAnswered(insert);
      assert.equal(await insert, true);
      assert.equal(editor.document.getText(), `owner: ${formatContact(target, 'markdownLink') ?? ''}`);
    });

    it('from a row of the Contacts view', async () => {
      const api = await extensionApi();
      const rows = await api.provider.getChildren();
      const row = rows.find((node) => node.kind === 'contact');
      assert.ok(row && row.kind === 'contact');
      const editor = await editorWith('');
      const insert = vscode.commands.executeCommand<boolean>('linqContacts.insertContact', row);
      await acceptUntilAnswered(insert);
      assert.equal(editor.document.getText(), formatContact(row.contact, 'markdownLink'));
    });

    it('with no editor open says so and asks nothing', async () => {
      const api = await extensionApi();
      await closeAll();
      const done = await vscode.commands.executeCommand<boolean>('linqContacts.insertContact');
      assert.equal(done, false);
      assert.equal(api.shownPicker(), undefined, 'no contact picker opened');
    });

    it('inserts into the text editor used last when a detail tab has focus', async () => {
      const api = await extensionApi();
      const editor = await editorWith('to: ');
      editor.selection = new vscode.Selection(0, 4, 0, 4);
      const contact = all[10] as Contact;
      await vscode.commands.executeCommand('linqContacts.openContact', contact);
      await waitFor('the tab open and active', () => api.openPanels().find((p) => p.contactId === contact.id && p.panel.active));
      await waitFor('the detail tab has focus, no text editor', () => vscode.window.activeTextEditor === undefined);
      assert.equal(await vscode.commands.executeCommand('linqContacts.insertContact', { contactId: contact.id, format: 'email' }), true);
      assert.equal(editor.document.getText(), `to: ${contact.email ?? ''}`);
    });
  });

  describe('@-mentions', () => {
    it('offers at most 50 contacts in the matcher’s order, replacing exactly the @query', async () => {
      const { items, incomplete, doc } = await mentionsAt('cc @gra');
      const expected = bestMatches(all, 'gra', MENTION_MAX_ITEMS);
      assert.ok(expected.total > 0);
      assert.deepEqual(items.map(labelOf), expected.shown.map(shownName));
      assert.ok(items.length <= MENTION_MAX_ITEMS);
      assert.equal(incomplete, expected.total > MENTION_MAX_ITEMS);
      const first = items[0] as vscode.CompletionItem;
      const range = first.range instanceof vscode.Range ? first.range : first.range?.replacing;
      assert.ok(range?.isEqual(new vscode.Range(0, 3, 0, 7)), 'the @query, nothing else');
      assert.equal(typeof first.insertText, 'string', 'plain text, never a snippet');
      assert.equal(first.insertText, formatContact(expected.shown[0] as Contact, 'nameAndEmail'));
      assert.equal(doc.getText(), 'cc @gra');
    });

    it('caps a broad query at 50 and marks the list incomplete', async () => {
      const { items, incomplete } = await mentionsAt('@a');
      assert.equal(items.length, MENTION_MAX_ITEMS);
      assert.ok(bestMatches(all, 'a', 1000).total > MENTION_MAX_ITEMS);
      assert.equal(incomplete, true);
    });

    it('a name with snippet syntax is inserted as it is; the format follows the setting', async () => {
      const contact = held('snippet');
      try {
        for (const format of MENTION_FORMATS) {
          await setting('mentions.format', format);
          const { items } = await mentionsAt(`@${localPart(contact)}`);
          assert.equal(items.length, 1, format);
          assert.equal(items[0]?.insertText, formatContact(contact, format), format);
          if (format !== 'email' && format !== 'phone') {
            assert.match(String(items[0]?.insertText), /\$1 \$\{x\}/);
          }
        }
      } finally {
        await setting('mentions.format', undefined);
      }
    });

    it('answers in git-commit and scminput, never inside an address; a bare @ lists the first contacts', async () => {
      assert.ok((await mentionsAt('Reviewed-by: @gra', 'git-commit')).items.length > 0);
      assert.ok((await mentionsAt('@gra', 'scminput')).items.length > 0);
      assert.equal((await mentionsAt('john@gra')).items.length, 0);
      const bare = await mentionsAt('ask @');
      assert.deepEqual(bare.items.map(labelOf), all.slice(0, MENTION_MAX_ITEMS).map(shownName));
      assert.equal(bare.incomplete, true, 'asked again as the user types');
    });

    it('is incomplete while contacts are loading, complete once all are in', async () => {
      const api = await extensionApi();
      const slow = await useStandIn({ count: 2_000, token: TOKEN, latencyMs: 400 });
      try {
        await waitFor('the old store dropped', () => api.session.knownContacts().length === 0);
        const early = await waitFor('some contacts offered while loading', async () => {
          const answer = await mentionsAt('@grace');
          return answer.items.length > 0 ? answer : undefined;
        }, 20_000);
        assert.ok(api.session.knownContacts().length < 2_000, 'still loading');
        assert.equal(early.incomplete, true);
        await waitFor('all loaded', () => api.session.knownContacts().length === 2_000, 30_000);
        const target = api.session.knownContacts()[1_999] as Contact;
        const late = await mentionsAt(`@${localPart(target)}`);
        assert.deepEqual(late.items.map(labelOf), [shownName(target)]);
        assert.equal(late.incomplete, false);
      } finally {
        await slow.close();
        await configure({ apiBaseUrl: standIn.baseUrl });
        await waitFor('the suite’s contacts back', async () => {
          await api.provider.getChildren();
          return api.session.knownContacts().length === COUNT;
        }, 20_000);
      }
    });

    it('without a token offers nothing and sends nothing; Clear API Token drops mentions and hover cards at once', async () => {
      const api = await extensionApi();
      const known = all[7] as Contact;
      const doc = await scratch(`${known.email ?? ''}`);
      assert.equal((await cardsAt(doc, new vscode.Position(0, 2))).length, 1, 'a card while the token is set');
      await api.tokens.clear();
      try {
        await waitFor('the token gone', async () => !(await api.tokens.has()));
        standIn.reset();
        assert.equal((await mentionsAt('@gra')).items.length, 0);
        assert.equal((await mentionsAt('@')).items.length, 0);
        assert.equal((await cardsAt(doc, new vscode.Position(0, 2))).length, 0, 'no card from a dropped store');
        assert.deepEqual(standIn.requests, [], 'no request without a token');
      } finally {
        await api.tokens.set(TOKEN);
        await waitFor('the suite’s contacts back', async () => {
          await api.provider.getChildren();
          return api.session.knownContacts().length === COUNT;
        }, 20_000);
      }
    });
  });

  describe('hover cards', () => {
    it('shows a card for a held address, its text escaped, trusting only the extension’s commands', async () => {
      for (const variant of ['markdownCommand', 'markup'] as const) {
        const contact = held(variant);
        const line = `Mail ${contact.email ?? ''} today`;
        const doc = (await editorWith(line)).document;
        const cards = await cardsAt(doc, new vscode.Position(0, 8));
        assert.equal(cards.length, 1, variant);
        const card = cards[0] as vscode.MarkdownString;
        assert.deepEqual(card.isTrusted, { enabledCommands: [...HOVER_COMMANDS] });
        assert.notEqual(card.supportHtml, true);
        const links = [...card.value.matchAll(/(?<!\\)\]\((\w+):([^?)]*)/g)].map((m) => `${m[1] ?? ''}:${m[2] ?? ''}`);
        assert.ok(links.length >= 3);
        assert.ok(
          links.every((l) => HOVER_COMMANDS.some((c) => l === `command:${c}`)),
          `only the extension's commands: ${links.join(', ')}`,
        );
        assert.doesNotMatch(card.value, /<img|<script|<b>/i, 'no raw HTML');
        if (variant === 'markdownCommand') {
          assert.match(card.value, /\\\[link\\\]\\\(command:workbench\.action\.quit\\\)/);
          assert.match(card.value, /\\\*\\\*bold\\\*\\\*/);
          assert.match(card.value, /\\\$\\\(alert\\\)|\$\\\(alert\\\)/);
        } else {
          assert.match(card.value, /&lt;img/);
        }
        await closeAll();
      }
    });

    it('its Copy email link copies that contact’s address; unknown addresses and the setting off give no card', async () => {
      const contact = all[42] as Contact;
      const doc = (await editorWith(`${contact.email ?? ''} and nobody@nowhere.example`)).document;
      const [card] = await cardsAt(doc, new vscode.Position(0, 2));
      assert.ok(card);
      const link = /\(command:linqContacts\.copyEmail\?([^)]+)\)/.exec(card.value);
      assert.ok(link?.[1]);
      const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
      await vscode.env.clipboard.writeText('before');
      await vscode.commands.executeCommand('linqContacts.copyEmail', ...args);
      assert.equal(await vscode.env.clipboard.readText(), contact.email);
      const open = /\(command:linqContacts\.openContact\?([^)]+)\)/.exec(card.value);
      assert.ok(open?.[1]);
      await vscode.commands.executeCommand('linqContacts.openContact', ...(JSON.parse(decodeURIComponent(open[1])) as unknown[]));
      const api = await extensionApi();
      await waitFor('its detail tab open', () => api.openPanels().find((p) => p.contactId === contact.id));
      const unknownAt = doc.getText().indexOf('nobody') + 3;
      assert.equal((await cardsAt(doc, doc.positionAt(unknownAt))).length, 0);
      await setting('hovers', false);
      try {
        assert.equal((await cardsAt(doc, new vscode.Position(0, 2))).length, 0);
      } finally {
        await setting('hovers', undefined);
      }
    });
  });

  describe('Export Contacts', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-export-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('writes CSV that a real parser reads back as the same contacts and values', async () => {
      const api = await extensionApi();
      const target = vscode.Uri.file(path.join(dir, 'contacts.csv'));
      const result = await api.exportTo('csv', target);
      assert.equal(result?.count, COUNT);
      const bytes = fs.readFileSync(target.fsPath);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
      const rows: string[][] = parse(bytes, { bom: true });
      assert.deepEqual(rows[0], CSV_COLUMNS);
      assert.equal(rows.length, COUNT + 1);
      const byId = new Map(rows.slice(1).map((r) => [Number(r[0]), r]));
      for (const contact of all) {
        const row = byId.get(contact.id);
        assert.ok(row, `contact ${contact.id} exported`);
        const json = toContactJson(contact);
        CONTACT_FIELDS.forEach((field, i) => {
          const value = json[field];
          const text = value === null ? '' : String(value);
          assert.equal(row[i], /^[=+\-@]/.test(text) ? `'${text}` : text, `${contact.id} ${field}`);
        });
      }
      const formula = byId.get(held('formula').id);
      assert.match(formula?.[3] ?? '', /^'=HYPERLINK/);
      assert.equal(formula?.[6], "'+cmd|/C calc");
      assert.deepEqual(fs.readdirSync(dir), ['contacts.csv'], 'no temporary file left');
    });

    it('writes one vCard per contact, and JSON with the documented fields', async () => {
      const api = await extensionApi();
      const vcf = vscode.Uri.file(path.join(dir, 'contacts.vcf'));
      await api.exportTo('vcard', vcf);
      assert.equal(fs.readFileSync(vcf.fsPath, 'utf8').match(/^BEGIN:VCARD\r$/gm)?.length, COUNT);
      const jsonFile = vscode.Uri.file(path.join(dir, 'contacts.json'));
      await api.exportTo('json', jsonFile);
      const parsed = JSON.parse(fs.readFileSync(jsonFile.fsPath, 'utf8')) as Array<Record<string, unknown>>;
      assert.equal(parsed.length, COUNT);
      for (const entry of parsed) {
        assert.deepEqual(Object.keys(entry), [...CONTACT_FIELDS, 'contact_owner']);
        for (const field of CONTACT_FIELDS.slice(1)) {
          assert.ok(entry[field] === null || typeof entry[field] === 'string', field);
        }
      }
    });

    it('Cancel mid-export and a failure both leave no file behind', async () => {
      const api = await extensionApi();
      const slow = await useStandIn({ count: 3_000, token: TOKEN, latencyMs: 250 });
      try {
        await waitFor('the old store dropped', () => api.session.knownContacts().length === 0);
        const target = vscode.Uri.file(path.join(dir, 'cancelled.csv'));
        const cancel = new vscode.CancellationTokenSource();
        const running = api.exportTo('csv', target, cancel.token);
        await waitFor('some contacts loaded', () => api.session.knownContacts().length >= 400, 20_000);
        cancel.cancel();
        assert.equal(await running, undefined);
        assert.deepEqual(fs.readdirSync(dir), []);

        slow.configure({ failPages: [25] });
        const failing = vscode.Uri.file(path.join(dir, 'failed.csv'));
        await assert.rejects(Promise.resolve(api.exportTo('csv', failing)));
        assert.deepEqual(fs.readdirSync(dir), []);
      } finally {
        await slow.close();
        await configure({ apiBaseUrl: standIn.baseUrl });
      }
    });
  });
});
