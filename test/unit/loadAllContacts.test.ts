import * as assert from 'node:assert/strict';
import { loadAllContacts } from '../support/loadAllContacts';
import { LinqClient } from '../../src/api/linqClient';
import { startStandIn, type StandIn } from '../server/linqStandIn';

describe('loadAllContacts (paging engine) against the stand-in', () => {
  let standIn: StandIn;
  const make = (): LinqClient =>
    new LinqClient({ baseUrl: standIn.baseUrl, token: 't', retryBaseDelayMs: 5, retryLimit: 6 });

  beforeEach(async () => {
    standIn = await startStandIn({ count: 1234, token: 't' });
  });
  afterEach(() => standIn.close());

  it('delivers every contact once, in order, with one request per page', async () => {
    const delivered: number[] = [];
    const all = await loadAllContacts(make(), {
      perPage: 100,
      concurrency: 4,
      onContacts: (c) => delivered.push(...c.map((x) => x.id)),
    });
    assert.equal(all.length, 1234);
    assert.deepEqual(
      delivered,
      Array.from({ length: 1234 }, (_, i) => i + 1),
    );
    assert.equal(standIn.requests.length, 13);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    standIn.configure({ latencyMs: 30 });
    let inFlight = 0;
    let peak = 0;
    const counting: typeof fetch = async (input, init) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const client = new LinqClient({ baseUrl: standIn.baseUrl, token: 't', fetch: counting });
    await loadAllContacts(client, { perPage: 100, concurrency: 3 });
    assert.equal(peak, 3);
  });

  it('loses and duplicates nothing under 500s, 429s and truncated JSON', async () => {
    standIn.configure({ failEvery: 5, rateLimitEvery: 7, retryAfterSeconds: 0, truncateEvery: 11 });
    const all = await loadAllContacts(make(), { perPage: 50, concurrency: 4 });
    assert.equal(new Set(all.map((c) => c.id)).size, 1234);
    assert.equal(all.length, 1234);
  });

  it('a 429 pauses the whole engine for Retry-After', async () => {
    standIn.configure({ rateLimitEvery: 3, retryAfterSeconds: 1, count: 400 });
    const started = Date.now();
    await loadAllContacts(make(), { perPage: 100, concurrency: 4 });
    const first429 = standIn.requests.find((r) => r.status === 429);
    assert.ok(first429);
    // Requests already in flight may land just after; none may start well inside the pause.
    const during = standIn.requests.filter((r) => r.at > first429.at + 100 && r.at < first429.at + 900);
    assert.deepEqual(during, [], 'no request went out during the pause');
    assert.ok(Date.now() - started >= 900);
  });

  it('drops ids seen twice when pages shift between requests', async () => {
    standIn.configure({ shiftEvery: 2 });
    const all = await loadAllContacts(make(), { perPage: 100, concurrency: 1 });
    assert.equal(new Set(all.map((c) => c.id)).size, all.length);
    assert.ok(all.length >= 1234);
  });

  it('stops on the first failure and cancels with the signal', async () => {
    standIn.configure({ latencyMs: 200 });
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 50);
    await assert.rejects(
      loadAllContacts(make(), { signal: abort.signal }),
      (e: Error & { kind?: string }) => e.kind === 'cancelled',
    );
  });
});
