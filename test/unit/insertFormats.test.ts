import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Contact } from '../../src/api/types';
import { parseContact } from '../../src/api/validate';
import { toContactJson } from '../../src/format/contactJson';
import { formatContact, INSERT_FORMATS } from '../../src/format/insertFormats';
import { demoContact, HOSTILE_VARIANTS } from '../server/contactFactory';

const ada: Contact = {
  id: 7,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phoneNumber: '+44 20 7946 0000',
  company: 'Analytical Engines',
  title: 'Countess',
};

/** Text a spreadsheet reads as a formula, and text full of controls, quotes and separators. */
const cellText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('a', ' ', '"', ',', '\n', '\r', '\t', '=', '+', '-', '@', "'", '\u0000', '\u202e', '🦄', 'é'),
  }),
);

describe('insert formats', () => {
  it('writes each format of a contact', () => {
    assert.equal(formatContact(ada, 'name'), 'Ada Lovelace');
    assert.equal(formatContact(ada, 'nameAndEmail'), 'Ada Lovelace <ada@example.com>');
    assert.equal(formatContact(ada, 'email'), 'ada@example.com');
    assert.equal(formatContact(ada, 'phone'), '+44 20 7946 0000');
    assert.equal(formatContact(ada, 'markdownLink'), '[Ada Lovelace](mailto:ada@example.com)');
    assert.match(formatContact(ada, 'vcard') ?? '', /^BEGIN:VCARD\r\nVERSION:4\.0\r\nFN:Ada Lovelace\r\n/);
    assert.deepEqual(JSON.parse(formatContact(ada, 'json') ?? ''), toContactJson(ada));
  });

  it('gives the name without an email, and nothing for a value the contact lacks', () => {
    const nobody: Contact = { id: 3, fullName: 'No Mail' };
    assert.equal(formatContact(nobody, 'nameAndEmail'), 'No Mail');
    assert.equal(formatContact(nobody, 'markdownLink'), 'No Mail');
    assert.equal(formatContact(nobody, 'email'), undefined);
    assert.equal(formatContact(nobody, 'phone'), undefined);
  });

  it('keeps a Markdown link a link whatever the name and address hold', () => {
    const tricky: Contact = { id: 1, fullName: 'A] (x) [b\\', email: 'a(b)@c.d' };
    assert.equal(formatContact(tricky, 'markdownLink'), '[A\\] \\(x\\) \\[b\\\\](mailto:a%28b%29@c.d)');
  });

  it('puts every value through the one sanitizer: no control character, line break or bidi override in one-line formats', () => {
    fc.assert(
      fc.property(cellText, cellText, (name, email) => {
        const contact: Contact = { id: 1, fullName: name, email };
        for (const format of ['name', 'nameAndEmail', 'email', 'markdownLink'] as const) {
          const text = formatContact(contact, format);
          if (text !== undefined) {
            // eslint-disable-next-line no-control-regex -- finding control characters is the point
            assert.doesNotMatch(text, /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
          }
        }
      }),
    );
  });

  it('writes JSON with every documented field under the API name, null where absent', () => {
    const json = toContactJson(parseContact(HOSTILE_VARIANTS.nulls(demoContact(0))));
    assert.deepEqual(Object.keys(json), [
      'id',
      'first_name',
      'last_name',
      'full_name',
      'email',
      'phone_number',
      'company',
      'title',
      'location',
      'image_url',
      'created_at',
      'updated_at',
      'contact_owner',
    ]);
    assert.equal(json.full_name, null);
    assert.equal(json.contact_owner, null);
    assert.equal(INSERT_FORMATS.length, 7);
  });
});
