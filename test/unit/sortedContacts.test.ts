import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { Contact } from '../../src/api/types';
import { compareFor, keyed, nameCollator, type SortOrder } from '../../src/format/contactOrder';
import { firstInOrder, insertionPoint, SortedContacts, sortInSlices } from '../../src/tree/sortedContacts';

const collator = nameCollator('en');

function wholeSort(list: readonly Contact[], order: SortOrder): number[] {
  return list
    .map((c, i) => keyed(c, i, order))
    .sort(compareFor(order, collator))
    .map((k) => k.contact.id);
}

function people(count: number, from = 1): Contact[] {
  return Array.from({ length: count }, (_, i) => ({
    id: from + i,
    fullName: `${['Zed', 'amy', 'Émile', 'bob', 'Åsa'][(from + i) % 5]} ${((from + i) * 7919) % 1000}`,
  }));
}

/** Waits for a sort in slices: it calls back with its first rows, then when the whole is sorted. */
function sortedSoon(): { sorted: () => void; first: Promise<void>; done: Promise<void> } {
  let calls = 0;
  let firstFound: () => void = () => undefined;
  let allDone: () => void = () => undefined;
  const first = new Promise<void>((resolve) => (firstFound = resolve));
  const done = new Promise<void>((resolve) => (allDone = resolve));
  return { sorted: () => (++calls === 1 ? firstFound() : allDone()), first, done };
}

describe('SortedContacts: the view in an order of its own, kept as the store changes', () => {
  it('sortInSlices sorts as Array.prototype.sort does, and stops when no longer wanted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 5000 }), async (list) => {
        const out = await sortInSlices(
          list,
          (a, b) => a - b,
          () => true,
          1,
        );
        assert.deepEqual(
          out,
          [...list].sort((a, b) => a - b),
        );
      }),
      { numRuns: 30 },
    );
    const big = Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 50_000);
    assert.equal(
      await sortInSlices(
        big,
        (a, b) => a - b,
        () => false,
        0,
      ),
      undefined,
    );
  });

  it('insertionPoint places an item after its equals and keeps the list sorted', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 })), fc.integer({ min: -25, max: 25 }), (list, item) => {
        const sorted = [...list].sort((a, b) => a - b);
        const at = insertionPoint(sorted, item, (a, b) => a - b);
        assert.ok(sorted.slice(0, at).every((x) => x <= item));
        assert.ok(sorted.slice(at).every((x) => x > item));
      }),
    );
  });

  it('firstInOrder finds the first n in order, as a whole sort would', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 3000 }),
        fc.integer({ min: 1, max: 200 }),
        async (list, n) => {
          const out = await firstInOrder(
            list,
            n,
            (a, b) => a - b,
            () => true,
            1,
          );
          assert.deepEqual(out, [...list].sort((a, b) => a - b).slice(0, n));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('merges batches that arrive into the order: the same as sorting the whole list', () => {
    const list: Contact[] = [];
    const sorted = new SortedContacts(collator, () => undefined);
    sorted.setOrder('name');
    for (let page = 0; page < 8; page++) {
      list.push(...people(100, page * 100 + 1));
      const rows = sorted.follow(list);
      assert.deepEqual(
        rows.map((c) => c.id),
        wholeSort(list, 'name'),
      );
    }
    assert.equal(sorted.follow(list), sorted.follow(list), 'nothing new: the same rows');
  });

  it('patches a replaced list with few changes (an edit, a delete), and follows a new order', () => {
    const list = people(500);
    const sorted = new SortedContacts(collator, () => undefined);
    sorted.setOrder('name');
    sorted.follow(list);
    const edited = list.map((c) => (c.id === 7 ? { ...c, fullName: 'Aaron First' } : c)).filter((c) => c.id !== 9);
    const rows = sorted.follow(edited);
    assert.equal(rows[0]?.fullName, 'Aaron First');
    assert.ok(!rows.some((c) => c.id === 9));
    assert.deepEqual(
      rows.map((c) => c.id),
      wholeSort(edited, 'name'),
    );
    sorted.setOrder('linq');
    assert.equal(sorted.follow(edited), edited, "Linq's order is the list itself");
  });

  it('sorts a large list in slices, showing the previous order meanwhile, and says when done', async () => {
    const list = people(20_000);
    const { sorted: onSorted, first, done } = sortedSoon();
    const sorted = new SortedContacts(collator, onSorted);
    sorted.setOrder('name');
    assert.deepEqual(sorted.follow(list), [], 'nothing sorted yet');
    assert.ok(sorted.busy);
    await first;
    assert.deepEqual(
      sorted.follow(list).map((c) => c.id),
      wholeSort(list, 'name').slice(0, 1_000),
      'the first rows of the order while the rest is sorted',
    );
    list.push(...people(50, 20_001));
    await done;
    assert.ok(!sorted.busy);
    const rows = sorted.follow(list);
    assert.equal(rows.length, 20_050, 'what arrived meanwhile is merged in');
    assert.deepEqual(
      rows.map((c) => c.id),
      wholeSort(list, 'name'),
    );
  });
});
