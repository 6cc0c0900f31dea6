import * as assert from 'node:assert/strict';
import { RowFeed } from '../../src/tree/rowFeed';
import type { StandIn } from '../server/linqStandIn';
import { configure, useStandIn } from './helpers';
import { ownSession } from './ownSession';

describe('RowFeed: the view’s rows as data', () => {
  let standIn: StandIn;
  before(async () => {
    standIn = await useStandIn({ count: 130, token: 'feed-token' });
    await configure({ pageSize: 50, prefetchLimit: 0 });
  });
  after(async () => {
    await configure({ pageSize: 25, prefetchLimit: 10_000 });
    await standIn.close();
  });

  it('shows pageSize rows per Load more, from one page of 100, and knows when there are no more', async () => {
    const own = ownSession();
    const feed = new RowFeed(own.session);
    try {
      await own.tokens.set('feed-token');
      await feed.loadMore();
      assert.equal(feed.rows.length, 50);
      assert.equal(feed.hasMore, true);
      await feed.loadMore();
      assert.equal(feed.rows.length, 100);
      assert.equal(standIn.requests.filter((r) => r.path.endsWith('/contacts')).length, 1, 'rows 51–100 from memory');
      await feed.loadMore();
      assert.equal(feed.rows.length, 130);
      assert.equal(feed.hasMore, false);
      assert.deepEqual(
        feed
          .snapshot()
          .contacts.map((c) => c.id)
          .slice(0, 3),
        [1, 2, 3],
      );
    } finally {
      feed.dispose();
      own.dispose();
    }
  });

  it('a refused token becomes the feed’s error, not a throw', async () => {
    const own = ownSession();
    const feed = new RowFeed(own.session);
    try {
      await own.tokens.set('wrong-token');
      await feed.loadMore();
      assert.equal(feed.error?.kind, 'auth');
      assert.equal(feed.rows.length, 0);
    } finally {
      feed.dispose();
      own.dispose();
    }
  });
});
