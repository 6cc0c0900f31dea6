import * as assert from 'node:assert/strict';
import type { Contact } from '../../src/api/types';
import { matchesQuery } from '../support/matchesQuery';
import { contactContextValue, displayName } from '../../src/format/contactText';
import { escapeVCardText, toVCard } from '../../src/format/vcard';

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
  });

  it('matches every word of a query across name, email, company and title, ignoring case and accents', () => {
    assert.ok(matchesQuery(ada, 'ada engines'));
    assert.ok(matchesQuery({ id: 1, fullName: 'Émile Zola' }, 'emile'));
    assert.ok(!matchesQuery(ada, 'babbage'));
  });
});

describe('vCard 4.0', () => {
  it('escapes text per RFC 6350 after making it one line without controls or bidi overrides', () => {
    assert.equal(escapeVCardText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d e');
    assert.equal(escapeVCardText('Ada\r\nEND:VCARD\u2028\u202eX'), 'Ada END:VCARD X');
  });

  it('writes only the fields that have a value, with CRLF line ends', () => {
    const card = toVCard(ada);
    assert.equal(
      card,
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Ada Lovelace',
        'N:Lovelace;Ada;;;',
        'ORG:Analytical\\; Engines\\, Ltd',
        'TITLE:Countess',
        'EMAIL;TYPE=work:ada@example.com',
        'UID:urn:linq:contact:7',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const card = toVCard({ id: 1, fullName: '🦄'.repeat(40) });
    for (const line of card.split('\r\n')) {
      assert.ok(Buffer.byteLength(line) <= 75, line);
    }
    assert.equal(
      card
        .split('\r\n')
        .filter((l) => l.startsWith('FN:') || l.startsWith(' '))
        .map((l, i) => (i === 0 ? l.slice(3) : l.slice(1)))
        .join(''),
      '🦄'.repeat(40),
    );
  });
});
