import * as assert from 'node:assert/strict';
import type { Contact } from '../../src/api/types';
import { ContactFilter } from '../../src/tree/contactFilter';

const people: Contact[] = [
  { id: 1, fullName: 'Ada Lovelace', company: 'Analytical Engines', title: 'Analyst' },
  { id: 2, fullName: 'Grace Hopper', company: 'US Navy', email: 'grace@navy.example' },
  { id: 3, fullName: 'Émile Zola', company: 'Engines Ltd' },
];

describe('ContactFilter (the view’s filter)', () => {
  it('is off when empty or blank, and matches every word in name, email, company or title, ignoring case and accents', () => {
    const filter = new ContactFilter();
    assert.equal(filter.active, false);
    filter.set('   ');
    assert.equal(filter.active, false);
    filter.set(' engines ');
    assert.equal(filter.text, 'engines');
    assert.deepEqual(
      filter.matches(people).map((c) => c.id),
      [1, 3],
    );
    filter.set('EMILE engines');
    assert.deepEqual(
      filter.matches(people).map((c) => c.id),
      [3],
    );
    filter.set('navy.example');
    assert.deepEqual(
      filter.matches(people).map((c) => c.id),
      [2],
    );
  });

  it('scans only contacts new since the last call while the list grows, in the list’s order', () => {
    const filter = new ContactFilter();
    filter.set('engines');
    const list: Contact[] = [people[0] as Contact];
    assert.deepEqual(
      filter.matches(list).map((c) => c.id),
      [1],
    );
    list.push(people[1] as Contact, people[2] as Contact);
    assert.deepEqual(
      filter.matches(list).map((c) => c.id),
      [1, 3],
    );
  });

  it('starts over for a new list (a write replaced it) and after forget()', () => {
    const filter = new ContactFilter();
    filter.set('engines');
    assert.deepEqual(
      filter.matches(people).map((c) => c.id),
      [1, 3],
    );
    const edited = people.map((c) => (c.id === 1 ? { ...c, company: 'Babbage & Co' } : c));
    assert.deepEqual(
      filter.matches(edited).map((c) => c.id),
      [3],
      'an edit that no longer matches leaves at once',
    );
    const created = [{ id: 9, fullName: 'New Engines Person' }, ...edited];
    assert.deepEqual(
      filter.matches(created).map((c) => c.id),
      [9, 3],
      'a created contact first',
    );
    filter.forget();
    assert.deepEqual(
      filter.matches(created).map((c) => c.id),
      [9, 3],
    );
  });
});
