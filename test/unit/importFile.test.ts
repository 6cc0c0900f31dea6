import * as assert from 'node:assert/strict';
import { parseContact } from '../../src/api/validate';
import { toCsv } from '../support/exportText';
import { toContactJson } from '../../src/format/contactJson';
import { identityKeys, readImportFile, sortImport } from '../../src/format/importFile';
import { toDraft } from '../../src/format/contactDraft';

describe('readImportFile and sortImport (Import Contacts)', () => {
  const exported = [
    parseContact({
      id: 1,
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@x.example',
      phone_number: '+15551230001',
      company: '=Engines',
      title: '-Analyst',
      contact_owner: { email: 'o@x.example', name: 'O' },
    }),
    parseContact({ id: 2, full_name: 'Grace Hopper', email: 'grace@x.example' }),
  ];

  it("reads the export's own CSV back: every field, the formula guard taken off, the owner columns listed as not read", () => {
    const read = readImportFile('contacts.csv', toCsv(exported));
    assert.equal(read.drafts.length, 2);
    assert.deepEqual(
      { ...read.drafts[0] },
      {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@x.example',
        phoneNumber: '+15551230001',
        company: '=Engines',
        title: '-Analyst',
        location: '',
        ownerEmail: '',
      },
    );
    assert.equal(read.drafts[1]?.firstName, 'Grace', 'full_name is split when first and last are empty');
    assert.equal(read.drafts[1]?.lastName, 'Hopper');
    for (const column of ['id', 'owner_name', 'owner_email', 'created_at']) {
      assert.ok(read.ignored.includes(column), `${column} is listed as not read`);
    }
  });

  it('maps other headers by name (Outlook/Google style) and lists the rest', () => {
    const csv =
      'First Name,Surname,E-mail Address,Mobile Phone,Organization,Job Title,Birthday\r\nKen,Thompson,ken@bell.example,555-010-2000,Bell Labs,Researcher,1943-02-04\r\n';
    const read = readImportFile('outlook.CSV', csv);
    assert.deepEqual(
      { ...read.drafts[0] },
      {
        firstName: 'Ken',
        lastName: 'Thompson',
        email: 'ken@bell.example',
        phoneNumber: '555-010-2000',
        company: 'Bell Labs',
        title: 'Researcher',
        location: '',
        ownerEmail: '',
      },
    );
    assert.deepEqual(read.ignored, ['Birthday']);
  });

  it("reads the export's JSON", () => {
    const read = readImportFile('contacts.json', JSON.stringify(exported.map(toContactJson)));
    assert.equal(read.drafts[0]?.email, 'ada@x.example');
    assert.equal(read.drafts[1]?.firstName, 'Grace');
  });

  it('refuses other kinds of file, and JSON that is not a list of contacts', () => {
    assert.throws(() => readImportFile('contacts.txt', 'x'), /\.vcf, \.csv and \.json/);
    assert.throws(() => readImportFile('contacts.json', '{"a":1}'), /not a list/);
  });

  it("sorts rows: the file's duplicates (email ignoring case, phone as E.164) count once, the first wins; refusals with their reason", () => {
    const rows = [
      toDraft({ firstName: 'First', email: 'same@x.example' }),
      toDraft({ firstName: 'Second', email: 'SAME@x.example' }),
      toDraft({ firstName: 'Phone', phoneNumber: '(555) 123-4567' }),
      toDraft({ firstName: 'Phone again', phoneNumber: '+1 555 123 4567' }),
      toDraft({ company: 'Nobody' }),
      toDraft({ firstName: 'Bad', email: 'no at sign' }),
      toDraft({ firstName: 'x'.repeat(256) }),
      toDraft({ lastName: 'Name only' }),
    ];
    const sorted = sortImport(rows);
    assert.deepEqual(
      sorted.candidates.map((d) => d.firstName || d.lastName),
      ['First', 'Phone', 'Name only'],
    );
    assert.equal(sorted.repeated, 2);
    assert.deepEqual(
      sorted.refused.map((r) => r.why),
      ['needOne', 'email', 'tooLong'],
    );
    assert.deepEqual(identityKeys(toDraft({ email: ' A@B.example ', phoneNumber: '555.123.4567' })), [
      'e:a@b.example',
      'p:+15551234567',
    ]);
  });
});
