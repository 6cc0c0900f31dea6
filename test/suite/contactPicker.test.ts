import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { demoContact, hostileIndex, makeContact } from '../server/contactFactory';
import type { StandIn } from '../server/linqStandIn';
import { PICKER_MAX_ITEMS } from '../../src/commands/contactPicker';
import { configure, extensionApi, useStandIn, waitFor } from './helpers';

describe('Search Contacts quick pick and row tooltips', () => {
  const COUNT = 1_000;
  let standIn: StandIn;

  before(async () => {
    standIn = await useStandIn({ count: COUNT, token: 'suite-token', latencyMs: 5, hostile: true });
    await configure({ pageSize: 25 });
    const api = await extensionApi();
    await api.tokens.set('suite-token');
    await waitFor('token', () => api.tokens.has());
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const api = await extensionApi();
    await api.tokens.clear();
    await standIn.close();
  });

  it('fills in every contact while open, holds at most its cap, matches what is typed, and opens the chosen one', async () => {
    const api = await extensionApi();
    const search = vscode.commands.executeCommand('linqContacts.search');
    const pick = await waitFor('quick pick shown', () => api.prompts.shownPicker());
    await waitFor(
      'all contacts loaded',
      () => !pick.busy && (pick.title ?? '').includes(`(${COUNT} contacts)`),
      30_000,
    );
    const ids = pick.items.map((item) => item.contact?.id);
    assert.equal(ids.length, PICKER_MAX_ITEMS, 'the list holds at most its cap, not the whole organisation');
    assert.equal(new Set(ids).size, ids.length, 'each contact once');
    assert.deepEqual(ids.slice(0, 3), [1, 2, 3], 'in the API’s order');
    assert.ok(
      pick.items.every((item) => item.alwaysShow === true),
      'the workbench does not filter again',
    );
    const walkPages = standIn.requests
      .filter((r) => r.query.per_page === '100' && r.status === 200)
      .map((r) => r.query.page);
    assert.equal(walkPages.length, COUNT / 100, 'each page of the walk asked once');
    assert.equal(new Set(walkPages).size, COUNT / 100);

    // VS Code filters in the workbench and reports the highlighted row back.
    const target = demoContact(873);
    pick.value = target.email as string;
    await waitFor('the match highlighted', () => pick.activeItems[0]?.contact?.id === 874);
    assert.deepEqual(
      pick.items.map((item) => item.contact?.id),
      [874],
      'only the match is offered',
    );
    assert.match(pick.title ?? '', /\b1 match\b/);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await search;
    assert.equal(api.prompts.shownPicker(), undefined, 'closed after choosing');
    await waitFor('its tab open', () => api.openPanels().find((p) => p.contactId === 874));
  });

  it('with the box empty shows the pinned contacts, then the recently opened ones, then the rest, each once', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('linqContacts.pin', { contactId: 5 });
    await vscode.commands.executeCommand('linqContacts.pin', { contactId: 9 });
    for (const id of [20, 5, 30]) {
      await vscode.commands.executeCommand('linqContacts.openContact', { contactId: id });
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const search = vscode.commands.executeCommand('linqContacts.search');
    const pick = await waitFor('quick pick shown', () => api.prompts.shownPicker());
    try {
      const wanted = ['Pinned', 5, 9, 'Recently opened', 30, 20];
      const rows = await waitFor('pinned, then recent, first', () => {
        const r = pick.items.map((i) => (i.kind === vscode.QuickPickItemKind.Separator ? i.label : i.contact?.id));
        return r.slice(0, wanted.length).join() === wanted.join() ? r : undefined;
      });
      const recent = rows.slice(rows.indexOf('Recently opened') + 1, rows.indexOf('All contacts'));
      assert.ok(!recent.includes(5) && recent.length <= 10, 'a pinned contact shows once; at most 10 recents');
      const ids = pick.items.flatMap((i) => (i.contact ? [i.contact.id] : []));
      assert.equal(new Set(ids).size, ids.length, 'each contact once');
      pick.value = 'zzz-no-such-contact';
      await waitFor('typing leaves the pins', () => !pick.items.some((i) => i.label === 'Pinned'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await search;
    }
    await vscode.commands.executeCommand('linqContacts.unpin', { contactId: 5 });
    await vscode.commands.executeCommand('linqContacts.unpin', { contactId: 9 });
  });

  it('highlights a match that arrives after the user typed, so Enter opens it', async () => {
    const api = await extensionApi();
    await standIn.close();
    // A slow organisation: the match is on the last page, which comes after the query is typed.
    standIn = await useStandIn({ count: COUNT, token: 'suite-token', latencyMs: 150, hostile: true });
    await waitFor('the old contacts forgotten', () => api.session.knownContacts().length === 0);
    const search = vscode.commands.executeCommand('linqContacts.search');
    const pick = await waitFor('quick pick shown', () => api.prompts.shownPicker());
    const target = demoContact(COUNT - 3);
    pick.value = target.email as string;
    assert.ok(
      pick.busy && !pick.items.some((item) => item.contact?.id === COUNT - 2),
      'typed before the match arrived',
    );
    await waitFor('the late match highlighted', () => pick.activeItems[0]?.contact?.id === COUNT - 2, 20_000);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await search;
    await waitFor('its tab open', () => api.openPanels().find((p) => p.contactId === COUNT - 2));
  });

  it('builds a row’s Markdown tooltip on hover, with markup in the data kept as text', async () => {
    const api = await extensionApi();
    const rows = await waitFor('rows', async () => {
      await api.provider.idle();
      const r = await api.provider.getChildren();
      return r.some((n) => n.kind === 'contact' && n.contact.id === 3) ? r : undefined;
    });
    const hostile = rows.find((n) => n.kind === 'contact' && n.contact.id === 3)!;
    assert.match(String(makeContact(hostileIndex('markup'), true).full_name), /<img src=x/);
    const item = api.provider.getTreeItem(hostile);
    assert.equal(item.tooltip, undefined, 'not built for every row on refresh');
    const resolved = api.provider.resolveTreeItem(item, hostile);
    assert.ok(resolved.tooltip instanceof vscode.MarkdownString);
    const md = resolved.tooltip;
    assert.notEqual(md.supportHtml, true);
    assert.notEqual(md.isTrusted, true);
    // appendText escapes Markdown and breaks tags (spaces become &nbsp;, `>` is escaped): no tag survives.
    assert.doesNotMatch(md.value, /<img\s|<script>/, 'markup escaped');
    assert.match(md.value, /Mallory&nbsp;3/);
  });

  it('with 20,000 contacts never holds more than its cap, and still offers the last contact for its exact name', async () => {
    const api = await extensionApi();
    await standIn.close();
    const big = 20_000;
    standIn = await useStandIn({ count: big, token: 'suite-token' });
    await waitFor('the old contacts forgotten', () => api.session.knownContacts().length === 0);
    const search = vscode.commands.executeCommand('linqContacts.search');
    const pick = await waitFor('quick pick shown', () => api.prompts.shownPicker());
    let most = 0;
    const last = demoContact(big - 1);
    await waitFor(
      'every contact loaded',
      () => {
        most = Math.max(most, pick.items.length);
        return !pick.busy;
      },
      60_000,
    );
    assert.ok((pick.title ?? '').includes(`(${big} contacts)`), pick.title);
    pick.value = String(last.full_name);
    await waitFor('the last contact offered', () => pick.items.some((item) => item.contact?.id === big));
    most = Math.max(most, pick.items.length);
    assert.ok(most <= PICKER_MAX_ITEMS, `held ${most} rows`);
    assert.match(pick.title ?? '', /\d+ match · 20000 contacts/);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await search;
  });
});
