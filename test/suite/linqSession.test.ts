import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StandIn } from '../server/linqStandIn';
import { configure, extensionApi, firstRows, useStandIn, waitFor } from './helpers';

/** The list pages a stand-in was asked for, in the order the requests arrived. */
function listPages(standIn: StandIn, since = 0): string[] {
  return standIn.requests
    .filter((r) => r.path.endsWith('/contacts') && r.at >= since)
    .sort((a, b) => a.at - b.at)
    .map((r) => r.query.page ?? '');
}

describe('one contact store per connection', () => {
  let standIn: StandIn | undefined;

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const api = await extensionApi();
    await api.tokens.clear();
    await standIn?.close();
    await configure({ pageSize: 25, prefetchLimit: 10_000 });
  });

  it('the view’s pages and the search’s walk share the store: each page is asked once', async () => {
    standIn = await useStandIn({ count: 1_000, token: 'suite-token', latencyMs: 5 });
    await configure({ pageSize: 100, prefetchLimit: 0 });
    const api = await firstRows();
    await api.provider.loadMore();
    await api.provider.loadMore();
    assert.equal(api.provider.rows.contacts.length, 300);
    assert.deepEqual(listPages(standIn), ['1', '2', '3'], 'the view loaded three pages');
    const search = vscode.commands.executeCommand('linqContacts.search');
    const pick = await waitFor('quick pick shown', () => api.prompts.shownPicker());
    await waitFor(
      'every contact in the search',
      () => !pick.busy && (pick.title ?? '').includes('(1000 contacts)'),
      20_000,
    );
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await search;
    const pages = listPages(standIn);
    assert.equal(pages.length, 10, `pages asked: ${pages.join(',')}`);
    assert.deepEqual(
      [...pages].sort((a, b) => Number(a) - Number(b)),
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
    );
  });

  it('prefetch loads the organisation after the first rows; Load more meanwhile is served before the queued pages', async () => {
    // 150 pages at 60 ms, 4 at a time: the prefetch of 10,000 (100 pages) takes about 1.5 s.
    standIn = await useStandIn({ count: 15_000, token: 'suite-token', latencyMs: 60 });
    await configure({ pageSize: 100, prefetchLimit: 10_000 });
    const api = await firstRows();
    await api.provider.loadMore();
    await api.provider.loadMore();
    const held = api.session.knownContacts().length;
    assert.equal(api.provider.rows.contacts.length, 300);
    assert.ok(held < 10_000, `Load more answered while the prefetch was under way (${held} held)`);
    await waitFor('the prefetch reached its limit', () => api.session.knownContacts().length >= 10_000, 30_000);
    // Give a runaway walk the time to show itself: it stops at the limit.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(api.session.knownContacts().length, 10_000);
    assert.equal(api.provider.rows.complete, false, 'beyond the limit, nothing loads until asked');
    const pages = listPages(standIn);
    assert.equal(pages.length, 100, 'pages 1…100, the prefetch limit');
    assert.equal(new Set(pages).size, 100, 'each once');
  });

  it('a Refresh mid-walk refreshes in place: rows stay, each contact ends up once, in Linq’s order, as Linq has it', async () => {
    standIn = await useStandIn({ count: 5_000, token: 'suite-token', latencyMs: 80 });
    await configure({ pageSize: 100, prefetchLimit: 10_000 });
    const api = await firstRows();
    await waitFor('the prefetch under way', () => api.session.knownContacts().length >= 500, 20_000);
    assert.ok(api.session.knownContacts().length < 5_000);
    standIn.changeBehind(3, { company: 'Changed Behind' });
    standIn.deleteBehind(4);
    await vscode.commands.executeCommand('linqContacts.refresh');
    assert.ok(api.session.knownContacts().length >= 500, 'what was loaded stays');
    assert.equal(api.provider.rows.contacts.length, 100, 'the rows stay');
    await waitFor(
      'the refresh done',
      () => api.provider.rows.heldSince === undefined && api.provider.rows.complete,
      30_000,
    );
    const ids = api.session.knownContacts().map((c) => c.id);
    assert.deepEqual(
      ids,
      Array.from({ length: 5_000 }, (_, i) => i + 1).filter((id) => id !== 4),
      'each contact once, in order, the deleted one gone',
    );
    assert.equal(api.session.knownContacts()[2]?.company, 'Changed Behind');
  });
});
