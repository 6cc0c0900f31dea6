import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RETRY_LIMIT } from '../../src/api/limits';
import type { ContactsTreeNode } from '../../src/tree/contactsProvider';
import type { StandIn } from '../server/linqStandIn';
import { configure, extensionApi, firstRows, useStandIn, waitFor } from './helpers';

async function pinnedIds(
  api: Awaited<ReturnType<typeof extensionApi>>,
): Promise<{ ids: number[]; top: ContactsTreeNode | undefined }> {
  const top = (await api.provider.getChildren())[0];
  if (top?.kind !== 'group' || top.group !== 'pinned') {
    return { ids: [], top };
  }
  const rows = await api.provider.getChildren(top);
  return { ids: rows.flatMap((r) => (r.kind === 'contact' ? [r.contact.id] : [])), top };
}

describe('Pinned contacts and recents (the view against the stand-in)', () => {
  let standIn: StandIn;

  before(async () => {
    standIn = await useStandIn({ count: 300, token: 'suite-token' });
    await configure({ pageSize: 25, prefetchLimit: 0 });
  });

  after(async () => {
    const api = await extensionApi();
    await api.tokens.clear();
    await standIn.close();
    await configure({ pageSize: 25, prefetchLimit: 10_000 });
  });

  it('pins at the top, fetches a pin not held, keeps pins across a reopened session, and drops one Linq lost', async () => {
    const api = await firstRows();
    const held = api.session.knownContacts();
    const [a, b] = [held[0]!.id, held[5]!.id];
    // A contact not held (only the first page is, nothing is prefetched).
    const far = [10, 290].find((id) => !held.some((c) => c.id === id))!;
    await vscode.commands.executeCommand('linqContacts.pin', { contactId: a });
    await vscode.commands.executeCommand('linqContacts.pin', { contactId: a });
    await vscode.commands.executeCommand('linqContacts.pin', held[5]);
    await vscode.commands.executeCommand('linqContacts.pin', { id: far });
    const pinned = await waitFor('the pinned group with the far contact fetched', async () => {
      const p = await pinnedIds(api);
      return p.ids.length === 3 ? p : undefined;
    });
    assert.deepEqual(pinned.ids, [a, b, far], 'in the order pinned, each once');
    const item = api.provider.getTreeItem(pinned.top!);
    assert.equal(item.label, 'Pinned');
    assert.equal(item.id, 'pinned');
    const rows = await api.provider.getChildren(pinned.top);
    const row = api.provider.getTreeItem(rows[0]!);
    assert.equal(row.id, `group:pinned/contact:${a}`, 'a pinned row has an id of its own');
    assert.match(String(row.contextValue), /\bpinned\b/);
    const own = (await api.provider.getChildren()).find((r) => r.kind === 'contact' && r.contact.id === a);
    assert.ok(own, 'a pinned contact keeps its own place too');
    assert.equal(api.provider.getTreeItem(own).id, `contact:${a}`);

    standIn.deleteBehind(far);
    api.session.reopen();
    const after = await waitFor('pins after a reopened session, the lost one dropped', async () => {
      await api.provider.getChildren();
      await api.provider.idle();
      const p = await pinnedIds(api);
      return p.ids.length === 2 ? p : undefined;
    });
    assert.deepEqual(after.ids, [a, b]);

    api.provider.setFilter('no such contact anywhere');
    assert.deepEqual((await pinnedIds(api)).ids, [], 'the filter applies to the Pinned group');
    api.provider.setFilter('');
    await vscode.commands.executeCommand('linqContacts.unpin', { contactId: a });
    assert.deepEqual((await pinnedIds(api)).ids, [b]);
  });

  it('asks again for a pin whose fetch failed only after a wait, not at every change of the view', async function () {
    this.timeout(60_000);
    const api = await firstRows();
    const held = api.session.knownContacts();
    const far = [20, 280].find((id) => !held.some((c) => c.id === id))!;
    const asked = (): number => standIn.requests.filter((r) => r.path.endsWith(`/contacts/${far}`)).length;
    // A refusal that is not a 404 (a proxy's 400): one fetch is the request and the client's retries.
    standIn.configure({ forceStatus: 400 });
    try {
      await vscode.commands.executeCommand('linqContacts.pin', { id: far });
      await waitFor(
        'the fetch and its retries refused',
        async () => {
          await api.provider.getChildren();
          return asked() === RETRY_LIMIT + 1;
        },
        20_000,
      );
      // The view changes again and again (as while a walk streams pages): the failed pin is not asked for again.
      for (let i = 0; i < 10; i++) {
        await api.provider.getChildren();
        await new Promise((r) => setTimeout(r, 300));
      }
      assert.equal(asked(), RETRY_LIMIT + 1, 'one fetch and its retries, not one more per change of the view');
      assert.deepEqual((await pinnedIds(api)).ids.includes(far), false, 'not held, still pinned');
    } finally {
      standIn.configure({ forceStatus: 0 });
      await vscode.commands.executeCommand('linqContacts.unpin', { id: far });
    }
  });

  it('pins from the detail tab’s button, which then offers Unpin; Clear API Token forgets the pins', async () => {
    const api = await firstRows();
    const contact = api.session.knownContacts()[2]!;
    await vscode.commands.executeCommand('linqContacts.openContact', contact);
    const tab = await waitFor('the tab', () => api.openPanels().find((p) => p.contactId === contact.id));
    await tab.receive({ type: 'pin' });
    await waitFor('pinned from the tab', async () => (await pinnedIds(api)).ids.includes(contact.id));
    await tab.receive({ type: 'unpin' });
    await waitFor('unpinned from the tab', async () => !(await pinnedIds(api)).ids.includes(contact.id));
    await tab.receive({ type: 'pin' });
    await waitFor('pinned again', async () => (await pinnedIds(api)).ids.includes(contact.id));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    await vscode.commands.executeCommand('linqContacts.clearToken');
    await waitFor('token cleared', async () => !(await api.tokens.has()));
    const again = await firstRows();
    assert.deepEqual((await pinnedIds(again)).ids, [], 'the same token set again: its pins were forgotten');
  });
});
