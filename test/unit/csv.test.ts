import * as assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, CSV_HEAD, csvCell, csvRecord, UTF8_BOM } from '../../src/format/csv';

describe('csv: RFC 4180 cells, formulas kept as text', () => {
  it('quotes what needs quoting and doubles quotes', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
  });

  it('a cell a spreadsheet would run gets a quote mark in front', () => {
    for (const formula of ['=HYPERLINK("x")', '+1 555', '-2', '@SUM(A1)', '\tx', '\rx']) {
      assert.ok(csvCell(formula).replace(/^"/, '').startsWith("'"), JSON.stringify(formula));
    }
  });

  it('a record has a cell per column, read back by a real parser', () => {
    const record = csvRecord({ id: 9, firstName: 'Ada, Countess', owner: { name: 'Jane', email: 'j@x.example' } });
    assert.ok(CSV_HEAD.startsWith(UTF8_BOM));
    const rows: string[][] = parse(`${CSV_HEAD.slice(1)}${record}\r\n`);
    const [head, row] = rows;
    assert.deepEqual(head, [...CSV_COLUMNS]);
    assert.equal(row?.length, CSV_COLUMNS.length);
    assert.equal(row?.[CSV_COLUMNS.indexOf('first_name')], 'Ada, Countess');
    assert.equal(row?.[CSV_COLUMNS.indexOf('owner_email')], 'j@x.example');
  });
});
