import * as assert from 'node:assert/strict';
import { HTTPError, TimeoutError, type KyRequest, type NormalizedOptions } from 'ky';
import { BodyTooLargeError } from '../../src/api/boundedBody';
import { LinqApiError } from '../../src/api/linqApiError';
import { BadJsonError, rateLimited, tokenError, toLinqError } from '../../src/api/toLinqError';

const request = new Request('http://127.0.0.1:9/api/partner/v2/contacts/find?email=ada%40example.com', {
  headers: { 'X-LINQ-INTEGRATION-TOKEN': 'secret-token' },
}) as KyRequest;
const options = {} as NormalizedOptions;

function context(overrides: Partial<Parameters<typeof toLinqError>[1]> = {}): Parameters<typeof toLinqError>[1] {
  return {
    path: 'contacts/find',
    aboutOneContact: false,
    signal: undefined,
    budget: new AbortController().signal,
    budgetMs: 60_000,
    redact: (text) => text.replaceAll('secret-token', '…'),
    problems: new WeakMap(),
    ...overrides,
  };
}

const http = (status: number, headers: Record<string, string> = {}): HTTPError =>
  new HTTPError(new Response('', { status, headers }), request, options);

describe('toLinqError: whatever ky or fetch threw, as one kind', () => {
  it('maps statuses to kinds a user can act on', () => {
    assert.equal(toLinqError(http(401), context()).kind, 'auth');
    assert.equal(toLinqError(http(403), context()).kind, 'auth');
    assert.equal(toLinqError(http(404), context({ aboutOneContact: true })).kind, 'notFound');
    assert.equal(toLinqError(http(404), context()).kind, 'server', 'a 404 of a list is trouble, not "not found"');
    assert.equal(toLinqError(http(422), context()).kind, 'invalid');
    const limited = toLinqError(http(429, { 'Retry-After': '7' }), context());
    assert.equal(limited.kind, 'rateLimited');
    assert.equal(limited.details.retryAfterMs, 7_000);
    const redirect = toLinqError(http(302), context());
    assert.equal(redirect.kind, 'server');
    assert.match(redirect.message, /redirect \(HTTP 302\), which is not followed/);
  });

  it('bodies and time: too large and not JSON are badData; a time-out and the spent budget are offline', () => {
    assert.equal(toLinqError(new BodyTooLargeError(5 * 1024 * 1024), context()).kind, 'badData');
    assert.equal(toLinqError(new BadJsonError('cut'), context()).kind, 'badData');
    assert.equal(toLinqError(new TimeoutError(request), context()).kind, 'offline');
    const spent = new AbortController();
    spent.abort();
    assert.match(toLinqError(new Error('x'), context({ budget: spent.signal })).message, /within 60 s/);
  });

  it('the caller’s abort is cancelled, whatever was thrown', () => {
    const abort = new AbortController();
    abort.abort();
    assert.equal(toLinqError(http(500), context({ signal: abort.signal })).kind, 'cancelled');
  });

  it('keeps no query string and no token in the message or its causes', () => {
    const e = toLinqError(new TypeError(`fetch failed for ${request.url} secret-token`), context());
    const text = JSON.stringify([e.message, String(e.details.cause), String((e.details.cause as Error).stack)]);
    assert.doesNotMatch(text, /ada%40example|secret-token/);
    assert.match(text, /contacts\/find\?…/);
  });

  it('a LinqApiError passes as it is; tokenError and rateLimited never repeat the token', () => {
    const given = new LinqApiError('config', 'refused');
    assert.equal(toLinqError(given, context()), given);
    assert.equal(tokenError('control').kind, 'auth');
    assert.equal(tokenError('control').details.unsendableToken, true);
    const wait = rateLimited(90_000);
    assert.equal(wait.kind, 'rateLimited');
    assert.match(wait.message, /wait 90 s/);
  });
});
