import * as assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import type { Contact } from '../../src/api/types';
import { parseContact } from '../../src/api/validate';
import { ContactStore, type PageSource } from '../../src/contacts/contactStore';
import { defaultExportName, EXPORT_CHUNK, exportChunks } from '../../src/export/exportFormats';
import { exportText, toCsv } from '../support/exportText';
import { toVCard } from '../../src/format/vcard';
import { toContactJson } from '../../src/format/contactJson';
import { CSV_COLUMNS, csvCell, UTF8_BOM } from '../../src/format/csv';
import { formatContact, INSERT_FORMATS } from '../../src/format/insertFormats';
import { oneLine } from '../../src/format/sanitize';
import { demoContact, HOSTILE_VARIANTS, makeContact } from '../server/contactFactory';

const ada: Contact = { id: 7, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phoneNumber: '+44 20 7946 0000', company: 'Analytical Engines', title: 'Countess' };

/** Text a spreadsheet reads as a formula, and text full of controls, quotes and separators. */
const cellText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('a', ' ', '"', ',', '\n', '\r', '\t', '=', '+', '-', '@', "'", '\u0000', '\u202e', '🦄', 'é') }),
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
    assert.deepEqual(Object.keys(json), ['id', 'first_name', 'last_name', 'full_name', 'email', 'phone_number', 'company', 'title', 'location', 'image_url', 'created_at', 'updated_at', 'contact_owner']);
    assert.equal(json.full_name, null);
    assert.equal(json.contact_owner, null);
    assert.equal(INSERT_FORMATS.length, 7);
  });
});

describe('CSV export', () => {
  it('prefixes cells a spreadsheet would run as a formula with a quote', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil")'), `"'=HYPERLINK(""http://evil"")"`);
    for (const start of ['+1 555', '-2', '@SUM(A1)', '\tx', '\rx']) {
      assert.ok(csvCell(start).replace(/^"/, '').startsWith(`'${start[0] ?? ''}`), start);
    }
    assert.equal(csvCell('Ada'), 'Ada');
  });

  it('reads back with a real CSV parser: the same contacts and values, BOM first, CRLF line ends', () => {
    const contacts = Array.from({ length: 60 }, (_, i) => parseContact(makeContact(i, true)));
    const text = toCsv(contacts);
    assert.ok(text.startsWith(UTF8_BOM));
    assert.ok(text.endsWith('\r\n'));
    const rows: string[][] = parse(text, { bom: true });
    assert.deepEqual(rows[0], CSV_COLUMNS);
    assert.equal(rows.length, contacts.length + 1);
    contacts.forEach((contact, i) => {
      const row = rows[i + 1] ?? [];
      const json = toContactJson(contact);
      assert.equal(row[0], String(contact.id));
      assert.equal(row[3], json.full_name === null ? '' : /^[=+\-@]/.test(json.full_name) ? `'${json.full_name}` : json.full_name);
      assert.equal(row[5], json.phone_number === null ? '' : `'${json.phone_number}`, 'phone numbers start with + and are defused');
      assert.equal(row[12], json.contact_owner?.name ?? '');
      assert.equal(row[13], json.contact_owner?.email ?? '');
    });
  });

  it('round-trips any text: one record per contact, each cell the sanitized value (with the formula quote)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cellText, cellText), { maxLength: 8 }), (pairs) => {
        const contacts = pairs.map(([name, company], i): Contact => ({ id: i + 1, fullName: name, company }));
        const rows: string[][] = parse(toCsv(contacts), { bom: true });
        assert.equal(rows.length, contacts.length + 1);
        contacts.forEach((c, i) => {
          const expect = (v: string | undefined): string => {
            const clean = oneLine(v ?? '');
            return /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
          };
          assert.equal(rows[i + 1]?.[3], expect(c.fullName));
          assert.equal(rows[i + 1]?.[6], expect(c.company));
        });
      }),
    );
  });

  it('names the file linq-contacts-YYYY-MM-DD with the format extension, in local time', () => {
    const date = new Date(2026, 0, 5, 23, 59);
    assert.equal(defaultExportName('csv', date), 'linq-contacts-2026-01-05.csv');
    assert.equal(defaultExportName('vcard', date), 'linq-contacts-2026-01-05.vcf');
    assert.equal(defaultExportName('json', date), 'linq-contacts-2026-01-05.json');
  });

  it('builds the file in pieces that join to exactly the whole, across piece boundaries and when empty', () => {
    const contacts = Array.from({ length: EXPORT_CHUNK * 2 + 17 }, (_, i) => parseContact(makeContact(i, true)));
    for (const list of [contacts, contacts.slice(0, 1), []]) {
      assert.equal([...exportChunks(list, 'json')].join(''), `${JSON.stringify(list.map(toContactJson), undefined, 2)}\n`);
      assert.equal([...exportChunks(list, 'csv')].join(''), toCsv(list));
      assert.equal([...exportChunks(list, 'vcard')].join(''), list.map(toVCard).join(''));
    }
    assert.equal([...exportChunks(contacts, 'csv')].length, 4, 'the head, then one piece per 2,000 contacts');
  });

  it('writes one vCard per contact and a JSON array of them', () => {
    const contacts = Array.from({ length: 12 }, (_, i) => parseContact(makeContact(i, true)));
    assert.equal(exportText(contacts, 'vcard').match(/^BEGIN:VCARD\r$/gm)?.length, 12);
    assert.deepEqual(JSON.parse(exportText(contacts, 'json')), contacts.map(toContactJson));
  });
});

describe('the store by email address', () => {
  const source: PageSource = {
    listContacts: (page, perPage) => {
      const contacts = Array.from({ length: page <= 3 ? perPage : 0 }, (_, i) => parseContact(demoContact((page - 1) * perPage + i)));
      return Promise.resolve({ contacts, pagination: { currentPage: page, perPage, totalPages: 3, totalCount: 3 * perPage, estimated: false } });
    },
  };

  it('finds a held contact by address ignoring case, including pages that arrive after the first lookup', async () => {
    const store = new ContactStore(source, { perPage: 10, concurrency: 1 });
    await store.ensure(10, 'user');
    const first = parseContact(demoContact(3));
    assert.equal(store.byEmail(String(first.email).toUpperCase())?.id, 4);
    const later = parseContact(demoContact(25));
    assert.equal(store.byEmail(String(later.email)), undefined);
    await store.walk();
    assert.equal(store.byEmail(String(later.email))?.id, 26);
    assert.equal(store.byEmail('nobody@example.com'), undefined);
  });

  it('follows a contact remembered with a new address, and forgets the old one', async () => {
    const store = new ContactStore(source, { perPage: 10, concurrency: 1 });
    await store.ensure(10, 'user');
    const old = parseContact(demoContact(0));
    assert.equal(store.byEmail(String(old.email))?.id, 1);
    store.remember({ ...old, email: 'moved@example.com' });
    assert.equal(store.byEmail(String(old.email)), undefined);
    assert.equal(store.byEmail('moved@example.com')?.id, 1);
  });
});
