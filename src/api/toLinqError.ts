import { HTTPError, TimeoutError } from 'ky';
import { BodyTooLargeError } from './boundedBody';
import { LinqApiError } from './linqApiError';
import { parseRetryAfter } from './retryAfter';
import type { tokenProblem } from './token';

/** A 2xx body that was not JSON (cut short by a proxy, HTML…): retried like a 502. */
export class BadJsonError extends Error {
  override readonly name = 'BadJsonError';
}

/**
 * A plain copy of an error's name and message (and its causes'), for the log. ky's errors carry the
 * request, whose headers hold the token: they are never kept as a cause.
 */
function safeCause(error: unknown, redact: (text: string) => string, depth = 0): Error | undefined {
  if (!(error instanceof Error) || depth > 3) {
    return undefined;
  }
  const inner = safeCause(error.cause, redact, depth + 1);
  const copy = new Error(redact(error.message), inner ? { cause: inner } : undefined);
  copy.name = redact(error.name);
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

/** Maps whatever ky or fetch threw into one error kind with a message fit for a user (the client's one place). */
export function toLinqError(
  thrown: unknown,
  context: {
    readonly path: string;
    readonly aboutOneContact: boolean;
    readonly signal: AbortSignal | undefined;
    readonly budget: AbortSignal;
    readonly budgetMs: number;
    readonly redact: (text: string) => string;
    readonly problems: WeakMap<Response, string[]>;
  },
): LinqApiError {
  if (thrown instanceof LinqApiError) {
    return thrown;
  }
  const { signal, budget, budgetMs } = context;
  // ky's messages name the whole URL, and `find`'s holds an email or a phone number: keep the path only.
  const error = safeCause(thrown, (text) => context.redact(text).replace(/(\/[^\s?#]*)\?[^\s#]+/g, '$1?…'));
  if (signal?.aborted) {
    return LinqApiError.cancelled(error);
  }
  if (budget.aborted) {
    return new LinqApiError(
      'offline',
      `The Linq API did not answer within ${Math.round(budgetMs / 1000)} s, retries included.`,
      { cause: error },
    );
  }
  if (thrown instanceof HTTPError) {
    const status = thrown.response.status;
    if (status === 401 || status === 403) {
      return new LinqApiError('auth', `The Linq API refused the token (HTTP ${status}).`, { status });
    }
    if (status === 404 && context.aboutOneContact) {
      return new LinqApiError('notFound', 'Contact not found.', { status });
    }
    if (status === 400 || status === 422) {
      const problems = context.problems.get(thrown.response) ?? [];
      return new LinqApiError(
        'invalid',
        `The Linq API refused the request to /${context.path.split('/')[0] ?? ''} (HTTP ${status}).`,
        { status, problems },
      );
    }
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(thrown.response.headers.get('Retry-After'));
      return new LinqApiError('rateLimited', 'The Linq API is limiting requests (HTTP 429).', { status, retryAfterMs });
    }
    if (status >= 300 && status < 400) {
      return new LinqApiError(
        'server',
        `The Linq API answered with a redirect (HTTP ${status}), which is not followed.`,
        { status },
      );
    }
    return new LinqApiError('server', `The Linq API answered with an error (HTTP ${status}).`, { status });
  }
  if (thrown instanceof BodyTooLargeError) {
    return new LinqApiError(
      'badData',
      `The server's reply was larger than ${Math.round(thrown.limitBytes / 1024 / 1024)} MB, more than any page of contacts.`,
      { cause: error },
    );
  }
  if (thrown instanceof BadJsonError) {
    return new LinqApiError('badData', "The server's reply was not valid JSON.", { cause: error });
  }
  if (thrown instanceof TimeoutError) {
    return new LinqApiError('offline', 'The Linq API did not answer in time.', { cause: error });
  }
  if (thrown instanceof Error && thrown.name === 'AbortError') {
    return LinqApiError.cancelled(error);
  }
  return new LinqApiError('offline', 'Could not reach the Linq API. Check your connection and the API base URL.', {
    cause: error,
  });
}

/** The message for a token that cannot be sent; it never repeats the token. */
export function tokenError(problem: NonNullable<ReturnType<typeof tokenProblem>>): LinqApiError {
  const why = {
    empty: 'No API token is set.',
    control: 'The API token contains a control character (such as a line break); set it again.',
    notAscii: 'The API token contains characters that cannot be sent in a header; set it again.',
  };
  return new LinqApiError('auth', why[problem], { unsendableToken: problem !== 'empty' });
}

/** A `Retry-After` longer than what is left of a call's time: the call fails at once, saying when to try again. */
export function rateLimited(retryAfterMs: number): LinqApiError {
  return new LinqApiError(
    'rateLimited',
    `The Linq API asked to wait ${Math.ceil(retryAfterMs / 1000)} s, longer than a request may take.`,
    { status: 429, retryAfterMs },
  );
}
