import fc from 'fast-check';

/** Characters a pasted value must never carry: controls, line/paragraph separators, bidi overrides. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Any text, weighted towards the characters that matter here. */
export const nastyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom(
      'a',
      ' ',
      '\n',
      '\r',
      '\t',
      '\u0000',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u009b',
      '\u2028',
      '\u2029',
      '\u202e',
      '\u2066',
      ',',
      ';',
      '\\',
      ':',
      '🦄',
      'é',
    ),
  }),
);
