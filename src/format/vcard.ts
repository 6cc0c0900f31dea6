import type { Contact } from '../api/types';
import { isHttpsUrl } from './links';
import { displayName } from './contactText';
import { oneLine } from './sanitize';

/**
 * A vCard text value: control characters, line and paragraph separators and bidi overrides removed
 * (`oneLine`), then escaped per RFC 6350 §3.4 (backslash, comma, semicolon; no newline is left to escape).
 */
export function escapeVCardText(value: string): string {
  return oneLine(value).replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;');
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

/** A vCard 4.0 of the contact, with CRLF line ends; only fields that have a value once cleaned. */
export function toVCard(contact: Contact): string {
  const e = escapeVCardText;
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${e(displayName(contact))}`];
  lines.push(`N:${e(contact.lastName ?? '')};${e(contact.firstName ?? '')};;;`);
  const optional: ReadonlyArray<readonly [string | undefined, (value: string) => string]> = [
    [contact.company, (v) => `ORG:${v}`],
    [contact.title, (v) => `TITLE:${v}`],
    [contact.email, (v) => `EMAIL;TYPE=work:${v}`],
    [contact.phoneNumber, (v) => `TEL;VALUE=text;TYPE=work:${v}`],
    [contact.location, (v) => `ADR;TYPE=work:;;${v};;;;`],
  ];
  for (const [raw, line] of optional) {
    const value = raw === undefined ? '' : e(raw);
    if (value !== '') {
      lines.push(line(value));
    }
  }
  const photo =
    contact.imageUrl !== undefined && isHttpsUrl(contact.imageUrl) ? new URL(contact.imageUrl).href : undefined;
  if (photo !== undefined) {
    // A parsed URL's href is percent-encoded: no control character, space, comma or semicolon raw.
    lines.push(`PHOTO:${photo}`);
  }
  lines.push(`UID:urn:linq:contact:${contact.id}`, 'END:VCARD');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
