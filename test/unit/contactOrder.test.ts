import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { Contact } from '../../src/api/types';
import {
  compareFor,
  groupByCompany,
  groupByOwner,
  isSortOrder,
  keyed,
  nameCollator,
  SORT_ORDERS,
  type SortOrder,
} from '../../src/format/contactOrder';

const collator = nameCollator('en');

/** The ids of `contacts` in `order` (their index is their place in Linq's order). */
function sortedIds(contacts: readonly Contact[], order: SortOrder): number[] {
  return contacts
    .map((c, i) => keyed(c, i, order))
    .sort(compareFor(order, collator))
    .map((k) => k.contact.id);
}

describe('contactOrder: the orders and groups of the Contacts view', () => {
  it('knows its orders', () => {
    assert.deepEqual([...SORT_ORDERS], ['linq', 'name', 'company', 'newest', 'updated']);
    assert.ok(isSortOrder('name'));
    assert.ok(!isSortOrder('Name') && !isSortOrder(undefined) && !isSortOrder('__proto__'));
  });

  it('sorts names as a person reads them: case, accents and numbers', () => {
    const contacts: Contact[] = [
      { id: 1, fullName: 'zoë' },
      { id: 2, fullName: 'Émile' },
      { id: 3, fullName: 'Contact 10' },
      { id: 4, fullName: 'contact 9' },
      { id: 5, fullName: 'Zoe' },
      { id: 6, fullName: 'adam' },
      { id: 7, email: 'bob@x.io' },
      { id: 8 },
    ];
    // "Contact #8" is its label ("#" sorts before digits); ties (zoë / Zoe) keep Linq's order.
    assert.deepEqual(sortedIds(contacts, 'name'), [6, 7, 8, 4, 3, 2, 1, 5]);
  });

  it('keeps hostile names as text and sorts them without throwing', () => {
    const contacts: Contact[] = [
      { id: 1, fullName: '<img src=x onerror=alert(1)>' },
      { id: 2, fullName: '\u202Eevil' },
      { id: 3, fullName: '👩‍💻 Coder' },
      { id: 4, fullName: 'W'.repeat(300) },
      { id: 5, fullName: '' },
    ];
    const ids = sortedIds(contacts, 'name');
    assert.deepEqual([...ids].sort(), [1, 2, 3, 4, 5]);
  });

  it('sorts by company then name, contacts without a company last', () => {
    const contacts: Contact[] = [
      { id: 1, fullName: 'Bea', company: 'Zeta' },
      { id: 2, fullName: 'Al' },
      { id: 3, fullName: 'Cy', company: 'acme' },
      { id: 4, fullName: 'Ann', company: 'Zeta' },
      { id: 5, fullName: 'Bo', company: 'Acme' },
    ];
    assert.deepEqual(sortedIds(contacts, 'company'), [5, 3, 4, 1, 2]);
  });

  it('puts the newest (or most recently updated) first and unreadable dates last, ties in Linq order', () => {
    const contacts: Contact[] = [
      { id: 1, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2025-06-01T00:00:00Z' },
      { id: 2, createdAt: 'not a date' },
      { id: 3, createdAt: '2025-01-01T00:00:00-05:00', updatedAt: '2024-01-01T00:00:00Z' },
      { id: 4 },
      { id: 5, createdAt: '2024-01-01T00:00:00Z' },
    ];
    assert.deepEqual(sortedIds(contacts, 'newest'), [3, 1, 5, 2, 4]);
    assert.deepEqual(sortedIds(contacts, 'updated'), [1, 3, 2, 4, 5]);
    assert.deepEqual(sortedIds(contacts, 'linq'), [1, 2, 3, 4, 5]);
  });

  it('is a total order: any contacts, any order, sort the same way from any starting order', () => {
    const contact = fc.record(
      {
        id: fc.integer({ min: 1, max: 50 }),
        fullName: fc.string(),
        company: fc.constantFrom('Acme', 'acme', 'Zeta', 'Ünïcode'),
        createdAt: fc.constantFrom('2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 'junk'),
      },
      { requiredKeys: ['id'] },
    );
    fc.assert(
      fc.property(fc.array(contact, { maxLength: 30 }), fc.constantFrom(...SORT_ORDERS), (list, order) => {
        const compare = compareFor(order, collator);
        const keys = list.map((c, i) => keyed(c, i, order));
        const once = [...keys].sort(compare);
        const again = [...keys].reverse().sort(compare);
        assert.deepEqual(
          once.map((k) => k.rank),
          again.map((k) => k.rank),
        );
      }),
    );
  });

  it('groups by company A–Z, rows in the order given, no company last', () => {
    const groups = groupByCompany(
      [{ id: 1, company: 'Zeta' }, { id: 2 }, { id: 3, company: 'acme' }, { id: 4, company: 'Zeta' }],
      collator,
    );
    assert.deepEqual(
      groups.map((g) => [g.key, g.label, g.contacts.map((c) => c.id)]),
      [
        ['acme', 'acme', [3]],
        ['Zeta', 'Zeta', [1, 4]],
        ['', undefined, [2]],
      ],
    );
  });

  it('groups by owner (email in lower case, else name), yours first as "mine", no owner last', () => {
    const jane = { email: 'Jane@Co.example', name: 'Jane Owner' };
    const contacts: Contact[] = [
      { id: 1, owner: jane },
      { id: 2, owner: { email: 'sam@co.example', firstName: 'Sam', lastName: 'Seller' } },
      { id: 3 },
      { id: 4, owner: { ...jane, email: 'jane@co.example ' } },
      { id: 5, owner: { id: 9 } },
      { id: 6, owner: { name: 'Al Nameonly' } },
    ];
    const plain = groupByOwner(contacts, collator, undefined);
    assert.deepEqual(
      plain.map((g) => [g.label, g.contacts.map((c) => c.id), g.mine]),
      [
        ['Al Nameonly', [6], false],
        ['Jane Owner', [1, 4], false],
        ['Sam Seller', [2], false],
        [undefined, [3, 5], false],
      ],
    );
    const mine = groupByOwner(contacts, collator, ' SAM@co.example ');
    assert.deepEqual(
      mine.map((g) => [g.label, g.mine]),
      [
        ['Sam Seller', true],
        ['Al Nameonly', false],
        ['Jane Owner', false],
        [undefined, false],
      ],
    );
  });
});
