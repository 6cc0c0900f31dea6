/** Line breaks and tabs of every kind (C0, NEL, LINE and PARAGRAPH SEPARATOR), with the spaces around them: one space. */
const BREAKS = / *[\t\n\v\f\r\u0085\u2028\u2029][ \t\n\v\f\r\u0085\u2028\u2029]*/g;
/** Every other C0/C1 control, DEL, and the bidi embeddings, overrides and isolates that reorder text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Anything `BREAKS` or `HIDDEN` would change. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ANY_SPECIAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * Contact text made safe to leave the extension (clipboard, vCard, and every later export): one line,
 * no control characters, no bidi overrides. A pasted value then cannot run a second command in a
 * terminal, nor show one thing and be another. Format escaping (vCard, CSV, JSON) comes after.
 */
export function oneLine(text: string): string {
  // Most text holds none of them: one scan, then nothing to rebuild (an export runs this 140,000 times).
  if (!ANY_SPECIAL.test(text)) {
    return text.trim();
  }
  return text.replace(HIDDEN, '').replace(BREAKS, ' ').trim();
}
