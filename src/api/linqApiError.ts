/**
 * What went wrong, in terms a user can act on. The UI chooses its words and actions from the kind.
 * - `auth`: the token was refused (401/403) or is missing.
 * - `notFound`: 404 for one contact.
 * - `rateLimited`: 429 after retries; `retryAfterMs` when the server said.
 * - `server`: 5xx, an unexpected status or a redirect (never followed: it would carry the token).
 * - `offline`: the network failed or the request timed out.
 * - `badData`: the body was not the documented shape (HTML from a proxy, truncated JSON…).
 * - `invalid`: Linq refused what was sent (400/422); `problems` holds its own words (`errors[]`).
 * - `config`: the base URL is refused before any request (not https, or http to a non-loopback host), or a
 *   write was asked for in read-only mode.
 * - `cancelled`: the caller aborted.
 */
export type LinqErrorKind =
  'auth' | 'notFound' | 'rateLimited' | 'server' | 'offline' | 'badData' | 'invalid' | 'config' | 'cancelled';

/** The one error type the API client throws. Its message never contains the token. */
export class LinqApiError extends Error {
  override readonly name = 'LinqApiError';

  constructor(
    readonly kind: LinqErrorKind,
    message: string,
    readonly details: {
      readonly status?: number;
      readonly retryAfterMs?: number;
      readonly cause?: unknown;
      /** `auth` only: the client refused to send the token (a control or non-ASCII character), Linq never saw it. */
      readonly unsendableToken?: boolean;
      /** `invalid` only: Linq's `message` and `errors[]`, as text (each bounded), for the form. */
      readonly problems?: readonly string[];
      /** `config` only: refused because `linqContacts.readOnly` is on. */
      readonly readOnly?: boolean;
    } = {},
  ) {
    super(message);
  }

  /** The caller aborted: nothing to tell the user. */
  static cancelled(cause?: unknown): LinqApiError {
    return new LinqApiError('cancelled', 'The request was cancelled.', cause === undefined ? {} : { cause });
  }

  get status(): number | undefined {
    return this.details.status;
  }
}

/** Any thrown value as a `LinqApiError` (unknown failures count as "offline": the request did not complete). */
export function asLinqError(error: unknown): LinqApiError {
  if (error instanceof LinqApiError) {
    return error;
  }
  return new LinqApiError('offline', 'The request failed.', { cause: error });
}
