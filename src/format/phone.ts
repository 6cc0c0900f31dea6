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
