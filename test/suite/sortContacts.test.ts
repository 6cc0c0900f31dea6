import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Contact } from '../../src/api/types';
import { orderFrom } from '../../src/commands/sortContacts';
import { compareFor, keyed, nameCollator, type SortOrder } from '../../src/format/contactOrder';
import type { ContactsTreeNode } from '../../src/tree/contactsProvider';
import type { StandIn } from '../server/linqStandIn';
import { configure, extensionApi, firstRows, useStandIn, waitFor } from './helpers';

function ids(rows: readonly ContactsTreeNode[]): number[] {
  return rows.flatMap((r) => (r.kind === 'contact' ? [r.contact.id] : []));
}

function expected(all: readonly Contact[], order: SortOrder, count: number): number[] {
  return all
    .map((c, i) => keyed(c, i, order))
    .sort(compareFor(order, nameCollator(vscode.env.language)))
    .slice(0, count)
    .map((k) => k.contact.id);
}

async function setOrder(order: SortOrder | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('linqContacts').update('sortBy', order, vscode.ConfigurationTarget.Global);
}

describe('Sort Contacts… and Group by Owner (the view against the stand-in)', () => {
  let standIn: StandIn;

  beforeEach(async () => {
    // Slow pages and nothing loaded in the background: the sort has to walk, and is seen half way.
    standIn = await useStandIn({ count: 900, token: 'suite-token', latencyMs: 150 });
    await configure({ pageSize: 50, prefetchLimit: 0 });
  });

  afterEach(async () => {
    const api = await extensionApi();
    api.provider.setGrouping('none');
    await setOrder(undefined);
    await vscode.workspace
      .getConfiguration('linqContacts')
      .update('ownerEmail', undefined, vscode.ConfigurationTarget.Global);
    await api.tokens.clear();
    await standIn.close();
    await configure({ pageSize: 25, prefetchLimit: 10_000 });
  });

  it('reads an order from a keybinding’s args', () => {
    assert.equal(orderFrom('name'), 'name');
    assert.equal(orderFrom({ order: 'newest' }), 'newest');
    assert.equal(orderFrom({ order: 'shoe size' }), undefined);
    assert.equal(orderFrom(undefined), undefined);
  });

  it('sorts what it holds at once, walks the rest, then shows the whole organisation in order', async () => {
    const api = await firstRows();
    assert.equal(api.provider.rows.complete, false);
    await vscode.commands.executeCommand('linqContacts.sortBy', 'name');
    assert.equal(vscode.workspace.getConfiguration('linqContacts').inspect('sortBy')?.globalValue, 'name');
    const partial = await waitFor('rows sorted among those held', async () => {
      const held = api.session.knownContacts();
      const shown = ids(await api.provider.getChildren());
      return !api.provider.rows.complete && shown.length === 50 && held.length < 900 ? { held, shown } : undefined;
    });
    assert.deepEqual(partial.shown, expected(partial.held, 'name', 50), 'sorted among the ones held');
    await waitFor('every contact held', () => api.provider.rows.complete, 30_000);
    const whole = await waitFor('the whole organisation in order', async () => {
      const shown = ids(await api.provider.getChildren());
      const want = expected(api.session.knownContacts(), 'name', 50);
      return shown.join() === want.join() ? shown : undefined;
    });
    const firstPage = new Set(
      api.session
        .knownContacts()
        .slice(0, 50)
        .map((c) => c.id),
    );
    assert.ok(
      whole.some((id) => !firstPage.has(id)),
      'the sorted rows bring contacts from beyond the first page',
    );
    await api.provider.loadMore();
    const more = ids(await api.provider.getChildren());
    assert.deepEqual(more, expected(api.session.knownContacts(), 'name', 100), 'Load more shows more of the order');
    await setOrder('newest');
    await waitFor('newest first', async () => {
      const shown = ids(await api.provider.getChildren());
      return shown.join() === expected(api.session.knownContacts(), 'newest', 100).join();
    });
  });

  it('groups by owner: yours first, labelled "(You)", with counts', async () => {
    await vscode.workspace
      .getConfiguration('linqContacts')
      .update('ownerEmail', 'SALES@company.example', vscode.ConfigurationTarget.Global);
    const api = await firstRows();
    api.provider.setGrouping('owner');
    const groups = await api.provider.getChildren();
    const labels = groups.filter((g) => g.kind === 'group').map((g) => api.provider.getTreeItem(g).label);
    assert.deepEqual(labels, ['Sam Seller (You)', 'Jane Owner']);
    const mine = groups[0]!;
    const rows = await api.provider.getChildren(mine);
    assert.equal(api.provider.getTreeItem(mine).description, String(rows.length));
    assert.ok(rows.every((r) => r.kind === 'contact' && r.contact.owner?.email === 'sales@company.example'));
    assert.ok(rows.every((r) => api.provider.getTreeItem(r).id?.startsWith('group:owner:sales@company.example/')));
    api.provider.setGrouping('company');
    const companies = await api.provider.getChildren();
    assert.ok(companies.every((g) => (g.kind === 'group' && g.group === 'company') || g.kind === 'loadMore'));
  });
});
