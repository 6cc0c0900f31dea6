import * as assert from 'node:assert/strict';
import { parseSelection } from '../../src/format/selectionParse';

/** The table of the feature's description: what a selection must fill in. */
const TABLE: ReadonlyArray<{
  text: string;
  first: string;
  last: string;
  title: string;
  company: string;
  email: string;
  phone: string;
}> = [
  {
    text: 'Alan Turing <alan@bletchley.example>',
    first: 'Alan',
    last: 'Turing',
    title: '',
    company: '',
    email: 'alan@bletchley.example',
    phone: '',
  },
  {
    text: '"Hopper, Grace" <grace@navy.example>',
    first: 'Grace',
    last: 'Hopper',
    title: '',
    company: '',
    email: 'grace@navy.example',
    phone: '',
  },
  {
    text: 'Grace Hopper\nRear Admiral, US Navy\ngrace@navy.example\n+1 (555) 010-2030',
    first: 'Grace',
    last: 'Hopper',
    title: 'Rear Admiral',
    company: 'US Navy',
    email: 'grace@navy.example',
    phone: '+15550102030',
  },
  {
    text: 'Jan van der Berg\nAcme BV | Head of Sales\nT: +31 20 123 4567\nE: jan@acme.example',
    first: 'Jan',
    last: 'van der Berg',
    title: 'Head of Sales',
    company: 'Acme BV',
    email: 'jan@acme.example',
    phone: '+31201234567',
  },
  {
    text: 'Doe, John\njohn.doe@x.example',
    first: 'John',
    last: 'Doe',
    title: '',
    company: '',
    email: 'john.doe@x.example',
    phone: '',
  },
  {
    text: '-- \nAda Lovelace\nAnalyst at Analytical Engines\nmobile 555.123.4567',
    first: 'Ada',
    last: 'Lovelace',
    title: 'Analyst',
    company: 'Analytical Engines',
    email: '',
    phone: '+15551234567',
  },
];

describe('parseSelection (New Contact from Selection)', () => {
  for (const row of TABLE) {
    it(`reads ${JSON.stringify(row.text.split('\n')[0])}${row.text.includes('\n') ? ' (a block)' : ''}`, () => {
      const d = parseSelection(row.text);
      assert.deepEqual(
        {
          first: d.firstName,
          last: d.lastName,
          title: d.title,
          company: d.company,
          email: d.email,
          phone: d.phoneNumber,
        },
        {
          first: row.first,
          last: row.last,
          title: row.title,
          company: row.company,
          email: row.email,
          phone: row.phone,
        },
      );
    });
  }

  it('reads a CRLF block the same as an LF one', () => {
    assert.deepEqual(
      parseSelection('Grace Hopper\r\nRear Admiral, US Navy\r\ngrace@navy.example'),
      parseSelection('Grace Hopper\nRear Admiral, US Navy\ngrace@navy.example'),
    );
  });

  it('reads a bare address as an email only, and a vCard as its first card', () => {
    assert.equal(parseSelection('  linus@kernel.example ').email, 'linus@kernel.example');
    assert.equal(parseSelection('  linus@kernel.example ').firstName, '');
    const card = parseSelection(
      'BEGIN:VCARD\nVERSION:3.0\nN:Lamarr;Hedy;;;\nEMAIL:hedy@x.example\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nN:Other;Person;;;\nEND:VCARD',
    );
    assert.equal(card.firstName, 'Hedy');
    assert.equal(card.email, 'hedy@x.example');
  });

  it('a quoted display name may hold escaped quotes', () => {
    const d = parseSelection('"Dennis \\"dmr\\" Ritchie" <dmr@bell.example>');
    assert.equal(d.firstName, 'Dennis "dmr"');
    assert.equal(d.lastName, 'Ritchie');
  });
});
