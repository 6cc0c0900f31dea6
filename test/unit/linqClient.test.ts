import * as assert from 'node:assert/strict';
import { LinqApiError } from '../../src/api/linqApiError';
import { LinqClient, type LinqClientOptions } from '../../src/api/linqClient';
import { startStandIn, type StandIn } from '../server/linqStandIn';

const TOKEN = 'unit-secret-token-7f3a';

describe('LinqClient against the stand-in over HTTP', () => {
  let standIn: StandIn;
  const client = (options: Partial<LinqClientOptions> = {}): LinqClient =>
    new LinqClient({ baseUrl: standIn.baseUrl, token: TOKEN, retryBaseDelayMs: 10, timeoutMs: 2_000, ...options });

  /** Runs `fn`, expecting a LinqApiError; returns it. */
  async function failure(fn: () => Promise<unknown>): Promise<LinqApiError> {
    try {
      await fn();
    } catch (error) {
      assert.ok(error instanceof LinqApiError, `expected LinqApiError, got ${String(error)}`);
      assert.ok(!error.message.includes(TOKEN), 'the message never contains the token');
      assert.ok(!String(error.stack).includes(TOKEN), 'the stack never contains the token');
      return error;
    }
    assert.fail('expected a failure');
  }

  before(async () => {
    standIn = await startStandIn({ count: 237, token: TOKEN });
  });
  beforeEach(() => {
    standIn.configure({ ...defaults });
    standIn.reset();
  });
  after(() => standIn.close());
  const defaults = {
    count: 237,
    token: TOKEN,
    hostile: false,
    failEvery: 0,
    rateLimitEvery: 0,
    retryAfterSeconds: 1,
    retryAfterDate: false,
    html502Every: 0,
    truncateEvery: 0,
    hangEvery: 0,
    shiftEvery: 0,
    forceStatus: 0,
    latencyMs: 0,
  };

  it('lists a page with typed contacts and pagination, sending the token header', async () => {
    const page = await client().listContacts(2, 25);
    assert.equal(page.contacts.length, 25);
    assert.equal(page.contacts[0]?.id, 26);
    assert.deepEqual(page.pagination, {
      currentPage: 2,
      perPage: 25,
      totalPages: 10,
      totalCount: 237,
      estimated: false,
    });
    assert.equal(standIn.requests[0]?.token, TOKEN);
    assert.deepEqual(standIn.requests[0]?.query, { page: '2', per_page: '25' });
  });

  it('keeps per_page within 1–100', async () => {
    await client().listContacts(1, 500);
    await client().listContacts(1, 0);
    assert.deepEqual(
      standIn.requests.map((r) => r.query.per_page),
      ['100', '1'],
    );
  });

  it('answers a page past the end with an empty list', async () => {
    const page = await client().listContacts(99, 100);
    assert.equal(page.contacts.length, 0);
  });

  it('gets one contact by id from { data }', async () => {
    const contact = await client().getContact(42);
    assert.equal(contact.id, 42);
    assert.equal(typeof contact.fullName, 'string');
    assert.equal(standIn.requests[0]?.path, '/api/partner/v2/contacts/42');
  });

  it('maps 404 on one contact to notFound, not retried', async () => {
    const error = await failure(() => client().getContact(99_999));
    assert.equal(error.kind, 'notFound');
    assert.equal(standIn.requests.length, 1);
  });

  it('maps a refused token (401) to auth, not retried', async () => {
    const error = await failure(() => client({ token: 'wrong' }).listContacts(1, 10));
    assert.equal(error.kind, 'auth');
    assert.equal(error.status, 401);
    assert.equal(standIn.requests.length, 1);
  });

  it('maps 403 with an HTML body to auth', async () => {
    standIn.configure({ forceStatus: 403 });
    const error = await failure(() => client().listContacts(1, 10));
    assert.equal(error.kind, 'auth');
    assert.equal(standIn.requests.length, 1);
  });

  it('never follows a redirect (it would carry the token to another host)', async () => {
    standIn.configure({ forceStatus: 302 });
    const error = await failure(() => client().listContacts(1, 10));
    assert.equal(error.kind, 'server');
    assert.equal(error.status, 302);
    assert.equal(standIn.requests.length, 1);
  });

  it('retries 500s and succeeds', async () => {
    standIn.configure({ failEvery: 1 });
    const pending = client().listContacts(1, 10);
    setTimeout(() => standIn.configure({ failEvery: 0 }), 30);
    const page = await pending;
    assert.equal(page.contacts.length, 10);
    assert.ok(standIn.requests.filter((r) => r.status === 500).length >= 1);
  });

  it('gives up on persistent 5xx after the retry limit, as server trouble', async () => {
    standIn.configure({ failEvery: 1 });
    const error = await failure(() => client({ retryLimit: 2 }).listContacts(1, 10));
    assert.equal(error.kind, 'server');
    assert.equal(error.status, 500);
    assert.equal(standIn.requests.length, 3);
  });

  it('retries a 502 with an HTML body', async () => {
    standIn.configure({ html502Every: 2 });
    standIn.reset();
    await client().listContacts(1, 10);
    const page = await client().listContacts(2, 10);
    assert.equal(page.contacts[0]?.id, 11);
    assert.deepEqual(
      standIn.requests.map((r) => r.status),
      [200, 502, 200],
    );
  });

  it('honours Retry-After in seconds on 429', async () => {
    standIn.configure({ rateLimitEvery: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    const pending = client().listContacts(1, 10);
    setTimeout(() => standIn.configure({ rateLimitEvery: 0 }), 50);
    await pending;
    assert.ok(Date.now() - started >= 900, `waited ${Date.now() - started} ms`);
    assert.deepEqual(
      standIn.requests.map((r) => r.status),
      [429, 200],
    );
  });

  it('honours Retry-After as an HTTP date on 429', async () => {
    standIn.configure({ rateLimitEvery: 1, retryAfterSeconds: 2, retryAfterDate: true });
    const started = Date.now();
    const pending = client().listContacts(1, 10);
    setTimeout(() => standIn.configure({ rateLimitEvery: 0 }), 50);
    await pending;
    // An HTTP date has whole-second precision: at least ~1 s must pass.
    assert.ok(Date.now() - started >= 900, `waited ${Date.now() - started} ms`);
  });

  it('reports rateLimited with the server’s delay when 429s persist', async () => {
    standIn.configure({ rateLimitEvery: 1, retryAfterSeconds: 0 });
    const error = await failure(() => client({ retryLimit: 1 }).listContacts(1, 10));
    assert.equal(error.kind, 'rateLimited');
    assert.equal(error.details.retryAfterMs, 0);
  });

  it('retries truncated JSON, and reports badData if it persists', async () => {
    standIn.configure({ truncateEvery: 2 });
    standIn.reset();
    await client().listContacts(1, 10);
    const page = await client().listContacts(2, 10);
    assert.equal(page.contacts.length, 10);
    standIn.configure({ truncateEvery: 1 });
    const error = await failure(() => client({ retryLimit: 1 }).listContacts(1, 10));
    assert.equal(error.kind, 'badData');
  });

  it('times out a hung request, retries it, and reports offline when all hang', async () => {
    standIn.configure({ hangEvery: 1 });
    const error = await failure(() => client({ timeoutMs: 200, retryLimit: 1 }).listContacts(1, 10));
    assert.equal(error.kind, 'offline');
    assert.equal(standIn.requests.length, 2);
  });

  it('cancels a request in flight', async () => {
    standIn.configure({ latencyMs: 2_000 });
    const abort = new AbortController();
    const pending = failure(() => client().listContacts(1, 10, { signal: abort.signal }));
    setTimeout(() => abort.abort(), 50);
    const started = Date.now();
    const error = await pending;
    assert.equal(error.kind, 'cancelled');
    assert.ok(Date.now() - started < 1_000);
  });

  it('reports offline when nothing listens', async () => {
    const error = await failure(() =>
      new LinqClient({ baseUrl: 'http://127.0.0.1:9/api', token: TOKEN, retryLimit: 0 }).listContacts(1, 10),
    );
    assert.equal(error.kind, 'offline');
  });

  it('refuses a non-https base URL to a non-loopback host before any request', () => {
    for (const url of [
      'http://api.linqapp.com/api/partner/v2',
      'ftp://127.0.0.1/',
      'not a url',
      'https://user:pw@api.example/',
    ]) {
      assert.throws(
        () => new LinqClient({ baseUrl: url, token: TOKEN }),
        (e: unknown) => e instanceof LinqApiError && e.kind === 'config' && !e.message.includes(TOKEN),
      );
    }
    assert.doesNotThrow(() => new LinqClient({ baseUrl: 'http://localhost:3000/x', token: TOKEN }));
    assert.doesNotThrow(() => new LinqClient({ baseUrl: 'http://[::1]:3000/x', token: TOKEN }));
  });

  it('turns hostile data into safe typed contacts (nulls dropped, strings kept as text)', async () => {
    standIn.configure({ hostile: true });
    const page = await client().listContacts(1, 100);
    assert.equal(page.contacts.length, 100);
    const nulls = page.contacts.find((c) => c.fullName === undefined && c.firstName === undefined);
    assert.ok(nulls, 'a contact with null names is kept');
    assert.equal(nulls.owner, undefined);
    assert.ok(page.contacts.some((c) => c.fullName?.includes('<img src=x onerror=alert(1)>')));
    assert.ok(page.contacts.some((c) => c.imageUrl === 'javascript:alert(1)'));
  });
});
