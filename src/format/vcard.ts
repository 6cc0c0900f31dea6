import type { Contact } from '../api/types';
import { displayName } from './contactText';

/** Escapes a vCard text value per RFC 6350 §3.4: backslash, comma, semicolon and newlines. */
export function escapeVCardText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 6350 §3.2), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** A vCard 4.0 of the contact, with CRLF line ends; only fields that have a value. */
export function toVCard(contact: Contact): string {
  const e = escapeVCardText;
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${e(displayName(contact))}`];
  lines.push(`N:${e(contact.lastName ?? '')};${e(contact.firstName ?? '')};;;`);
  if (contact.company) {
    lines.push(`ORG:${e(contact.company)}`);
  }
  if (contact.title) {
    lines.push(`TITLE:${e(contact.title)}`);
  }
  if (contact.email) {
    lines.push(`EMAIL;TYPE=work:${e(contact.email)}`);
  }
  if (contact.phoneNumber) {
    lines.push(`TEL;VALUE=text;TYPE=work:${e(contact.phoneNumber)}`);
  }
  if (contact.location) {
    lines.push(`ADR;TYPE=work:;;${e(contact.location)};;;;`);
  }
  if (contact.imageUrl?.startsWith('https://')) {
    lines.push(`PHOTO:${contact.imageUrl.replace(/[\r\n]/g, '')}`);
  }
  lines.push(`UID:urn:linq:contact:${contact.id}`, 'END:VCARD');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
