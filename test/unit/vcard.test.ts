import * as assert from 'node:assert/strict';
import type { Contact } from '../../src/api/types';
import { escapeVCardText, toVCard } from '../../src/format/vcard';

const ada: Contact = {
  id: 7,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  company: 'Analytical; Engines, Ltd',
  title: 'Countess',
};

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
