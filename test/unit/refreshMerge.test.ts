import * as assert from 'node:assert/strict';
import type { Contact } from '../../src/api/types';
import { ContactCollection } from '../../src/contacts/store/contactCollection';
import { mergeOtherWindow, mergeRefresh, sameList, sameSince } from '../../src/contacts/store/refreshMerge';

const person = (id: number, updatedAt = '2026-01-01T00:00:00Z'): Contact => ({ id, firstName: `P${id}`, updatedAt });

function held(...ids: number[]): ContactCollection {
  const c = new ContactCollection(100);
  c.deliver(ids.map((id) => person(id)));
  return c;
}

describe('mergeRefresh: a refresh’s walk taken into what is held', () => {
  it('a partial walk updates what it reached and keeps the rest after it', () => {
    const c = held(1, 2, 3, 4);
    const next = mergeRefresh(c, [person(1), person(2, '2026-05-01T00:00:00Z'), person(7)], false);
    assert.deepEqual(
      next.map((x) => x.id),
      [1, 2, 7, 3, 4],
    );
    assert.equal(next[1]?.updatedAt, '2026-05-01T00:00:00Z', 'the newer version');
    assert.equal(next[0], c.get(1), 'an unchanged contact keeps its object');
  });

  it('only a complete walk removes what it did not list; creates not yet listed stay first, deletes stay gone', () => {
    const c = held(1, 2, 3);
    c.added(person(50));
    c.removed(2);
    const next = mergeRefresh(c, [person(1), person(2), person(3)], true);
    assert.deepEqual(
      next.map((x) => x.id),
      [50, 1, 3],
    );
    assert.deepEqual(
      mergeRefresh(held(1, 2, 3), [person(3)], true).map((x) => x.id),
      [3],
    );
  });

  it('sameSince: what a refresh listed since the last batch is what is held, in the same places, as new', () => {
    const list = [person(1), person(2), person(3)];
    assert.equal(sameSince(list, [person(1), person(2)], 0), true, 'equal copies count as the same');
    assert.equal(sameSince(list, [person(1), person(9)], 0), false, 'another contact at a place');
    assert.equal(sameSince(list, [person(1), person(2), person(3), person(4)], 3), false, 'one more than held');
    assert.equal(sameSince(list, [person(1), { ...person(2), title: 'New' }], 1), false, 'a changed one');
    assert.equal(sameSince(list, [person(9), person(2)], 1), true, 'only from `from` on');
  });

  it('sameList compares objects in order', () => {
    const a = [person(1), person(2)];
    assert.equal(sameList(a, [...a]), true);
    assert.equal(sameList(a, [a[1]!, a[0]!]), false);
    assert.equal(sameList(a, [person(1), a[1]!]), false);
  });
});

describe('mergeOtherWindow: another window’s cache taken into what is held', () => {
  const share = (deleted: number[] = [], walkStartedAt?: number) => ({
    writer: 'other',
    generation: 2,
    deleted,
    walkStartedAt,
  });

  it('takes its order and newer versions, keeps the held ones it does not list, and drops what it names deleted', () => {
    const c = held(1, 2, 3, 4);
    const next = mergeOtherWindow(
      c,
      {
        contacts: [person(9), person(1, '2026-05-01T00:00:00Z'), person(2, '2025-01-01T00:00:00Z')],
        totalCount: 5,
        complete: false,
        takenAt: 1,
        share: share([3]),
      },
      () => undefined,
    );
    assert.deepEqual(
      next.map((x) => x.id),
      [9, 1, 2, 4],
    );
    assert.equal(next[1]?.updatedAt, '2026-05-01T00:00:00Z', 'the newer version wins');
    assert.equal(next[2], c.get(2), 'an older version from the other window does not undo this one');
  });

  it('a complete list removes only what was held before its walk started; creates here stay first', () => {
    const c = held(1, 2, 3);
    c.added(person(50));
    const arrived = new Map([[3, 500]]);
    const next = mergeOtherWindow(
      c,
      { contacts: [person(1)], totalCount: 1, complete: true, takenAt: 1, share: share([], 400) },
      (id) => arrived.get(id),
    );
    // 2 was held before the other walk started and it did not list it: gone. 3 arrived after: kept.
    assert.deepEqual(
      next.map((x) => x.id),
      [50, 1, 3],
    );
    const old = mergeOtherWindow(
      held(1, 2),
      { contacts: [person(1)], totalCount: 1, complete: true, takenAt: 1 },
      () => undefined,
    );
    assert.deepEqual(
      old.map((x) => x.id),
      [1, 2],
      'a cache written before windows shared says nothing of its walk: nothing is removed',
    );
  });
});
