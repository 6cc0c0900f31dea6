import * as assert from 'node:assert/strict';
import { LinqApiError } from '../../src/api/linqApiError';
import { describeError } from '../../src/errors/describeError';

describe('describeError: the user’s words for each kind', () => {
  it('says what to do for each kind, with the wait and Linq’s own words where known', () => {
    assert.match(describeError(new LinqApiError('auth', 'x')), /refused the API token/);
    assert.match(describeError(new LinqApiError('auth', 'x', { unsendableToken: true })), /cannot be sent/);
    assert.match(describeError(new LinqApiError('rateLimited', 'x', { retryAfterMs: 2_500 })), /in 3 s/);
    assert.match(describeError(new LinqApiError('server', 'x', { status: 502 })), /HTTP 502/);
    assert.match(
      describeError(new LinqApiError('invalid', 'x', { problems: ['Email is invalid'] })),
      /Email is invalid/,
    );
    assert.match(describeError(new LinqApiError('config', 'x', { readOnly: true })), /read-only/);
    assert.match(describeError(new TypeError('socket hang up')), /Could not reach Linq/);
  });

  it('never repeats a technical message (where a token or a URL could be)', () => {
    const text = describeError(new LinqApiError('offline', 'fetch failed for http://x/?email=a@b.c token=secret'));
    assert.doesNotMatch(text, /secret|a@b\.c|http/);
  });
});
