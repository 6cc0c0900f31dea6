import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Contact } from '../../src/api/types';
import { displayName } from '../../src/format/contactText';
import { oneLine } from '../../src/format/sanitize';
import { toVCard } from '../../src/format/vcard';

import { FORBIDDEN, nastyText } from '../support/nastyText';

/** RFC 6350: unfold (CRLF + one space or tab), split into content lines. */
function unfold(card: string): string[] {
  return card
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
}

/** RFC 6350 §3.4 text unescaping. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

describe('text that leaves the extension', () => {
  it('oneLine removes controls and bidi overrides; a pasted email cannot run a second command', () => {
    assert.equal(oneLine('ada@example.com\nrm -rf ~'), 'ada@example.com rm -rf ~');
    assert.equal(oneLine('ada@example.com\r\u001b[2J'), 'ada@example.com [2J');
    assert.equal(oneLine('\u202egnp.exe\u202c'), 'gnp.exe');
    assert.equal(oneLine('+1 555\u2028 0100\u0085'), '+1 555 0100');
    assert.equal(oneLine('  Ada Lovelace  '), 'Ada Lovelace');
  });

  it('property: oneLine never leaves a forbidden character or a line break, and keeps ordinary text', () => {
    fc.assert(
      fc.property(nastyText, (s) => {
        const out = oneLine(s);
        assert.doesNotMatch(out, FORBIDDEN);
        assert.equal(oneLine(out), out, 'idempotent');
      }),
      { numRuns: 3_000 },
    );
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9@.+ -]*$/), (s) => oneLine(s) === s.trim()));
  });

  const contactArb = fc.record(
    {
      id: fc.integer({ min: 1, max: 1_000_000 }),
      fullName: nastyText,
      firstName: nastyText,
      lastName: nastyText,
      company: nastyText,
      title: nastyText,
      email: nastyText,
      phoneNumber: nastyText,
      location: nastyText,
      imageUrl: fc.oneof(fc.webUrl(), nastyText),
    },
    { requiredKeys: ['id'] },
  );

  it('property: unfolding and unescaping the vCard gives back the (cleaned) input; no input adds a property line', () => {
    fc.assert(
      fc.property(contactArb, (contact: Contact) => {
        const card = toVCard(contact);
        assert.ok(card.endsWith('\r\n'));
        for (const physical of card.split('\r\n')) {
          assert.ok(Buffer.byteLength(physical) <= 75, 'folded at 75 octets');
          assert.doesNotMatch(physical, FORBIDDEN);
        }
        const lines = unfold(card);
        const names = lines.map((l) => /^[A-Z]+/.exec(l)?.[0]);
        const expected = ['BEGIN', 'VERSION', 'FN', 'N'];
        const present = (v: string | undefined): boolean => v !== undefined && oneLine(v) !== '';
        if (present(contact.company)) {
          expected.push('ORG');
        }
        if (present(contact.title)) {
          expected.push('TITLE');
        }
        if (present(contact.email)) {
          expected.push('EMAIL');
        }
        if (present(contact.phoneNumber)) {
          expected.push('TEL');
        }
        if (present(contact.location)) {
          expected.push('ADR');
        }
        if (lines.some((l) => l.startsWith('PHOTO:'))) {
          expected.push('PHOTO');
        }
        expected.push('UID', 'END');
        assert.deepEqual(names, expected);
        const value = (prefix: string): string =>
          unescapeText((lines.find((l) => l.startsWith(prefix)) ?? '').slice(prefix.length));
        assert.equal(value('FN:'), oneLine(displayName(contact)));
        if (present(contact.title)) {
          assert.equal(value('TITLE:'), oneLine(contact.title ?? ''));
        }
        if (present(contact.email)) {
          assert.equal(value('EMAIL;TYPE=work:'), oneLine(contact.email ?? ''));
        }
      }),
      { numRuns: 1_500 },
    );
  });
});
