import * as assert from 'node:assert/strict';
import { LinqApiError } from '../../src/api/linqApiError';
import { LinqClient } from '../../src/api/linqClient';
import { parseRetryAfter } from '../../src/api/retryAfter';
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

describe('parseRetryAfter: the header as RFC 9110 allows it', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  it('ignores every Retry-After that RFC 9110 does not allow (Date.parse would read some of them)', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    for (const bad of [
      '',
      ' ',
      '-5',
      '1.5',
      '1e3',
      '0x10',
      '+3',
      '2026-10-21T07:30:00Z',
      '21 Oct 2026',
      'Wed, 21 Oct 2026 07:28:30',
      'in 5 seconds',
      'Infinity',
      'NaN',
    ]) {
      assert.equal(parseRetryAfter(bad, now), undefined, JSON.stringify(bad));
    }
    assert.equal(parseRetryAfter(' 7 ', now), 7_000);
    assert.equal(parseRetryAfter('Wednesday, 21-Oct-26 07:28:10 GMT', now), 10_000, 'RFC 850 form');
    assert.equal(parseRetryAfter('Wed Oct 21 07:28:20 2026', now), 20_000, 'asctime form');
  });
});
