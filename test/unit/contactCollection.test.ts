import * as assert from 'node:assert/strict';
import type { Contact } from '../../src/api/types';
import { ContactCollection } from '../../src/contacts/store/contactCollection';

const person = (id: number, extra: Partial<Contact> = {}): Contact => ({
  id,
  firstName: `P${id}`,
  email: `p${id}@example.com`,
  phoneNumber: `+1555010${String(id).padStart(4, '0')}`,
  updatedAt: '2026-01-01T00:00:00Z',
  ...extra,
});

describe('ContactCollection: each contact once, in order, by id, email and phone', () => {
  it('delivers in order, dropping repeats, up to its cap', () => {
    const c = new ContactCollection(3);
    c.deliver([person(1), person(2)]);
    c.deliver([person(2), person(3), person(4)]);
    assert.deepEqual(
      c.contacts.map((x) => x.id),
      [1, 2, 3],
    );
    assert.equal(c.full, true);
  });

  it('answers by email ignoring case and by phone as E.164', () => {
    const c = new ContactCollection(10);
    c.deliver([person(1), person(2)]);
    assert.equal(c.byEmail('P2@EXAMPLE.COM')?.id, 2);
    assert.equal(c.byPhone('(555) 010-0001')?.id, 1);
    assert.equal(c.byEmail('nobody@example.com'), undefined);
  });

  it('a create goes first and is counted; an update replaces in place; a delete is gone for good', () => {
    const c = new ContactCollection(10);
    c.deliver([person(1), person(2)]);
    assert.equal(c.added(person(9)), true);
    assert.equal(c.createdHere, 1);
    assert.deepEqual(
      c.contacts.map((x) => x.id),
      [9, 1, 2],
    );
    c.updated(person(1, { email: 'new@example.com' }));
    assert.equal(c.byEmail('new@example.com')?.id, 1);
    assert.equal(c.byEmail('p1@example.com'), undefined, 'the old address no longer answers');
    assert.equal(c.removed(2), true);
    c.deliver([person(2)]);
    assert.equal(c.get(2), undefined, 'a later page does not bring a deleted contact back');
    assert.equal(c.isGone(2), true);
  });

  it('a page answered late keeps the newer version held by id', () => {
    const c = new ContactCollection(10);
    const fetched = person(1, { title: 'New', updatedAt: '2026-03-01T00:00:00Z' });
    c.remember(fetched);
    c.deliver([person(1)]);
    assert.equal(c.contacts[0], fetched);
  });
});
