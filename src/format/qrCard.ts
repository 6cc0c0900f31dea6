import { encode } from 'uqr';
import type { Contact } from '../api/types';
import { displayName } from './contactText';
import { escapeVCardText } from './vcard';

/** The largest QR code offered: version 25 (117 modules a side) still scans from a screen with a phone. */
export const QR_MAX_VERSION = 25;

/**
 * The card a QR code holds: a vCard 3.0 with what phone cameras read best, the name (N, FN), company, title, email and
 * phone only; not Copy as vCard's 4.0 card (no photo, no UID). Lines end with CRLF and are not folded (a scanner
 * reads the code whole).
 */
export function qrVCard(contact: Contact): string {
  const e = escapeVCardText;
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:${e(contact.lastName ?? '')};${e(contact.firstName ?? '')};;;`,
    `FN:${e(displayName(contact))}`,
  ];
  const optional: ReadonlyArray<readonly [string, string | undefined]> = [
    ['ORG', contact.company],
    ['TITLE', contact.title],
    ['EMAIL;TYPE=INTERNET', contact.email],
    ['TEL;TYPE=CELL', contact.phoneNumber],
  ];
  for (const [name, value] of optional) {
    const text = value === undefined ? '' : e(value);
    if (text !== '') {
      lines.push(`${name}:${text}`);
    }
  }
  lines.push('END:VCARD');
  return lines.join('\r\n');
}

/** A QR code as rows of `1` (dark) and `0` (light), without the quiet zone (whoever draws it adds 4 modules). */
export interface QrMatrix {
  readonly size: number;
  readonly rows: readonly string[];
}

/**
 * The QR code of `text` (UTF-8, error correction M, at most version 25), or `undefined` when it is too long for one.
 */
export function qrMatrix(text: string): QrMatrix | undefined {
  let data: boolean[][];
  try {
    data = encode(text, { ecc: 'M', border: 0, maxVersion: QR_MAX_VERSION }).data;
  } catch {
    return undefined;
  }
  return { size: data.length, rows: data.map((row) => row.map((dark) => (dark ? '1' : '0')).join('')) };
}
