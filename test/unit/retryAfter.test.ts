import * as assert from 'node:assert/strict';
import { LinqApiError } from '../../src/api/linqApiError';
import { LinqClient } from '../../src/api/linqClient';
import { startStandIn, type StandIn } from '../server/linqStandIn';

const TOKEN = 'unit-retry-after-token';
const BASE_MS = 100;

describe('Retry-After as RFC 9110 means it, against the stand-in', () => {
  let standIn: StandIn;
  const client = (): LinqClient =>
    new LinqClient({
      baseUrl: standIn.baseUrl,
      token: TOKEN,
      retryBaseDelayMs: BASE_MS,
      retryLimit: 3,
      budgetMs: 20_000,
    });

  /** A call to a server that answers every request 429: the error and the gaps between attempts. */
  async function alwaysLimited(): Promise<{ error: LinqApiError; gaps: number[]; ms: number }> {
    const started = Date.now();
    let error: unknown;
    try {
      await client().listContacts(1, 10);
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof LinqApiError, String(error));
    const at = standIn.requests.map((r) => r.at);
    return { error, gaps: at.slice(1).map((t, i) => t - (at[i] ?? t)), ms: Date.now() - started };
  }

  before(async () => {
    standIn = await startStandIn({ count: 20, token: TOKEN });
  });
  beforeEach(() => {
    standIn.configure({ rateLimitEvery: 1, retryAfterRaw: undefined, rateLimitHeaders: {} });
    standIn.reset();
  });
  after(() => standIn.close());

  for (const bad of ['soon', '-5', '1.5', '1e3', '', '2026-10-21T07:30:00Z', '99 seconds']) {
    it(`ignores Retry-After ${JSON.stringify(bad)}: the back-off's own gaps, then rateLimited (not offline)`, async () => {
      standIn.configure({ retryAfterRaw: bad });
      const { error, gaps, ms } = await alwaysLimited();
      assert.equal(error.kind, 'rateLimited');
      assert.equal(gaps.length, 3, 'the first attempt and three retries');
      gaps.forEach((gap, i) =>
        assert.ok(gap >= BASE_MS * 2 ** i - 5, `retry ${i + 1} came ${gap} ms after the last, before its back-off`),
      );
      assert.ok(ms < 5_000, `ended within the back-off's own time (${ms} ms)`);
    });
  }

  it('waits the longer of a valid Retry-After and the back-off', async () => {
    standIn.configure({ retryAfterRaw: '1' });
    const { error, gaps } = await alwaysLimited();
    assert.equal(error.kind, 'rateLimited');
    gaps.forEach((gap) => assert.ok(gap >= 990, `gap ${gap} ms < the 1 s asked for`));
  });

  it('never waits for RateLimit-Reset or X-RateLimit-*, which Linq does not document', async () => {
    standIn.configure({
      retryAfterRaw: 'soon',
      rateLimitHeaders: {
        'RateLimit-Reset': '3600',
        'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 3600),
        'X-RateLimit-Retry-After': '3600',
      },
    });
    const { error, ms } = await alwaysLimited();
    assert.equal(error.kind, 'rateLimited');
    assert.ok(ms < 5_000, `${ms} ms`);
  });
});
