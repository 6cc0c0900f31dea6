import * as assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import type { Contact } from '../../src/api/types';
import { parseContact } from '../../src/api/validate';
import { defaultExportName, EXPORT_CHUNK, exportChunks } from '../../src/export/exportFormats';
import { exportText, toCsv } from '../support/exportText';
import { toVCard } from '../../src/format/vcard';
import { toContactJson } from '../../src/format/contactJson';
import { CSV_COLUMNS, csvCell, UTF8_BOM } from '../../src/format/csv';
import { oneLine } from '../../src/format/sanitize';
import { makeContact } from '../server/contactFactory';

/** Text a spreadsheet reads as a formula, and text full of controls, quotes and separators. */
const cellText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('a', ' ', '"', ',', '\n', '\r', '\t', '=', '+', '-', '@', "'", '\u0000', '\u202e', '🦄', 'é'),
  }),
);

describe('CSV export', () => {
  it('prefixes cells a spreadsheet would run as a formula with a quote', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil")'), `"'=HYPERLINK(""http://evil"")"`);
    for (const start of ['+1 555', '-2', '@SUM(A1)', '\tx', '\rx']) {
      assert.ok(
        csvCell(start)
          .replace(/^"/, '')
          .startsWith(`'${start[0] ?? ''}`),
        start,
      );
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
      assert.equal(
        row[3],
        json.full_name === null ? '' : /^[=+\-@]/.test(json.full_name) ? `'${json.full_name}` : json.full_name,
      );
      assert.equal(
        row[5],
        json.phone_number === null ? '' : `'${json.phone_number}`,
        'phone numbers start with + and are defused',
      );
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
      assert.equal(
        [...exportChunks(list, 'json')].join(''),
        `${JSON.stringify(list.map(toContactJson), undefined, 2)}\n`,
      );
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
