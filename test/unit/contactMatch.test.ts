import * as assert from 'node:assert/strict';
import type { Contact } from '../../src/api/types';
import * as fc from 'fast-check';
import { bestMatches, ContactSearch, foldAhead, matchRank, queryWords } from '../../src/format/contactMatch';

const people: Contact[] = [
  { id: 1, fullName: 'Grace Hopper', email: 'grace@navy.example', company: 'US Navy', title: 'Rear Admiral' },
  { id: 2, fullName: 'Ada Lovelace', email: 'ada@engines.example', company: 'Analytical Engines', title: 'Countess' },
  { id: 3, fullName: 'Adèle Ngrace', email: 'adele@example.com', company: 'Grace & Co', title: 'Engineer' },
  { id: 4, fullName: 'Bob Stagrace', email: 'bob@example.com', company: 'Initech', title: 'Clerk' },
  { id: 5, fullName: 'Émile Zola', email: 'emile@letters.example', company: 'Les Éditions', title: 'Writer' },
];

describe('the contact matcher (search and filter)', () => {
  it('folds case and accents in query and contact alike', () => {
    assert.deepEqual(queryWords('  ÉMILE   zola '), ['emile', 'zola']);
    assert.equal(matchRank(people[4]!, queryWords('emile')), 0);
    assert.equal(matchRank(people[2]!, queryWords('adele')), 0);
    assert.equal(matchRank(people[4]!, queryWords('editions')), 1);
  });

  it('orders: name starts with the query, then a word starts with it, then contains it; ties in API order', () => {
    const { shown, total } = bestMatches(people, 'grace', 10);
    assert.equal(total, 3);
    assert.deepEqual(
      shown.map((c) => c.id),
      [1, 3, 4],
    );
    // 1: name starts with "grace"; 3: a word ("Grace & Co") starts with it; 4: "Stagrace" merely contains it.
    assert.deepEqual(
      shown.map((c) => matchRank(c, ['grace'])),
      [0, 1, 2],
    );
  });

  it('needs every word somewhere in name, email, company or title', () => {
    assert.deepEqual(
      bestMatches(people, 'ada engines', 10).shown.map((c) => c.id),
      [2],
    );
    assert.equal(bestMatches(people, 'ada navy', 10).total, 0);
  });

  it('caps what it returns but counts every match, keeping the best ones', () => {
    const many: Contact[] = Array.from({ length: 5_000 }, (_, i) => ({
      id: i + 1,
      fullName: `Person ${i + 1}`,
      company: i === 4_999 ? 'Zebra' : 'Acme',
    }));
    const some = bestMatches(many, 'person', 100);
    assert.equal(some.shown.length, 100);
    assert.equal(some.total, 5_000);
    assert.deepEqual(
      some.shown.slice(0, 2).map((c) => c.id),
      [1, 2],
    );
    assert.deepEqual(bestMatches(many, 'person 5000', 100).shown[0]?.id, 5_000, 'an exact name comes first');
    assert.deepEqual(
      bestMatches(many, 'zebra', 100).shown.map((c) => c.id),
      [5_000],
    );
    assert.equal(bestMatches(many, '', 100).shown.length, 100);
  });

  it('foldAhead lets the event loop run between its slices, stops when no longer wanted, and changes no answer', async () => {
    const many: Contact[] = Array.from({ length: 5_000 }, (_, i) => ({ id: i + 1, fullName: `Émile ${i}` }));
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    try {
      await foldAhead(many, () => true, 0);
      assert.ok(turns > 0, 'other work ran while it folded');
      let asked = 0;
      await foldAhead(
        many,
        () => {
          asked++;
          return false;
        },
        0,
      );
      assert.equal(asked, 1, 'it stopped at the first slice once no longer wanted');
    } finally {
      clearInterval(ticking);
    }
    assert.deepEqual(
      bestMatches(many, 'emile 4999', 5).shown.map((c) => c.id),
      [5000],
    );
  });

  it('ContactSearch answers as bestMatches does, query after query, as the list grows or is replaced', () => {
    const contact = fc.record(
      {
        id: fc.nat(),
        fullName: fc.constantFrom('Ada Lovelace', 'Adam Smith', 'Émile Zola', 'Grace Hopper', 'ada-lee'),
        email: fc.constantFrom('ada@x.example', 'grace@navy.example', 'zola@paris.example'),
        company: fc.constantFrom('Analytical', 'Navy', 'Adaptive Ltd'),
      },
      { requiredKeys: ['id'] },
    );
    const typed = fc.array(fc.constantFrom('a', 'ad', 'ada', 'ada l', 'ada lo', 'gr', 'x', '', 'é', 'e', 'ada@'), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.array(contact, { maxLength: 40 }),
        fc.array(contact, { maxLength: 10 }),
        typed,
        (start, more, queries) => {
          const list = [...start];
          const search = new ContactSearch();
          queries.forEach((q, i) => {
            if (i === 2) {
              list.push(...more);
            }
            assert.deepEqual(search.best(list, q, 5), bestMatches(list, q, 5), q);
          });
          const replaced = list.slice(1);
          assert.deepEqual(search.best(replaced, 'ada', 5), bestMatches(replaced, 'ada', 5));
        },
      ),
    );
  });
});
