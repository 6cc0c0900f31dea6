import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as util from 'node:util';
import type { StoreProgress } from '../../src/contacts/store/contactStore';
import { loadAllContacts } from '../support/loadAllContacts';
import { LinqApiError } from '../../src/api/linqApiError';
import { LinqClient, type LinqClientOptions } from '../../src/api/linqClient';
import { DEFAULT_OPTIONS, startStandIn, type StandIn } from '../server/linqStandIn';

const TOKEN = 'hostile-secret-token-91c2';

/** Every text an error carries: message, stack, each cause's, and a deep inspection of the whole chain. */
function everyText(error: unknown): string {
  const texts: string[] = [util.inspect(error, { depth: 12, showHidden: true, getters: true })];
  for (let e: unknown = error; e instanceof Error; e = e instanceof LinqApiError ? e.details.cause : e.cause) {
    texts.push(e.message, String(e.stack));
  }
  return texts.join('\n');
}

/** Runs `fn`, expecting a LinqApiError that never repeats `secret` anywhere in it; returns it. */
async function failure(fn: () => Promise<unknown>, secret = TOKEN): Promise<LinqApiError> {
  try {
    await fn();
  } catch (error) {
    assert.ok(error instanceof LinqApiError, `expected LinqApiError, got ${String(error)}`);
    assert.ok(!everyText(error).includes(secret), 'no message, stack or cause repeats the token');
    return error;
  }
  assert.fail('expected a failure');
}

/** Heap and array buffers of this process, sampled until stopped: the peak growth over the start. */
function memoryWatch(): { stop: () => number } {
  const used = (): number => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const start = used();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, used());
  }, 5);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, used()) - start;
    },
  };
}

describe('LinqClient against misbehaving servers', function () {
  this.timeout(20_000);
  let standIn: StandIn;
  const client = (options: Partial<LinqClientOptions> = {}): LinqClient =>
    new LinqClient({ baseUrl: standIn.baseUrl, token: TOKEN, retryBaseDelayMs: 10, timeoutMs: 500, ...options });

  before(async () => {
    standIn = await startStandIn({ count: 250, token: TOKEN });
  });
  beforeEach(() => {
    standIn.configure({ ...DEFAULT_OPTIONS, count: 250, token: TOKEN });
    standIn.reset();
  });
  after(() => standIn.close());

  it('ends a reply whose body stalls after the headers as offline, retried like a time-out', async () => {
    standIn.configure({ stallBody: true });
    const started = Date.now();
    const error = await failure(() => client({ timeoutMs: 300, retryLimit: 1 }).listContacts(1, 100));
    const took = Date.now() - started;
    console.log(`      stalled body: gave up after ${took} ms (2 attempts of 300 ms)`);
    assert.equal(error.kind, 'offline');
    assert.equal(standIn.requests.length, 2);
    assert.ok(took < 3_000, `gave up after ${took} ms`);
  });

  it('refuses a body that never ends once it passes the size cap, with bounded memory', async () => {
    standIn.configure({ endlessBody: true });
    const watch = memoryWatch();
    const error = await failure(() => client({ timeoutMs: 10_000, retryLimit: 3 }).listContacts(1, 100));
    const growth = watch.stop();
    const sent = standIn.bodyBytesSent();
    console.log(
      `      endless body: memory growth ${(growth / 1024 / 1024).toFixed(1)} MB; server wrote ${(sent / 1024 / 1024).toFixed(1)} MB before the client stopped reading`,
    );
    assert.equal(error.kind, 'badData');
    assert.match(error.message, /larger than 5 MB/);
    assert.equal(standIn.requests.length, 1, 'a body over the cap is not asked for again');
    assert.ok(growth < 48 * 1024 * 1024, `memory grew by ${growth} bytes`);
    assert.ok(sent < 64 * 1024 * 1024, `the server wrote ${sent} bytes`);
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    standIn.configure({ hugeContentLength: true });
    const error = await failure(() => client().listContacts(1, 100));
    assert.equal(error.kind, 'badData');
    assert.equal(standIn.requests.length, 1);
  });

  it('refuses pages ten times larger than per_page (claiming billions of pages): the walk holds nothing and ends', async () => {
    standIn.configure({ oversizeFactor: 10 });
    const held: number[] = [];
    const started = Date.now();
    const error = await failure(() =>
      loadAllContacts(client(), { perPage: 100, onContacts: (c) => held.push(...c.map((x) => x.id)) }),
    );
    console.log(
      `      oversized pages: ${held.length} contacts held, ended in ${Date.now() - started} ms after ${standIn.requests.length} request(s)`,
    );
    assert.equal(error.kind, 'badData');
    assert.match(error.message, /held 1000 contacts, more than the 100 asked for/);
    assert.equal(held.length, 0);
    // The first round asks pages 1…4 at once; the first refusal ends the walk, nothing more is asked.
    assert.ok(standIn.requests.length <= 4, `${standIn.requests.length} requests`);
  });

  it('bounds the walk by ceil(total_count / per_page) when total_pages claims billions', async () => {
    standIn.configure({ endless: true, claimTotalPages: 4_000_000_000, claimTotalCount: 250 });
    const all = await loadAllContacts(client(), { perPage: 100, concurrency: 4 });
    assert.equal(all.length, 300);
    // Pages 1…4 are the first round (asked before any total is known); nothing past it is asked, and
    // page 4's contacts, past ceil(250 / 100), are not kept.
    assert.deepEqual(standIn.requests.map((r) => r.query.page).sort(), ['1', '2', '3', '4']);
  });

  it('stops an endless organisation at the contacts cap, and says so', async () => {
    standIn.configure({ endless: true, claimTotalPages: 4_000_000_000, claimTotalCount: 400_000_000_000 });
    let last: StoreProgress | undefined;
    const started = Date.now();
    const all = await loadAllContacts(client(), {
      perPage: 100,
      concurrency: 4,
      maxContacts: 2_000,
      onContacts: (_c, p) => (last = p),
    });
    console.log(
      `      endless organisation, cap 2,000: ${all.length} held after ${standIn.requests.length} requests in ${Date.now() - started} ms`,
    );
    assert.equal(all.length, 2_000);
    assert.equal(last?.capped, true);
    assert.ok(standIn.requests.length <= 20 + 4, `${standIn.requests.length} requests`);
  });

  it('keeps paging without pagination while pages come back full, until a short page', async () => {
    standIn.configure({ pagination: 'missing' });
    const page = await client().listContacts(1, 100);
    assert.equal(page.pagination.totalPages, 2);
    const all = await loadAllContacts(client(), { perPage: 100, concurrency: 1 });
    assert.equal(all.length, 250);
    assert.deepEqual(
      standIn.requests.slice(1).map((r) => r.query.page),
      ['1', '2', '3'],
    );
  });

  it('reads pagination numbers sent as strings', async () => {
    standIn.configure({ pagination: 'strings' });
    const page = await client().listContacts(1, 100);
    assert.deepEqual(page.pagination, {
      currentPage: 1,
      perPage: 100,
      totalPages: 3,
      totalCount: 250,
      estimated: false,
    });
    const all = await loadAllContacts(client(), { perPage: 100 });
    assert.equal(all.length, 250);
  });

  it('refuses a contact reply about another contact than the one asked for', async () => {
    standIn.configure({ wrongIdOffset: 772 });
    const error = await failure(() => client().getContact(5));
    assert.equal(error.kind, 'badData');
    assert.match(error.message, /asked for contact 5, got contact 777/);
  });

  it('refuses a token holding a control character before any header is built, never repeating it', async () => {
    const bad = [
      'tok\nen',
      'tok\r\nX-Evil: 1',
      'tok\u0000en',
      'tok\u007fen',
      'tok\u0085en',
      'tok\u009ben',
      'tok\ten',
      'tökén',
    ];
    for (const token of bad) {
      let thrown: unknown;
      try {
        new LinqClient({ baseUrl: standIn.baseUrl, token });
      } catch (error) {
        thrown = error;
      }
      assert.ok(
        thrown instanceof LinqApiError && thrown.kind === 'auth' && thrown.details.unsendableToken === true,
        `refused ${JSON.stringify(token)}`,
      );
      assert.ok(!everyText(thrown).includes(token), `no trace of ${JSON.stringify(token)}`);
      assert.ok(!everyText(thrown).includes(JSON.stringify(token).slice(1, -1)), 'not even escaped');
    }
    assert.equal(standIn.requests.length, 0);
    await new LinqClient({ baseUrl: standIn.baseUrl, token: `  ${TOKEN}\n` }).listContacts(1, 1);
    assert.equal(standIn.requests[0]?.token, TOKEN, 'surrounding white space is trimmed, not refused');
  });

  it('refuses a base URL with a bare "?" or "#" before any request', () => {
    for (const url of [
      `${standIn.baseUrl}?`,
      `${standIn.baseUrl}#`,
      `${standIn.baseUrl}/?#`,
      `${standIn.baseUrl}?page=9`,
    ]) {
      assert.throws(
        () => new LinqClient({ baseUrl: url, token: TOKEN }),
        (e: unknown) => e instanceof LinqApiError && e.kind === 'config',
        url,
      );
    }
    assert.equal(standIn.requests.length, 0);
  });

  it('never follows a redirect to another port: that server receives nothing', async () => {
    const elsewhere: Array<string | undefined> = [];
    const thief = http.createServer((req, res) => {
      elsewhere.push(req.headers['x-linq-integration-token'] as string | undefined);
      res.end('{}');
    });
    await new Promise<void>((resolve) => thief.listen(0, '127.0.0.1', resolve));
    try {
      const port = (thief.address() as AddressInfo).port;
      standIn.configure({
        forceStatus: 307,
        redirectTo: `http://127.0.0.1:${port}/api/partner/v2/contacts?page=1&per_page=100`,
      });
      const error = await failure(() => client().listContacts(1, 100));
      assert.equal(error.kind, 'server');
      assert.equal(error.status, 307);
      assert.deepEqual(elsewhere, []);
    } finally {
      await new Promise<void>((resolve) => thief.close(() => resolve()));
    }
  });

  it('fails at once when Retry-After is longer than the call may take, saying when to try again', async () => {
    standIn.configure({ rateLimitAlways: 3_600 });
    const started = Date.now();
    const error = await failure(() => client().listContacts(1, 100));
    assert.equal(error.kind, 'rateLimited');
    assert.equal(error.details.retryAfterMs, 3_600_000);
    assert.ok(Date.now() - started < 1_000, `took ${Date.now() - started} ms`);
    assert.equal(standIn.requests.length, 1);
  });

  it('gives up within the call budget however many retries remain', async () => {
    standIn.configure({ hangEvery: 1 });
    const started = Date.now();
    const error = await failure(() => client({ timeoutMs: 300, retryLimit: 50, budgetMs: 1_200 }).listContacts(1, 100));
    const took = Date.now() - started;
    assert.equal(error.kind, 'offline');
    assert.match(error.message, /within 1 s, retries included/);
    assert.ok(took >= 1_100 && took < 3_000, `gave up after ${took} ms`);
  });

  it('never keeps a request object (whose headers hold the token) in a cause', async () => {
    standIn.configure({ hangEvery: 1 });
    const error = await failure(() => client({ timeoutMs: 100, retryLimit: 0 }).listContacts(1, 100));
    assert.equal(error.kind, 'offline');
    assert.ok(error.details.cause instanceof Error);
    assert.deepEqual(
      Object.keys(error.details.cause).filter((k) => k !== 'name'),
      [],
      'the cause is a bare copy of name and message',
    );
  });
});
