import type { Contact } from '../../src/api/types';
import { exportChunks, type ExportFormat } from '../../src/export/exportFormats';
import { CSV_HEAD, csvRecord } from '../../src/format/csv';

/** A reference CSV written record by record in one go (the export builds it in pieces). */
export function toCsv(contacts: Iterable<Contact>): string {
  let text = CSV_HEAD;
  for (const contact of contacts) {
    text += `${csvRecord(contact)}\r\n`;
  }
  return text;
}

/** The whole export file at once (the extension writes it in pieces). */
export function exportText(contacts: readonly Contact[], format: ExportFormat): string {
  return [...exportChunks(contacts, format)].join('');
}
