import * as assert from 'node:assert/strict';
import type { Contact } from '../../src/api/types';
import { matchesQuery } from '../support/matchesQuery';
import * as fc from 'fast-check';
import { contactContextValue, displayName, foldForSearch } from '../../src/format/contactText';

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

  it('folds for search: lower case without accents, the same whether or not the text is ASCII', () => {
    assert.equal(foldForSearch('Émile ÅSA Zoë ﬁne'), 'emile asa zoe fine');
    assert.equal(foldForSearch('Ada.LOVELACE@Example.com'), 'ada.lovelace@example.com');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        assert.equal(foldForSearch(text), text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());
      }),
      { numRuns: 500 },
    );
  });
});
