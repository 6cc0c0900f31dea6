import * as assert from 'node:assert/strict';
import type { Contact } from '../../src/api/types';
import { matchesQuery } from '../support/matchesQuery';
import { contactContextValue, displayName } from '../../src/format/contactText';

const ada: Contact = {
  id: 7,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  company: 'Analytical; Engines, Ltd',
  title: 'Countess',
};

describe('contact text', () => {
  it('names a contact by full name, then first + last, then email, then id', () => {
    assert.equal(displayName({ ...ada, fullName: 'Ada L.' }), 'Ada L.');
    assert.equal(displayName(ada), 'Ada Lovelace');
    assert.equal(displayName({ id: 3, email: 'x@y.z' }), 'x@y.z');
    assert.equal(displayName({ id: 3 }), 'Contact #3');
  });

  it('says in contextValue whether a contact has an email and a phone', () => {
    assert.equal(contactContextValue(ada), 'contact email');
    assert.equal(contactContextValue({ id: 1, phoneNumber: '+1' }), 'contact phone');
    assert.equal(contactContextValue({ id: 1 }), 'contact');
    assert.equal(contactContextValue(ada, true), 'contact email pinned');
    assert.equal(contactContextValue({ id: 1 }, false), 'contact unpinned');
  });

  it('matches every word of a query across name, email, company and title, ignoring case and accents', () => {
    assert.ok(matchesQuery(ada, 'ada engines'));
    assert.ok(matchesQuery({ id: 1, fullName: 'Émile Zola' }, 'emile'));
    assert.ok(!matchesQuery(ada, 'babbage'));
  });
});
