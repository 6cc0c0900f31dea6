import * as assert from 'node:assert/strict';
import { AdaptiveLimit } from '../../src/api/adaptiveLimit';
import { LinqClient } from '../../src/api/linqClient';
import { ContactStore } from '../../src/contacts/store/contactStore';
import { startStandIn } from '../server/linqStandIn';

/** Answers one whole round at `latencyMs` each. */
function round(limit: AdaptiveLimit, latencyMs: number): void {
  for (let i = limit.limit; i > 0; i--) {
    limit.answered(latencyMs);
  }
}

describe('AdaptiveLimit (pages in flight, adapted to the server)', () => {
  it('starts at 4 and grows by one per round of fast answers, up to 16', () => {
    const limit = new AdaptiveLimit();
    assert.equal(limit.limit, 4);
    limit.answered(20);
    limit.answered(20);
    limit.answered(20);
    assert.equal(limit.limit, 4, 'a round is as many answers as the limit');
    limit.answered(20);
    assert.equal(limit.limit, 5);
    for (let i = 0; i < 30; i++) {
      round(limit, 20);
    }
    assert.equal(limit.limit, 16);
  });

  it('does not grow when a round is slower than 1.5 × the best round', () => {
    const limit = new AdaptiveLimit();
    round(limit, 20);
    assert.equal(limit.limit, 5);
    round(limit, 31);
    assert.equal(limit.limit, 5);
    round(limit, 29);
    assert.equal(limit.limit, 6);
  });

  it('halves on a 429 or 503, never below 1; the round starts over', () => {
    let now = 0;
    const limit = new AdaptiveLimit(12, 1, 16, () => now);
    limit.limited();
    assert.equal(limit.limit, 6);
    round(limit, 20);
    assert.equal(limit.limit, 7, 'the next whole round grows again');
    limit.answered(20);
    now += 1_000;
    limit.limited();
    round(limit, 20);
    assert.equal(limit.limit, 4);
    for (let i = 0; i < 5; i++) {
      now += 1_000;
      limit.limited();
    }
    assert.equal(limit.limit, 1);
  });

  it('counts a burst of 429s (the requests in flight when the wall was met) as one overload', () => {
    let now = 0;
    const limit = new AdaptiveLimit(7, 1, 16, () => now);
    limit.limited();
    now += 30;
    limit.limited();
    limit.limited();
    assert.equal(limit.limit, 3, 'halved once');
    for (let i = 0; i < 10; i++) {
      round(limit, 20);
    }
    assert.equal(limit.limit, 6, 'the wall learnt is the one met: 6, not 2');
    now += 1_000;
    limit.limited();
    assert.equal(limit.limit, 3, 'a later 429 is a new overload');
  });

  it('after a 429 at L it grows back only to L − 1, and probes one higher after 250 clean rounds there', () => {
    const limit = new AdaptiveLimit(7);
    limit.limited();
    assert.equal(limit.limit, 3);
    for (let i = 0; i < 10; i++) {
      round(limit, 20);
    }
    assert.equal(limit.limit, 6, 'stops one below the wall');
    let rounds = 10;
    while (limit.limit === 6 && rounds < 600) {
      round(limit, 20);
      rounds++;
    }
    assert.equal(limit.limit, 7, 'one step higher in the end');
    assert.ok(rounds >= 250 && rounds <= 254, `after ${rounds} rounds (250 at the ceiling)`);
  });

  it("a client's walk grows against a fast server, and meets few 429s from one that answers 429 past 6 in flight", async () => {
    const token = 'adaptive-token';
    // 100 pages: enough rounds for the limit to pass 6 while pages remain, so the wall is always met.
    const free = await startStandIn({ count: 3_000, token, latencyMs: 10 });
    const limited = await startStandIn({ count: 10_000, token, latencyMs: 10, maxInFlight: 6 });
    try {
      const fast = new LinqClient({ baseUrl: free.baseUrl, token });
      await new ContactStore(fast, { perPage: 100 }).walk();
      assert.ok(fast.walkLimit.limit > 4, `grew to ${fast.walkLimit.limit}`);
      const client = new LinqClient({ baseUrl: limited.baseUrl, token, retryBaseDelayMs: 50 });
      const store = new ContactStore(client, { perPage: 100 });
      await store.walk();
      assert.equal(store.contacts.length, 10_000);
      // Whether the wall is met depends on timing; when it is, the limit stays below it afterwards.
      const answered429 = limited.requests.filter((r) => r.status === 429).length;
      assert.ok(
        answered429 <= 0.05 * limited.requests.length,
        `${answered429} of ${limited.requests.length} requests answered 429`,
      );
    } finally {
      await free.close();
      await limited.close();
    }
  });
});
