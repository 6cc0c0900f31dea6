import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { oneLine } from '../../src/format/sanitize';
import { toVCard } from '../../src/format/vcard';
import { parseVCards } from '../../src/format/vcardParse';

const APPLE_30 = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'PRODID:-//Apple Inc.//macOS 14.0//EN',
  'N:Johnson;Katherine;Coleman;;',
  'FN:Katherine Coleman Johnson',
  'ORG:NASA;Flight Research Division;',
  'TITLE:Mathematician',
  'item1.EMAIL;type=INTERNET;type=HOME:kj@home.example',
  'EMAIL;type=INTERNET;type=WORK;type=pref:kj@nasa.example',
  'TEL;type=CELL;type=VOICE;type=pref:(757) 555-0100',
  'TEL;type=WORK;type=VOICE:+1 757 555 0199',
  'ADR;type=WORK;type=pref:;;1 Langley Blvd;Hampton;VA;23681;USA',
  'END:VCARD',
].join('\r\n');

const GOOGLE_30 = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Radia Perlman',
  'N:Perlman;Radia;;;',
  'EMAIL;TYPE=INTERNET;TYPE=WORK:radia@dec.example',
  'TEL;TYPE=CELL:+1 555 222 3333',
  'ORG:Digital Equipment',
  'TITLE:Network Engineer',
  'NOTE:A long note that is folded over\r\n  two lines',
  'END:VCARD',
].join('\r\n');

const OUTLOOK_21 = [
  'BEGIN:VCARD',
  'VERSION:2.1',
  'N;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:M=C3=BCller;J=C3=BCrgen',
  'FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:J=C3=BCrgen M=C3=BCller',
  'ORG:Stra=C3=9Fe GmbH;Vertrieb',
  'TITLE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Gesch=C3=A4ftsf=C3=BChrer und Leiter der sehr langen Abteil=',
  'ung',
  'TEL;WORK;VOICE:+49 30 1234567',
  'EMAIL;PREF;INTERNET:juergen@strasse.example',
  'END:VCARD',
].join('\r\n');

const VCARD_40_FN_ONLY = [
  'BEGIN:VCARD',
  'VERSION:4.0',
  'FN:Barbara Liskov',
  'N:;;;;',
  'EMAIL;PREF=1:liskov@mit.example',
  'TEL;VALUE=uri;TYPE="voice,cell":tel:+1-555-444-5555',
  'END:VCARD',
].join('\n');

const FN_IS_EMAIL = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:someone@x.example', 'EMAIL:someone@x.example', 'END:VCARD'].join(
  '\n',
);

describe('parseVCards (import and selection)', () => {
  it('reads an Apple Contacts 3.0 card: N over FN, ORG without departments, the preferred email and phone, ADR', () => {
    const [d] = parseVCards(APPLE_30);
    assert.deepEqual(
      { ...d },
      {
        firstName: 'Katherine Coleman',
        lastName: 'Johnson',
        email: 'kj@nasa.example',
        phoneNumber: '(757) 555-0100',
        company: 'NASA',
        title: 'Mathematician',
        location: '1 Langley Blvd, Hampton, VA, USA',
        ownerEmail: '',
      },
    );
  });

  it('reads a Google Contacts 3.0 card with a folded line', () => {
    const [d] = parseVCards(GOOGLE_30);
    assert.equal(d?.firstName, 'Radia');
    assert.equal(d?.lastName, 'Perlman');
    assert.equal(d?.company, 'Digital Equipment');
    assert.equal(d?.title, 'Network Engineer');
    assert.equal(d?.phoneNumber, '+1 555 222 3333');
  });

  it('reads an Outlook 2.1 card: quoted-printable UTF-8, soft line breaks, bare types, PREF', () => {
    const [d] = parseVCards(OUTLOOK_21);
    assert.equal(d?.lastName, 'Müller');
    assert.equal(d?.firstName, 'Jürgen');
    assert.equal(d?.company, 'Stra=C3=9Fe GmbH', 'ORG without an encoding is taken as written');
    assert.equal(d?.title, 'Geschäftsführer und Leiter der sehr langen Abteilung');
    assert.equal(d?.email, 'juergen@strasse.example');
    assert.equal(d?.phoneNumber, '+49 30 1234567');
  });

  it('reads 4.0: FN gives the name when N is empty; a tel: URI loses its scheme', () => {
    const [d] = parseVCards(VCARD_40_FN_ONLY);
    assert.equal(d?.firstName, 'Barbara');
    assert.equal(d?.lastName, 'Liskov');
    assert.equal(d?.phoneNumber, '+1-555-444-5555');
    assert.equal(d?.email, 'liskov@mit.example');
  });

  it('an FN that is the email address gives no name', () => {
    const [d] = parseVCards(FN_IS_EMAIL);
    assert.equal(d?.firstName, '');
    assert.equal(d?.lastName, '');
    assert.equal(d?.email, 'someone@x.example');
  });

  it('reads every card of a file', () => {
    assert.equal(parseVCards(`${APPLE_30}\r\n${GOOGLE_30}\r\n${OUTLOOK_21}`).length, 3);
  });

  it('any vCard this extension exports imports back to the same fields (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    const contact = fc.record({
      firstName: text.filter((s) => oneLine(s).trim() !== ''),
      lastName: fc.option(text, { nil: undefined }),
      email: fc.option(fc.emailAddress(), { nil: undefined }),
      phoneNumber: fc.option(fc.stringMatching(/^\+[1-9]\d{7,12}$/), { nil: undefined }),
      company: fc.option(text, { nil: undefined }),
      title: fc.option(text, { nil: undefined }),
      location: fc.option(text, { nil: undefined }),
    });
    fc.assert(
      fc.property(contact, (c) => {
        const [d] = parseVCards(toVCard({ id: 1, ...c }));
        const expect = (v: string | undefined): string => oneLine(v ?? '').trim();
        assert.ok(d);
        assert.equal(d.firstName, expect(c.firstName));
        assert.equal(d.lastName, expect(c.lastName));
        assert.equal(d.email, expect(c.email));
        assert.equal(d.phoneNumber, expect(c.phoneNumber));
        assert.equal(d.company, expect(c.company));
        assert.equal(d.title, expect(c.title));
        assert.equal(d.location, expect(c.location));
      }),
      { numRuns: 300 },
    );
  });
});
