import type { Contact } from '../api/types';
import { toContactJson } from '../format/contactJson';
import { toCsv } from '../format/csv';
import { toVCard } from '../format/vcard';

/** The files Export Contacts writes. */
export type ExportFormat = 'csv' | 'vcard' | 'json';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'vcard', 'json'];

/** File name extension per format. */
export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { csv: 'csv', vcard: 'vcf', json: 'json' };

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * The whole file for these contacts: CSV (RFC 4180, UTF-8 BOM, formula cells defused), one `.vcf` of
 * vCards 4.0, or a JSON array of the documented fields. Every value has passed the one sanitizer.
 */
export function exportText(contacts: readonly Contact[], format: ExportFormat): string {
  switch (format) {
    case 'csv':
      return toCsv(contacts);
    case 'vcard':
      return contacts.map(toVCard).join('');
    case 'json':
      return `${JSON.stringify(contacts.map(toContactJson), undefined, 2)}\n`;
  }
}

/** `linq-contacts-YYYY-MM-DD.<ext>`, the date in local time. */
export function defaultExportName(format: ExportFormat, date: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `linq-contacts-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${EXPORT_EXTENSIONS[format]}`;
}
