import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * The ASCII digit for any decimal digit (Arabic-Indic, Devanagari, full-width…). Unicode keeps each
 * script's digits 0–9 in one run of code points; runs may abut, so the value is the offset mod 10.
 */
function asciiDigit(ch: string): string {
  if (ch >= '0' && ch <= '9') {
    return ch;
  }
  let start = ch.codePointAt(0) ?? 0;
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) {
    start--;
  }
  return String(((ch.codePointAt(0) ?? 0) - start) % 10);
}

/** Any decimal digit of any script as ASCII; other characters as they are. */
export function normaliseDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, asciiDigit);
}

/** "ext", "ext.", "extension", "x" or "#" then digits, at the end: a phone extension. */
const EXTENSION = /^(.*?)(?:\s*(?:ext(?:ension)?\.?|x|#)\s*(\d+))\s*$/i;

/**
 * A `tel:` URI (RFC 3966) for a phone number as people write it, or `undefined` when it has fewer than
 * 3 digits. Digits of other scripts become ASCII; a leading `+` stays; an extension becomes `;ext=`,
 * never digits glued onto the number.
 */
export function telHref(phone: string): string | undefined {
  const text = normaliseDigits(phone);
  const match = EXTENSION.exec(text);
  const main = match ? (match[1] ?? '') : text;
  const digits = main.replace(/\D/g, '');
  if (digits.length < 3) {
    return undefined;
  }
  const plus = /^\s*\+/.test(main) ? '+' : '';
  const ext = match?.[2] ? `;ext=${match[2]}` : '';
  return `tel:${plus}${digits}${ext}`;
}

/**
 * A phone number in E.164 (`+15551234567`) for comparing two numbers (store lookups, import duplicates):
 * `libphonenumber-js`, US when no country code is written (every number in Linq's docs is +1). A number it
 * cannot read is compared by its digits. Linq's own `find` stays the authority.
 */
export function normalizePhone(phone: string): string {
  const text = normaliseDigits(phone).trim();
  if (/^\+\d{8,15}$/.test(text)) {
    // Already E.164, as Linq stores numbers: no parse needed (a store of 100,000 indexes fast).
    return text;
  }
  const parsed = parsePhoneNumberFromString(text, 'US');
  return parsed?.isPossible() ? parsed.number : text.replace(/\D/g, '');
}

/** A phone number as people write it: a leading `+`, or spaces, dashes, dots or brackets, and 7+ digits. */
export function looksLikePhone(text: string): boolean {
  const value = normaliseDigits(text).trim();
  return /^\+?[\d\s().-]+$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 7 && /^\+|[\s().-]/.test(value);
}
