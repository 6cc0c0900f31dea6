import type { Contact } from '../api/types';
import { CONTACT_FIELDS, toContactJson } from './contactJson';
import { ownerName } from './contactText';
import { oneLine } from './sanitize';

/** The CSV columns: every documented field, then the owner as name and email. */
export const CSV_COLUMNS: readonly string[] = [...CONTACT_FIELDS, 'owner_name', 'owner_email'];

/** Byte order mark: spreadsheets read the file as UTF-8 only with it. */
export const UTF8_BOM = '\uFEFF';

/** First characters a spreadsheet reads as the start of a formula (or that hide one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell per RFC 4180: quoted when it holds a quote, comma or line break (quotes doubled). A cell
 * that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage return first) gets a `'`
 * in front, so `=HYPERLINK(…)` in a contact's name stays text.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One contact as a CSV record (no line end), in the order of `CSV_COLUMNS`. */
export function csvRecord(contact: Contact): string {
  const json = toContactJson(contact);
  const values = [
    ...CONTACT_FIELDS.map((field) => json[field]),
    oneLine(ownerName(contact) ?? ''),
    json.contact_owner?.email ?? null,
  ];
  return values.map((v) => (v === null || v === '' ? '' : csvCell(String(v)))).join(',');
}

/** The start of the file: BOM and the header line. */
export const CSV_HEAD = `${UTF8_BOM}${CSV_COLUMNS.join(',')}\r\n`;
