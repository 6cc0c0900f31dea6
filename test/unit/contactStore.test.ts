import * as assert from 'node:assert/strict';
import { LinqClient } from '../../src/api/linqClient';
import type { Contact } from '../../src/api/types';
import { ContactStore, type HeldContacts } from '../../src/contacts/store/contactStore';
import { startStandIn, type StandIn } from '../server/linqStandIn';
import { waitFor } from '../support/waitFor';

describe('ContactStore (one store per connection) against the stand-in', () => {
  let standIn: StandIn;
  /** What crossed the wire, in order: `send N` when page N was asked, `reply N` when its answer came. */
  let events: string[];
  const make = (retryLimit = 2): LinqClient => {
    const logging: typeof fetch = async (input, init) => {
      const page = new URL(input instanceof Request ? input.url : String(input)).searchParams.get('page');
      events.push(`send ${page}`);
      const response = await fetch(input, init);
      events.push(`reply ${page}`);
      return response;
    };
    return new LinqClient({ baseUrl: standIn.baseUrl, token: 't', retryBaseDelayMs: 5, retryLimit, fetch: logging });
  };
  const listPages = (): string[] =>
    standIn.requests.filter((r) => r.path.endsWith('/contacts')).map((r) => r.query.page ?? '');

  beforeEach(async () => {
    events = [];
    standIn = await startStandIn({ count: 1_000, token: 't', latencyMs: 40 });
  });
  afterEach(() => standIn.close());

  it('asks pages 1…c at once before any reply, then keeps c in flight: N pages in ceil(N / c) rounds', async () => {
    const store = new ContactStore(make(), { concurrency: 4 });
    await store.walk();
    assert.equal(store.contacts.length, 1_000);
    assert.deepEqual(events.slice(0, 4).sort(), ['send 1', 'send 2', 'send 3', 'send 4'], events.join(', '));
    // Rounds: each reply frees a slot for the next page, so a page is sent only after c replies before it.
    const firstReply = events.findIndex((e) => e.startsWith('reply'));
    assert.equal(firstReply, 4, 'four pages asked before the first reply');
    assert.deepEqual(
      listPages().sort((a, b) => Number(a) - Number(b)),
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
    );
  });

  it('pages past the end come back empty and end the walk; nothing after them is asked', async () => {
    standIn.configure({ count: 250 });
    const store = new ContactStore(make(), { concurrency: 4 });
    await store.walk();
    assert.equal(store.contacts.length, 250);
    assert.equal(store.complete, true);
    // What the client sent (the stand-in records a page only when it answers, which may come after the walk
    // ended: page 4 is cancelled once pages 1–3 complete the organisation).
    const sent = events.filter((e) => e.startsWith('send ')).map((e) => e.slice(5));
    assert.deepEqual(sent.sort(), ['1', '2', '3', '4']);
  });

  it('asks each page once for the view and the walk together, and serves the view as soon as its page is in', async () => {
    const store = new ContactStore(make(), { concurrency: 1 });
    await store.ensure(25, 'user');
    assert.deepEqual(listPages(), ['1'], 'the view’s first rows: page 1 only');
    const walk = store.walk();
    // Load more while the walk runs: served once its page lands, not after the walk's queued pages.
    await store.ensure(250, 'user');
    assert.equal(store.complete, false, 'the walk still has pages queued');
    assert.ok(store.progress.pagesDone <= 4, `pages delivered when Load more was served: ${store.progress.pagesDone}`);
    await walk;
    const pages = listPages();
    assert.equal(pages.length, 10);
    assert.equal(new Set(pages).size, 10, `each page once: ${pages.join(',')}`);
  });

  it('a failed page fails who needed it; the next call asks only that page and after again', async () => {
    standIn.configure({ latencyMs: 0, failPages: [3] });
    const store = new ContactStore(make(0), { concurrency: 1 });
    await assert.rejects(store.walk(), (e: Error & { kind?: string }) => e.kind === 'server');
    assert.equal(store.contacts.length, 200, 'pages 1 and 2 are kept');
    standIn.configure({ failPages: [] });
    await store.walk();
    assert.equal(store.contacts.length, 1_000);
    assert.deepEqual(listPages(), ['1', '2', '3', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('after dispose, late answers are dropped and callers hear "cancelled"', async () => {
    standIn.configure({ latencyMs: 150 });
    const store = new ContactStore(make(), { concurrency: 4 });
    const walk = store.walk();
    await waitFor('four pages asked', () => events.filter((e) => e.startsWith('send')).length === 4);
    store.dispose();
    await assert.rejects(walk, (e: Error & { kind?: string }) => e.kind === 'cancelled');
    await new Promise((resolve) => setTimeout(resolve, 250));
    assert.equal(store.contacts.length, 0);
    assert.equal(store.loadedAny, false);
  });

  it('keeps a contact fetched by id when it is newer, in a new list that listeners hear of', async () => {
    standIn.configure({ latencyMs: 0 });
    const client = make();
    const store = new ContactStore(client, { concurrency: 2 });
    await store.ensure(100);
    let changes = 0;
    store.onDidChange(() => changes++);
    const list = store.contacts;
    const held = store.get(7);
    store.remember(await client.getContact(7));
    assert.equal(store.get(7), held, 'the same version keeps its object');
    assert.equal(store.contacts, list, 'and the list');
    assert.equal(changes, 0);
    const fresh = { ...(held as Contact), title: 'Changed elsewhere', updatedAt: '2099-01-01T00:00:00Z' };
    store.remember(fresh);
    assert.equal(store.get(7), fresh);
    assert.equal(store.contacts[6], fresh);
    assert.notEqual(
      store.contacts,
      list,
      'a new list: a sorted view or a filter following the old one sees the change',
    );
    assert.equal(list[6], held, 'the old list is left as it was');
    assert.equal(changes, 1);
    assert.equal(store.get(5000), undefined);
  });

  it('another window’s copy taken in makes what is held as fresh as the fresher of the two, not "now"', () => {
    const people = (ids: number[]): Contact[] => ids.map((id) => ({ id, firstName: `P${id}` }));
    const held: HeldContacts = { contacts: people([1, 2]), totalCount: 2, complete: true, takenAt: 1_000_000 };
    const store = new ContactStore({ listContacts: () => Promise.reject(new Error('no network here')) }, { held });
    const share = { writer: 'other', generation: 1, deleted: [] };
    store.takeIn({ contacts: people([1, 2, 3]), totalCount: 3, complete: true, takenAt: 2_000_000, share });
    assert.deepEqual(
      store.contacts.map((c) => c.id),
      [1, 2, 3],
    );
    assert.equal(store.heldContacts('me').takenAt, 2_000_000, 'the other copy’s time, not the time it was taken in');
    store.takeIn({ contacts: people([1, 2, 3]), totalCount: 3, complete: true, takenAt: 1_500_000, share });
    assert.equal(store.heldContacts('me').takenAt, 2_000_000, 'an older copy does not make it older either');
    store.dispose();
  });

  describe('started from held contacts (the encrypted copy) and refreshed in place', () => {
    const heldFromWalk = async (limit?: number): Promise<HeldContacts> => {
      const first = new ContactStore(make(), { concurrency: 4 });
      await first.walk(limit);
      standIn.requests.length = 0;
      return { ...first.heldContacts(), takenAt: 1_700_000_000_000 };
    };

    it('answers from what it held with no request, and says since when', async () => {
      const held = await heldFromWalk();
      const store = new ContactStore(make(), { held });
      assert.equal(store.contacts.length, 1_000);
      assert.equal(store.complete, true);
      assert.equal(store.loadedAny, true);
      assert.equal(store.heldSince, 1_700_000_000_000);
      await store.ensure(100);
      await store.walk();
      assert.equal(store.byEmail(held.contacts[500]!.email!)?.id, held.contacts[500]!.id);
      assert.equal(standIn.requests.length, 0, 'nothing asked');
    });

    it('while the rest of the copy is read, demand waits for it instead of asking Linq', async () => {
      const held = await heldFromWalk();
      const store = new ContactStore(make(), {
        held: { ...held, contacts: held.contacts.slice(0, 100), complete: false },
      });
      let release: (all: HeldContacts) => void = () => undefined;
      store.fillFrom(new Promise<HeldContacts>((resolve) => (release = resolve)));
      assert.equal(store.reading, true);
      assert.equal(store.contacts.length, 100, 'the first part answers at once');
      const more = store.ensure(500);
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(standIn.requests.length, 0, 'nothing asked while reading');
      release(held);
      await more;
      await store.walk();
      assert.equal(store.reading, false);
      assert.equal(store.complete, true);
      assert.deepEqual(
        store.contacts.map((c) => c.id),
        held.contacts.map((c) => c.id),
        'each once, in order',
      );
      assert.equal(standIn.requests.length, 0);
    });

    it('a page answered late does not undo a newer version held by id', async () => {
      const store = new ContactStore(make(), { concurrency: 1 });
      await store.ensure(100);
      const newerVersion = { id: 150, firstName: 'Edited', lastName: 'Here', updatedAt: '2099-01-01T00:00:00Z' };
      store.remember(newerVersion);
      await store.ensure(200);
      assert.equal(store.get(150), newerVersion);
      assert.equal(store.contacts[149], newerVersion, 'listed in its place, at its newest');
    });

    it('held only in part, pages on from where the copy ended', async () => {
      const held = await heldFromWalk(300);
      const store = new ContactStore(make(), { held, concurrency: 1 });
      assert.equal(store.complete, false);
      await store.ensure(500);
      assert.deepEqual(listPages(), ['4', '5']);
      assert.deepEqual(
        store.contacts.map((c) => c.id),
        Array.from({ length: 500 }, (_, i) => i + 1),
      );
    });

    it('a complete refresh replaces changed contacts, adds new ones and removes the ones gone', async () => {
      const held = await heldFromWalk();
      const store = new ContactStore(make(), { held });
      standIn.changeBehind(10, { company: 'Changed Behind' });
      standIn.deleteBehind(20);
      const added = standIn.addBehind({ first_name: 'New', email: 'new.behind@example.com' });
      const walker = new ContactStore(make());
      await walker.walk();
      store.refreshedWith(walker.contacts, walker.complete, walker.progress.totalCount, true);
      const ids = store.contacts.map((c) => c.id);
      assert.equal(ids[0], added.id, 'the new contact where Linq lists it');
      assert.equal(ids.includes(20), false, 'the deleted contact is gone');
      assert.equal(store.get(20), undefined);
      assert.equal(store.get(10)?.company, 'Changed Behind');
      assert.equal(store.byEmail('new.behind@example.com')?.id, added.id, 'the index follows');
      assert.equal(new Set(ids).size, ids.length, 'each once');
      assert.equal(ids.length, 1_000);
      assert.equal(store.heldSince, undefined, 'no longer "as of"');
      assert.equal(store.progress.totalCount, 1_000);
    });

    it('a refresh that finds nothing new tells nobody of a change until it is done; a change without a new updated_at still lands', async () => {
      const held = await heldFromWalk();
      const store = new ContactStore(make(), { held });
      let changes = 0;
      store.onDidChange(() => changes++);
      const list = store.contacts;
      const walker = new ContactStore(make());
      await walker.walk(500);
      store.refreshedWith(walker.contacts, false, walker.progress.totalCount, false);
      assert.equal(changes, 0, 'no change to tell of');
      assert.equal(store.contacts, list, 'the same list');
      await walker.walk();
      store.refreshedWith(walker.contacts, true, walker.progress.totalCount, true);
      assert.equal(changes, 1, 'once: the contacts are no longer "as of"');
      assert.equal(store.heldSince, undefined);
      const quiet = { ...walker.contacts[6]!, company: 'Same Timestamp' };
      store.refreshedWith(
        walker.contacts.map((c) => (c.id === quiet.id ? quiet : c)),
        true,
        walker.progress.totalCount,
        true,
      );
      assert.equal(store.get(quiet.id)?.company, 'Same Timestamp');
      assert.equal(changes, 2);
    });

    it('a refresh that stopped part way keeps the contacts it did not reach, even ones deleted behind', async () => {
      const held = await heldFromWalk();
      const store = new ContactStore(make(), { held });
      standIn.deleteBehind(900);
      standIn.changeBehind(5, { company: 'Changed Behind' });
      const walker = new ContactStore(make());
      await walker.walk(200);
      store.refreshedWith(walker.contacts, walker.complete, walker.progress.totalCount, false);
      assert.equal(store.contacts.length, 1_000);
      assert.equal(store.get(900)?.id, 900, 'only a complete walk removes');
      assert.equal(store.get(5)?.company, 'Changed Behind');
      assert.equal(store.heldSince, 1_700_000_000_000, 'still "as of" until the refresh is done');
    });

    it('keeps a contact created here first and one deleted here gone, whatever a refresh page fetched before says', async () => {
      const held = await heldFromWalk();
      const store = new ContactStore(make(), { held });
      const walker = new ContactStore(make());
      await walker.walk();
      store.added({ id: 5_000_000, firstName: 'Made', lastName: 'Here', updatedAt: '2099-01-01T00:00:00Z' });
      store.removed(3);
      store.updated({ ...held.contacts[1]!, company: 'Edited Here', updatedAt: '2099-01-01T00:00:00Z' });
      store.refreshedWith(walker.contacts, true, walker.progress.totalCount, true);
      assert.equal(store.contacts[0]?.id, 5_000_000);
      assert.equal(store.createdHere, 1);
      assert.equal(store.get(3), undefined, 'a page fetched before the delete does not bring it back');
      assert.equal(store.get(2)?.company, 'Edited Here', 'the newer version wins');
      assert.equal(store.contacts.length, 1_000);
    });
  });
});
