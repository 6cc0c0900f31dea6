import * as assert from 'node:assert/strict';
import { LinqClient } from '../../src/api/linqClient';
import { IMPORT_CONCURRENCY, planImport, runImport } from '../../src/contacts/contactImport';
import type { WriteTarget } from '../../src/contacts/contactWriter';
import { ContactStore } from '../../src/contacts/store/contactStore';
import { toDraft } from '../../src/format/contactDraft';
import { startStandIn, type StandIn } from '../server/linqStandIn';

const TOKEN = 'unit-import-token';

describe('contactImport: plan against Linq, then create the new rows at most 4 at a time', () => {
  let standIn: StandIn;
  let target: WriteTarget;
  const posts = (): number => standIn.requests.filter((r) => r.method === 'POST').length;

  before(async () => {
    standIn = await startStandIn({ count: 20, token: TOKEN });
  });
  beforeEach(() => {
    standIn.configure({ latencyMs: 0 });
    standIn.reset();
    const client = new LinqClient({ baseUrl: standIn.baseUrl, token: TOKEN, retryBaseDelayMs: 10 });
    target = { client, store: new ContactStore(client) };
  });
  after(() => standIn.close());

  it('sorts rows into new, already in Linq (asked of find), refused and repeated; nothing is written', async () => {
    const known = standIn.contact(5);
    assert.ok(typeof known?.email === 'string');
    const drafts = [
      toDraft({ firstName: 'New', email: 'new.one@x.example' }),
      toDraft({ firstName: 'Known', email: known.email.toUpperCase() }),
      toDraft({ firstName: 'Again', email: 'NEW.ONE@x.example' }),
      toDraft({ company: 'Nameless' }),
    ];
    const plan = await planImport(target, { drafts, ignored: ['Nickname'] });
    assert.deepEqual(
      plan.fresh.map((d) => d.email),
      ['new.one@x.example'],
    );
    assert.deepEqual(
      plan.existing.map((e) => e.contact.id),
      [5],
    );
    assert.equal(plan.refused.length, 1);
    assert.equal(plan.repeated, 1);
    assert.deepEqual(plan.ignored, ['Nickname']);
    assert.equal(posts(), 0, 'planning writes nothing');
  });

  it('creates each new row once, never more than 4 at a time; Cancel starts no new create', async () => {
    standIn.configure({ latencyMs: 30 });
    const drafts = Array.from({ length: 12 }, (_, i) => toDraft({ firstName: `Row${i}`, email: `row${i}@x.example` }));
    const plan = await planImport(target, { drafts, ignored: [] });
    let most = 0;
    const summary = await runImport(target, plan, {
      onProgress: () => {
        const open = standIn.arrivals.filter((a) => a.method === 'POST').length - posts();
        most = Math.max(most, open);
      },
    });
    assert.equal(summary.created.length, 12);
    assert.equal(posts(), 12);
    assert.ok(most <= IMPORT_CONCURRENCY, `at most ${IMPORT_CONCURRENCY} in flight (saw ${most})`);

    standIn.reset();
    const more = Array.from({ length: 12 }, (_, i) => toDraft({ firstName: `Late${i}`, email: `late${i}@x.example` }));
    let done = 0;
    const cancelled = await runImport(target, await planImport(target, { drafts: more, ignored: [] }), {
      stop: () => done >= 2,
      onProgress: (n) => (done = n),
    });
    assert.ok(cancelled.notStarted > 0, 'some were never started');
    assert.equal(cancelled.created.length + cancelled.notStarted, 12);
    assert.equal(posts(), cancelled.created.length, 'each create sent once');
  });

  it('rows whose find answers with another person are unclear: not created, counted as skipped', async () => {
    standIn.configure({ findAnswersOther: true });
    try {
      const drafts = [toDraft({ firstName: 'Maybe', email: 'maybe@x.example' }), toDraft({ firstName: 'Name only' })];
      const plan = await planImport(target, { drafts, ignored: [] });
      assert.deepEqual(
        plan.unclear.map((d) => d.email),
        ['maybe@x.example'],
      );
      assert.deepEqual(
        plan.fresh.map((d) => d.firstName),
        ['Name only'],
      );
      const summary = await runImport(target, plan);
      assert.equal(summary.created.length, 1);
      assert.equal(summary.skipped, 1);
      assert.equal(standIn.matching({ email: 'maybe@x.example' }).length, 0, 'the unclear row was not created');
    } finally {
      standIn.configure({ findAnswersOther: false });
    }
  });

  it('sends linqContacts.ownerEmail as every new contact’s owner, and stops at Linq’s "User not found"', async () => {
    const drafts = [1, 2, 3].map((i) => toDraft({ firstName: `Owned${i}`, email: `owned${i}@x.example` }));
    const mine = await runImport(target, await planImport(target, { drafts, ignored: [] }), {
      ownerEmail: 'sales@company.example',
    });
    assert.equal(mine.created.length, 3);
    assert.ok(mine.created.every((c) => c.owner?.email === 'sales@company.example'));
    const sent = standIn.requests.filter((r) => r.method === 'POST').map((r) => r.body as Record<string, unknown>);
    assert.ok(sent.every((b) => b.user_email === 'sales@company.example'));

    const more = [4, 5, 6, 7, 8, 9].map((i) => toDraft({ firstName: `Lost${i}`, email: `lost${i}@x.example` }));
    const before = posts();
    const refused = await runImport(target, await planImport(target, { drafts: more, ignored: [] }), {
      ownerEmail: 'nobody@company.example',
    });
    assert.equal(refused.ownerRefused, true);
    assert.equal(refused.created.length, 0);
    assert.deepEqual(refused.failed, [], 'not counted as failures of their own');
    assert.ok(posts() - before <= IMPORT_CONCURRENCY, 'no create started after the first refusal came back');
    assert.equal(refused.notStarted, more.length, 'every row stays to import once the setting is mended');
  });
});
