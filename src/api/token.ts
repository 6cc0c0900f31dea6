/** C0 and C1 control characters and DEL: never part of a header value. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** A header value is sent as bytes: only printable ASCII is safe in every HTTP stack. */
const PRINTABLE_ASCII = /^[\u0020-\u007e]+$/;

/** Why a token cannot be sent (after trimming surrounding whitespace), or `undefined` when it can. The token itself is never part of the reason. */
export function tokenProblem(token: string): 'empty' | 'control' | 'notAscii' | undefined {
  const trimmed = token.trim();
  if (trimmed === '') {
    return 'empty';
  }
  if (CONTROL.test(trimmed)) {
    return 'control';
  }
  return PRINTABLE_ASCII.test(trimmed) ? undefined : 'notAscii';
}
