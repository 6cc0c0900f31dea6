import type { Contact } from '../api/types';
import { toContactJson } from '../format/contactJson';
import { CSV_HEAD, csvRecord } from '../format/csv';
import { toVCard } from '../format/vcard';

/** The files Export Contacts writes. */
export type ExportFormat = 'csv' | 'vcard' | 'json';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'vcard', 'json'];

/** File name extension per format. */
export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { csv: 'csv', vcard: 'vcf', json: 'json' };

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Contacts per chunk of `exportChunks`: small enough to keep the extension host responsive between them. */
export const EXPORT_CHUNK = 2_000;

/** One contact as an element of the pretty-printed JSON array (indented as `JSON.stringify(all, undefined, 2)` would). */
function jsonElement(contact: Contact): string {
  return `  ${JSON.stringify(toContactJson(contact), undefined, 2).replace(/\n/g, '\n  ')}`;
}

/**
 * The file for these contacts in pieces of `EXPORT_CHUNK` contacts, so that a caller can encode each,
 * yield to other work and notice Cancel between them: CSV (RFC 4180, UTF-8 BOM, formula cells defused),
 * one `.vcf` of vCards 4.0, or a JSON array of the documented fields. Every value has passed the one
 * sanitizer. Joined, the pieces are the whole file.
 */
export function* exportChunks(contacts: readonly Contact[], format: ExportFormat): Generator<string> {
  if (format === 'csv') {
    yield CSV_HEAD;
  } else if (format === 'json') {
    yield contacts.length === 0 ? '[]\n' : '[\n';
  }
  for (let at = 0; at < contacts.length; at += EXPORT_CHUNK) {
    const chunk = contacts.slice(at, at + EXPORT_CHUNK);
    switch (format) {
      case 'csv':
        yield chunk.map((c) => `${csvRecord(c)}\r\n`).join('');
        break;
      case 'vcard':
        yield chunk.map(toVCard).join('');
        break;
      case 'json':
        yield chunk.map(jsonElement).join(',\n') + (at + EXPORT_CHUNK < contacts.length ? ',\n' : '\n]\n');
        break;
    }
  }
}

/** `linq-contacts-YYYY-MM-DD.<ext>`, the date in local time. */
export function defaultExportName(format: ExportFormat, date: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `linq-contacts-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${EXPORT_EXTENSIONS[format]}`;
}
