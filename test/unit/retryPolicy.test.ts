import * as assert from 'node:assert/strict';
import { BodyTooLargeError } from '../../src/api/boundedBody';
import { LinqApiError } from '../../src/api/linqApiError';
import { retryPolicy } from '../../src/api/retryPolicy';
import { BadJsonError } from '../../src/api/toLinqError';

describe('retryPolicy: what ky asks again, and how long it waits', () => {
  const policy = retryPolicy({ limit: 4, baseDelayMs: 300, maxDelayMs: 30_000 });

  it('GET only; time-outs, 429 and 5xx; ky’s own Retry-After reading off', () => {
    assert.deepEqual(policy.methods, ['get']);
    assert.deepEqual(policy.statusCodes, [408, 429, 500, 502, 503, 504]);
    assert.deepEqual(policy.afterStatusCodes, []);
    assert.equal(policy.retryOnTimeout, true);
    assert.equal(policy.limit, 4);
  });

  it('backs off base × 2^n, and jitter only lengthens a wait (1.0–1.2 ×)', () => {
    assert.deepEqual(
      [1, 2, 3].map((n) => policy.delay?.(n)),
      [300, 600, 1200],
    );
    for (let i = 0; i < 1_000; i++) {
      const jittered = Number(policy.jitter instanceof Function ? policy.jitter(1_000) : Number.NaN);
      assert.ok(jittered >= 1_000 && jittered <= 1_200, String(jittered));
    }
  });

  it('an unreadable 2xx is asked again; our own errors and an oversized body are not', () => {
    const should = (error: Error): boolean | undefined =>
      policy.shouldRetry?.({ error, retryCount: 1 }) as boolean | undefined;
    assert.equal(should(new BadJsonError('cut')), true);
    assert.equal(should(new LinqApiError('auth', 'refused')), false);
    assert.equal(should(new BodyTooLargeError(10)), false);
    assert.equal(should(new TypeError('fetch failed')), undefined, 'ky decides as usual');
  });
});
