import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import { parseBaseUrl } from './baseUrl';
import { LinqApiError } from './linqApiError';
import { RateGate } from './rateGate';
import { parseRetryAfter } from './retryAfter';
import type { Contact, ContactPage } from './types';
import { parseContactPage, parseContactReply } from './validate';

/** The API's own bounds for `per_page`. */
export const MIN_PER_PAGE = 1;
export const MAX_PER_PAGE = 100;

/** Options for one client; a new configuration (URL, token) means a new client. */
export interface LinqClientOptions {
  /** `https:` URL, or `http:` to a loopback host; anything else throws a `config` error at once. */
  readonly baseUrl: string;
  /** Sent as `X-LINQ-INTEGRATION-TOKEN`; never logged, never part of an error message. */
  readonly token: string;
  /** Per attempt, in ms (default 15,000). A request that hangs longer is retried, then `offline`. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt (default 4) for 429, 5xx, network errors, time-outs and broken JSON. */
  readonly retryLimit?: number;
  /** Cap on one back-off or `Retry-After` wait, in ms (default 30,000), so a retry never waits for hours. */
  readonly maxRetryDelayMs?: number;
  /** First back-off in ms, doubled each retry (default 300). */
  readonly retryBaseDelayMs?: number;
  /** A `fetch` to use instead of the global one (tests only). */
  readonly fetch?: typeof fetch;
}

/** Options for one call. */
export interface RequestOptions {
  /** Aborts the request and any retry wait; the call then rejects with a `cancelled` error. */
  readonly signal?: AbortSignal;
}

const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];

/** Clamps a page size into what the API accepts (1–100). */
export function clampPerPage(perPage: number): number {
  if (!Number.isFinite(perPage)) {
    return MAX_PER_PAGE;
  }
  return Math.min(MAX_PER_PAGE, Math.max(MIN_PER_PAGE, Math.trunc(perPage)));
}

/**
 * The one place that talks to Linq's partner API v2. Validates every reply at run time and turns
 * every failure into a `LinqApiError` of a kind the UI can act on.
 */
export class LinqClient {
  /** Shared by all requests of this client: a 429 anywhere pauses them all. */
  readonly gate = new RateGate();
  private readonly http: KyInstance;
  /** Bodies already parsed (and checked to be JSON) by the response hook, to parse each once. */
  private readonly parsed = new WeakMap<Response, unknown>();

  constructor(options: LinqClientOptions) {
    const base = parseBaseUrl(options.baseUrl);
    if (options.token.trim() === '') {
      throw new LinqApiError('auth', 'No API token is set.');
    }
    const maxDelay = options.maxRetryDelayMs ?? 30_000;
    const baseDelay = options.retryBaseDelayMs ?? 300;
    this.http = ky.create({
      prefixUrl: base.href,
      headers: { 'X-LINQ-INTEGRATION-TOKEN': options.token, Accept: 'application/json' },
      // A redirect to another host would carry the token there: never follow one.
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      timeout: options.timeoutMs ?? 15_000,
      fetch: options.fetch,
      retry: {
        limit: options.retryLimit ?? 4,
        methods: ['get'],
        statusCodes: RETRY_STATUS_CODES,
        afterStatusCodes: [429, 503],
        maxRetryAfter: maxDelay,
        backoffLimit: maxDelay,
        retryOnTimeout: true,
        delay: (attempt) => baseDelay * 2 ** (attempt - 1),
        jitter: (delay) => delay * (0.8 + Math.random() * 0.4),
      },
      hooks: {
        beforeRequest: [
          async (request) => {
            await this.gate.wait(request.signal);
          },
        ],
        afterResponse: [
          async (_request, _options, response) => {
            if (response.status === 429) {
              this.gate.pauseFor(Math.min(maxDelay, parseRetryAfter(response.headers.get('Retry-After')) ?? baseDelay));
              return undefined;
            }
            if (!response.ok) {
              return undefined;
            }
            // A body cut short (a proxy hiccup) is worth another try, like a 502.
            const body = await response.clone().text();
            try {
              this.parsed.set(response, JSON.parse(body));
            } catch (error) {
              return ky.retry({ code: 'BAD_JSON', cause: error instanceof Error ? error : undefined });
            }
            return undefined;
          },
        ],
      },
    });
  }

  /** `GET /contacts?page=&per_page=`; `perPage` is clamped to 1–100, `page` to at least 1. */
  async listContacts(page: number, perPage: number, options: RequestOptions = {}): Promise<ContactPage> {
    const safePage = Math.max(1, Math.trunc(page));
    const safePerPage = clampPerPage(perPage);
    const body = await this.getJson('contacts', { page: safePage, per_page: safePerPage }, options, false);
    return parseContactPage(body, safePage, safePerPage);
  }

  /** `GET /contacts/{id}`; a 404 is a `notFound` error. */
  async getContact(id: number, options: RequestOptions = {}): Promise<Contact> {
    if (!Number.isSafeInteger(id) || id <= 0) {
      throw new LinqApiError('notFound', `Contact ${String(id)} is not a valid id.`);
    }
    const body = await this.getJson(`contacts/${id}`, undefined, options, true);
    return parseContactReply(body);
  }

  private async getJson(
    path: string,
    searchParams: Record<string, number> | undefined,
    options: RequestOptions,
    single: boolean,
  ): Promise<unknown> {
    try {
      const response = await this.http.get(path, { searchParams, signal: options.signal });
      if (this.parsed.has(response)) {
        return this.parsed.get(response);
      }
      return JSON.parse(await response.text()) as unknown;
    } catch (error) {
      throw await toLinqError(error, single, options.signal);
    }
  }
}

/** Maps whatever ky or fetch threw into one error kind with a message fit for a user. */
async function toLinqError(error: unknown, single: boolean, signal: AbortSignal | undefined): Promise<LinqApiError> {
  if (error instanceof LinqApiError) {
    return error;
  }
  if (signal?.aborted) {
    return new LinqApiError('cancelled', 'The request was cancelled.', { cause: error });
  }
  if (error instanceof HTTPError) {
    const status = error.response.status;
    void error.response.body?.cancel().catch(() => undefined);
    if (status === 401 || status === 403) {
      return new LinqApiError('auth', `The Linq API refused the token (HTTP ${status}).`, { status });
    }
    if (status === 404 && single) {
      return new LinqApiError('notFound', 'Contact not found.', { status });
    }
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(error.response.headers.get('Retry-After'));
      return new LinqApiError('rateLimited', 'The Linq API is limiting requests (HTTP 429).', { status, retryAfterMs });
    }
    if (status >= 300 && status < 400) {
      return new LinqApiError('server', `The Linq API answered with a redirect (HTTP ${status}), which is not followed.`, { status });
    }
    return new LinqApiError('server', `The Linq API answered with an error (HTTP ${status}).`, { status });
  }
  if (error instanceof TimeoutError) {
    return new LinqApiError('offline', 'The Linq API did not answer in time.', { cause: error });
  }
  if (error instanceof Error && (error.name === 'ForceRetryError' || error.cause instanceof SyntaxError || error instanceof SyntaxError)) {
    return new LinqApiError('badData', "The server's reply was not valid JSON.", { cause: error });
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return new LinqApiError('cancelled', 'The request was cancelled.', { cause: error });
  }
  return new LinqApiError('offline', 'Could not reach the Linq API. Check your connection and the API base URL.', { cause: error });
}
