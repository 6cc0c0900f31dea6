import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StandIn } from '../server/linqStandIn';
import { configure, extensionApi, useStandIn, waitFor } from './helpers';

/** A tree item's label as text. */
function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('Contacts view (provider against the stand-in)', () => {
  let standIn: StandIn;

  before(async () => {
    standIn = await useStandIn({ count: 60, token: 'suite-token' });
    await configure({ pageSize: 25 });
  });

  after(async () => {
    const api = await extensionApi();
    await api.tokens.clear();
    await standIn.close();
  });

  it('shows nothing and sends no request without a token', async () => {
    const api = await extensionApi();
    await api.tokens.clear();
    await waitFor('token cleared', async () => !(await api.tokens.has()));
    const rows = await api.provider.getChildren();
    assert.deepEqual(rows, []);
    assert.equal(standIn.requests.length, 0);
  });

  it('loads the first page once a token is set, with Load more last', async () => {
    const api = await extensionApi();
    await api.tokens.set('suite-token');
    const rows = await waitFor('first page', async () => {
      await api.provider.getChildren();
      await api.provider.idle();
      const r = await api.provider.getChildren();
      return r.length > 1 ? r : undefined;
    }).catch((e: Error) => {
      const err = api.provider.rows.error;
      throw new Error(
        `${e.message}; view error: ${err?.kind} ${String(err?.details.cause)} ${String((err?.details.cause as Error)?.cause)}`,
      );
    });
    // The suite is bundled apart from the extension, so nodes are told apart by `kind`, not instanceof.
    assert.equal(rows.filter((r) => r.kind === 'contact').length, 25);
    const last = rows[rows.length - 1];
    assert.equal(last?.kind, 'loadMore');
    assert.ok(last);
    assert.match(labelOf(api.provider.getTreeItem(last)), /^Load more/);
    assert.equal(api.provider.getTreeItem(last).description, '25 of 60 loaded');
    assert.equal(standIn.requests[0]?.token, 'suite-token');
  });
});

describe('Contacts view states', () => {
  let standIn: StandIn;

  beforeEach(async () => {
    // Three pages of 100 (the store's page size), shown 100 rows at a time, nothing loaded in the background.
    standIn = await useStandIn({ count: 260, token: 'suite-token' });
    await configure({ pageSize: 100, prefetchLimit: 0 });
  });

  afterEach(async () => {
    const api = await extensionApi();
    await api.tokens.clear();
    await standIn.close();
    await configure({ pageSize: 25, prefetchLimit: 10_000 });
  });

  /** Sets the token and waits for the first load to settle. */
  async function loadWith(token: string): Promise<Awaited<ReturnType<typeof extensionApi>>> {
    const api = await extensionApi();
    await api.tokens.set(token);
    await waitFor(
      'first load settled',
      async () => {
        await api.provider.getChildren();
        await api.provider.idle();
        return api.provider.rows.loadedAny || api.provider.rows.error !== undefined;
      },
      20_000,
    );
    return api;
  }

  it('follows SecretStorage changes (secrets.onDidChange) and reloads', async () => {
    const api = await extensionApi();
    let fired = 0;
    const sub = api.tokens.onDidChange(() => fired++);
    await loadWith('suite-token');
    await waitFor('change event', () => fired > 0);
    await api.tokens.clear();
    await waitFor('second change event', () => fired > 1);
    sub.dispose();
    assert.equal(api.provider.rows.contacts.length, 0);
  });

  it('a refused token shows a message and one Set API Token row, and keeps the token', async () => {
    const api = await loadWith('wrong-token');
    assert.equal(api.provider.rows.error?.kind, 'auth');
    const rows = await api.provider.getChildren();
    assert.equal(rows.length, 1);
    const item = api.provider.getTreeItem(rows[0]!);
    assert.equal(item.label, 'Set API Token…');
    assert.equal(item.command?.command, 'linqContacts.setToken');
    assert.equal(standIn.requests.length, 1, 'a 401 is not retried');
    assert.equal(await api.tokens.has(), true, 'the refused token is kept');
    await vscode.commands.executeCommand('linqContacts.refresh');
    await waitFor('the same token sent again after Refresh', async () => {
      await api.provider.getChildren();
      await api.provider.idle();
      return standIn.requests.length === 2;
    });
    assert.equal(standIn.requests[1]?.token, 'wrong-token');
  });

  it('server trouble after retries keeps the rows shown and offers Retry, which recovers', async () => {
    const api = await loadWith('suite-token');
    assert.equal(api.provider.rows.contacts.length, 100);
    standIn.configure({ forceStatus: 503 });
    await api.provider.loadMore();
    assert.equal(api.provider.rows.error?.kind, 'server');
    let rows = await api.provider.getChildren();
    assert.equal(rows.filter((r) => r.kind === 'contact').length, 100, 'rows already shown stay');
    assert.equal(api.provider.getTreeItem(rows[rows.length - 1]!).label, 'Retry');
    standIn.configure({ forceStatus: 0 });
    await api.provider.loadMore();
    rows = await api.provider.getChildren();
    assert.equal(rows.filter((r) => r.kind === 'contact').length, 200);
  });

  it('two Load more calls fetch one page once; shifted pages show each id once', async () => {
    const api = await loadWith('suite-token');
    standIn.configure({ shiftEvery: 1 });
    standIn.reset();
    await Promise.all([api.provider.loadMore(), api.provider.loadMore()]);
    assert.equal(api.provider.rows.contacts.length, 200, 'two clicks at once: one step of rows');
    // A contact added at the front shifts page 2 by one: its first row was already shown, so 100 new rows
    // take page 3 as well. No page is asked twice.
    const pages = standIn.requests.map((r) => r.query.page);
    assert.deepEqual(pages, ['2', '3']);
    await api.provider.loadMore();
    const ids = api.provider.rows.contacts.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('the filter narrows rows and finds matches beyond the loaded pages', async () => {
    const api = await loadWith('suite-token');
    api.provider.setFilter('Joan');
    await waitFor('all contacts walked', () => api.provider.rows.complete, 20_000);
    const rows = await api.provider.getChildren();
    const names = rows.filter((r) => r.kind === 'contact').map((r) => labelOf(api.provider.getTreeItem(r)));
    assert.ok(names.length >= 3, `matches: ${names.join(', ')}`);
    assert.ok(names.every((n) => n.includes('Joan')));
    api.provider.setFilter('');
    const rowsAfter = await api.provider.getChildren();
    assert.equal(rowsAfter.filter((r) => r.kind === 'contact').length, 100, 'the rows shown before the filter');
    assert.equal(rowsAfter.at(-1)?.kind, 'loadMore');
    const pages = standIn.requests.filter((r) => r.path.endsWith('/contacts')).map((r) => r.query.page);
    assert.deepEqual(pages, ['1', '2', '3'], 'the walk asked only the pages the view had not');
  });

  it('groups by company with counts', async () => {
    const api = await loadWith('suite-token');
    api.provider.setGrouping('company');
    const groups = await api.provider.getChildren();
    assert.ok(groups.every((g) => (g.kind === 'group' && g.group === 'company') || g.kind === 'loadMore'));
    const first = groups[0]!;
    const children = await api.provider.getChildren(first);
    assert.equal(api.provider.getTreeItem(first).description, String(children.length));
    api.provider.setGrouping('none');
  });

  it('counts contacts a refresh brings while the view is hidden on its badge, marks their rows, and clears when shown', async () => {
    const api = await loadWith('suite-token');
    await vscode.commands.executeCommand('workbench.view.explorer');
    const added = [standIn.addBehind({ first_name: 'Nova' }), standIn.addBehind({ first_name: 'Neo' })];
    await vscode.commands.executeCommand('linqContacts.refresh');
    await waitFor('the badge counts the two new contacts', () => api.provider.newCount === 2, 20_000);
    const rows = await api.provider.getChildren();
    const marked = rows.filter((r) => r.kind === 'contact' && added.some((a) => a.id === r.contact.id));
    assert.equal(marked.length, 2);
    const item = api.provider.getTreeItem(marked[0]!);
    assert.match(String(item.description), /^New · /);
    assert.match(String(item.accessibilityInformation?.label), /, new$/);
    const old = rows.find((r) => r.kind === 'contact' && !added.some((a) => a.id === r.contact.id))!;
    assert.doesNotMatch(String(api.provider.getTreeItem(old).description), /^New/);
    await vscode.commands.executeCommand('linqContacts.focus');
    await waitFor('showing the view clears the badge', () => api.provider.newCount === 0);
    assert.match(String(api.provider.getTreeItem(marked[0]!).description), /^New · /, 'marked while seen');
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor('hidden again: the marks go', async () => {
      const again = (await api.provider.getChildren()).find(
        (r) => r.kind === 'contact' && r.contact.id === added[0]!.id,
      );
      return again !== undefined && !String(api.provider.getTreeItem(again).description).startsWith('New');
    });
  });

  it('a first walk marks nothing new', async () => {
    const api = await loadWith('suite-token');
    await vscode.commands.executeCommand('workbench.view.explorer');
    await api.provider.loadMore();
    assert.equal(api.provider.newCount, 0);
  });
});
