import * as assert from 'node:assert/strict';
import { LinqApiError } from '../../src/api/linqApiError';
import { LinqClient, type LinqClientOptions } from '../../src/api/linqClient';
import { startStandIn, type StandIn } from '../server/linqStandIn';

const TOKEN = 'unit-write-token-91c2';

describe('LinqClient writes and find against the stand-in', () => {
  let standIn: StandIn;
  const client = (options: Partial<LinqClientOptions> = {}): LinqClient =>
    new LinqClient({ baseUrl: standIn.baseUrl, token: TOKEN, retryBaseDelayMs: 10, timeoutMs: 1_000, ...options });

  async function failure(fn: () => Promise<unknown>): Promise<LinqApiError> {
    try {
      await fn();
    } catch (error) {
      assert.ok(error instanceof LinqApiError, `expected LinqApiError, got ${String(error)}`);
      return error;
    }
    assert.fail('expected a failure');
  }

  before(async () => {
    standIn = await startStandIn({ count: 50, token: TOKEN });
  });
  beforeEach(() => {
    standIn.configure({
      lateWriteMs: 0,
      resetAfterWrite: false,
      writeFailCount: 0,
      writeFailStatus: 500,
      failEvery: 0,
    });
    standIn.reset();
  });
  after(() => standIn.close());

  it('creates with POST { contact, user_email } and reads 201 { data }', async () => {
    const created = await client().createContact(
      { firstName: 'Hedy', lastName: 'Lamarr', email: 'hedy@x.example' },
      'sales@company.example',
    );
    assert.equal(created.fullName, 'Hedy Lamarr');
    assert.equal(created.owner?.email, 'sales@company.example');
    const sent = standIn.requests[0];
    assert.equal(sent?.method, 'POST');
    assert.equal(sent?.status, 201);
    assert.deepEqual(sent?.body, {
      contact: { first_name: 'Hedy', last_name: 'Lamarr', email: 'hedy@x.example' },
      user_email: 'sales@company.example',
    });
    assert.equal(standIn.contact(created.id)?.email, 'hedy@x.example');
  });

  it("a 422 is `invalid` with Linq's own words; an unknown owner says 'User not found'", async () => {
    const none = await failure(() => client().createContact({ company: 'Only a company' }));
    assert.equal(none.kind, 'invalid');
    assert.equal(none.status, 422);
    assert.deepEqual(none.details.problems, [
      'At least one of first_name, last_name, email, or phone_number must be present',
    ]);
    const owner = await failure(() => client().createContact({ firstName: 'A' }, 'nobody@company.example'));
    assert.deepEqual(owner.details.problems, ['User not found']);
  });

  it('never retries a POST: a 500 is one request, a time-out is one request', async () => {
    standIn.configure({ writeFailCount: 3, writeFailStatus: 500 });
    const e = await failure(() => client().createContact({ firstName: 'Once' }));
    assert.equal(e.kind, 'server');
    assert.equal(standIn.requests.filter((r) => r.method === 'POST').length, 1);
    standIn.configure({ writeFailCount: 0, lateWriteMs: 1_500 });
    const late = await failure(() =>
      client({ timeoutMs: 300 }).createContact({ firstName: 'Late', email: 'late@x.example' }),
    );
    assert.equal(late.kind, 'offline');
    assert.equal(standIn.requests.filter((r) => r.method === 'POST').length, 2);
    // The server did make it: find settles what the time-out left open.
    const found = await client().findContact({ email: 'late@x.example' });
    assert.equal(found?.firstName, 'Late');
  });

  it('a 429 on a write is `rateLimited` with the wait, and nothing was made', async () => {
    standIn.configure({ writeFailCount: 1, writeFailStatus: 429, retryAfterSeconds: 2 });
    const e = await failure(() => client().createContact({ firstName: 'Wait' }));
    assert.equal(e.kind, 'rateLimited');
    assert.equal(e.details.retryAfterMs, 2_000);
    assert.equal(standIn.created.length, 0);
  });

  it('finds by email or by phone as people write it, and reads { "contact": null } as none', async () => {
    const c7 = standIn.contact(7);
    assert.ok(c7);
    assert.equal((await client().findContact({ email: String(c7.email).toUpperCase() }))?.id, 7);
    const digits = String(c7.phone_number).slice(2);
    assert.equal(
      (await client().findContact({ phone: `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}` }))?.id,
      7,
    );
    assert.equal(await client().findContact({ email: 'nobody@nowhere.example' }), undefined);
    assert.deepEqual(standIn.requests.at(-1)?.query, { email: 'nobody@nowhere.example' });
  });

  it('a find answered with another person is badData, naming neither of them', async () => {
    const c7 = standIn.contact(7);
    assert.ok(c7);
    standIn.configure({ findAnswersOther: true });
    try {
      const e = await failure(() => client().findContact({ email: String(c7.email), phone: String(c7.phone_number) }));
      assert.equal(e.kind, 'badData');
      assert.match(e.message, /another email and phone than the ones asked for/);
      assert.ok(!e.message.includes(String(c7.email)));
      const other = await failure(() => client().findContact({ email: 'nobody@nowhere.example' }));
      assert.equal(other.kind, 'badData', 'a stranger for an address Linq does not have');
    } finally {
      standIn.configure({ findAnswersOther: false });
    }
  });

  it("a failing find's error names the path, never the email in its query string", async () => {
    standIn.configure({ failEvery: 1 });
    const e = await failure(() =>
      client({ retryLimit: 0 }).findContact({ email: 'secret.person@hidden.example', phone: '+15550001111' }),
    );
    const text = JSON.stringify({
      message: e.message,
      cause: String((e.details.cause as Error | undefined)?.message),
      stack: e.stack,
    });
    assert.ok(!text.includes('secret.person'), text);
    assert.ok(!text.includes('5550001111'), text);
  });

  it('PATCHes only the fields given and reads 200 { data } with a new updated_at', async () => {
    const before = await client().getContact(3);
    const after = await client().updateContact(3, { title: 'Chief Scientist', email: 'new3@x.example' });
    assert.equal(after.title, 'Chief Scientist');
    assert.notEqual(after.updatedAt, before.updatedAt);
    assert.equal(after.company, before.company);
    const sent = standIn.requests.at(-1);
    assert.equal(sent?.method, 'PATCH');
    assert.deepEqual(sent?.body, { contact: { title: 'Chief Scientist', email: 'new3@x.example' } });
  });

  it('deletes with 204; a second delete is `notFound`', async () => {
    await client().deleteContact(4);
    assert.equal(standIn.contact(4), undefined);
    assert.equal((await failure(() => client().deleteContact(4))).kind, 'notFound');
    const page = await client().listContacts(1, 100);
    assert.ok(!page.contacts.some((c) => c.id === 4));
    assert.equal(page.pagination.totalCount, 49);
  });

  it('in read-only mode sends nothing but GET', async () => {
    let readOnly = true;
    const c = client({ readOnly: () => readOnly });
    for (const write of [
      () => c.createContact({ firstName: 'X' }),
      () => c.updateContact(1, { firstName: 'X' }),
      () => c.deleteContact(1),
    ]) {
      const e = await failure(write);
      assert.equal(e.kind, 'config');
      assert.equal(e.details.readOnly, true);
    }
    assert.equal((await c.getContact(1)).id, 1);
    assert.deepEqual(
      standIn.requests.map((r) => r.method),
      ['GET'],
    );
    readOnly = false;
    await c.updateContact(1, { firstName: 'Y' });
    assert.deepEqual(
      standIn.requests.map((r) => r.method),
      ['GET', 'PATCH'],
    );
  });
});
