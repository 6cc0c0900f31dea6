import ky, { type KyInstance } from 'ky';
import { parseBaseUrl } from './baseUrl';
import { readBoundedBody } from './boundedBody';
import {
  ATTEMPT_TIMEOUT_MS,
  CALL_BUDGET_MS,
  clampPerPage,
  MAX_BODY_BYTES,
  MAX_RETRY_DELAY_MS,
  RETRY_BASE_DELAY_MS,
  RETRY_LIMIT,
} from './limits';
import { LinqApiError } from './linqApiError';
import { retryPolicy } from './retryPolicy';
import { BadJsonError, rateLimited, tokenError, toLinqError } from './toLinqError';
import { AdaptiveLimit } from './adaptiveLimit';
import { RateGate } from './rateGate';
import { parseRetryAfter } from './retryAfter';
import { tokenProblem } from './token';
import { CONTACT_FIELD_WIRE, type Contact, type ContactFields, type ContactPage, type FindQuery } from './types';
import { errorProblems, parseContactPage, parseContactReply, parseFindReply } from './validate';

/** Options for one client; a new configuration (URL, token) means a new client. */
export interface LinqClientOptions {
  /** `https:` URL, or `http:` to a loopback host; anything else throws a `config` error at once. */
  readonly baseUrl: string;
  /**
   * Sent as `X-LINQ-INTEGRATION-TOKEN`; never logged, never part of an error message. Blank, or holding a
   * control or non-ASCII character after trimming: an `auth` error at once, before any header is built.
   */
  readonly token: string;
  /** Per attempt, headers and whole body, in ms (default 15,000). Longer is retried, then `offline`. */
  readonly timeoutMs?: number;
  /** One call, retries and waits included, gives up after this long (default 60,000 ms). */
  readonly budgetMs?: number;
  /** Retries after the first attempt (default 4) for 408, 429, 5xx, network errors, time-outs and broken JSON. */
  readonly retryLimit?: number;
  /** Cap on one back-off wait, in ms (default 30,000). A `Retry-After` is honoured up to what is left of the budget. */
  readonly maxRetryDelayMs?: number;
  /** First back-off in ms, doubled each retry (default 300). */
  readonly retryBaseDelayMs?: number;
  /** Largest body read, in bytes (default 5 MiB); a larger one is `badData` and the rest is not read. */
  readonly maxBodyBytes?: number;
  /** A `fetch` to use instead of the global one (tests only). */
  readonly fetch?: typeof fetch;
  /**
   * Asked before every request that is not a `GET`: when it answers true the request is refused with a
   * `config` error and nothing is sent (`linqContacts.readOnly`, read live).
   */
  readonly readOnly?: () => boolean;
}

/** What one request sends, and how its 404 reads. */
interface CallOptions extends RequestOptions {
  readonly searchParams?: Record<string, string | number>;
  readonly json?: unknown;
  /** A 404 means "that contact does not exist" (`notFound`), not a server fault. */
  readonly aboutOneContact?: boolean;
}

type Method = 'get' | 'post' | 'patch' | 'delete';

/** Error bodies read at most this far (Linq's 422 is a few hundred bytes). */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** Options for one call. */
export interface RequestOptions {
  /** Aborts the request and any retry wait; the call then rejects with a `cancelled` error. */
  readonly signal?: AbortSignal;
}

/**
 * The one place that talks to Linq's partner API v2. ky makes each request and retries statuses,
 * network failures and time-outs; the body is read once, inside the attempt (so the attempt's time-out
 * covers it), within a size cap, and parsed once. Every reply is validated and every failure becomes a
 * `LinqApiError` of a kind the UI can act on.
 */
export class LinqClient {
  /** Shared by all requests of this client: a 429 anywhere pauses them all. */
  readonly gate = new RateGate();
  /** List pages that may be in flight, adapted to how this server answers (a 429 or 503 anywhere halves it). */
  readonly walkLimit = new AdaptiveLimit();
  /** The API host (and port) requests go to, for the log. */
  readonly host: string;
  private readonly http: KyInstance;
  private readonly budgetMs: number;
  /** Removes the token from text that goes into a cause (a second net: no message is built with it). */
  private readonly redact: (text: string) => string;
  /** Each 2xx body, parsed, keyed by the bodiless response handed to ky. */
  private readonly parsed = new WeakMap<Response, unknown>();
  /** Linq's words from a 400/404/422 body, keyed likewise. */
  private readonly problems = new WeakMap<Response, string[]>();
  private readonly readOnly: () => boolean;

  constructor(options: LinqClientOptions) {
    const base = parseBaseUrl(options.baseUrl);
    this.host = base.host;
    const problem = tokenProblem(options.token);
    if (problem !== undefined) {
      throw tokenError(problem);
    }
    const token = options.token.trim();
    this.readOnly = options.readOnly ?? (() => false);
    this.redact = (text) => text.split(token).join('[token]');
    this.budgetMs = options.budgetMs ?? CALL_BUDGET_MS;
    const maxDelay = options.maxRetryDelayMs ?? MAX_RETRY_DELAY_MS;
    const baseDelay = options.retryBaseDelayMs ?? RETRY_BASE_DELAY_MS;
    const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
    const innerFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.http = ky.create({
      prefixUrl: base.href,
      headers: { 'X-LINQ-INTEGRATION-TOKEN': token, Accept: 'application/json' },
      // A redirect to another host would carry the token there: never follow one.
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      timeout: options.timeoutMs ?? ATTEMPT_TIMEOUT_MS,
      fetch: (input, init) => this.fetchAndRead(innerFetch, input, init, maxBody),
      retry: retryPolicy({ limit: options.retryLimit ?? RETRY_LIMIT, baseDelayMs: baseDelay, maxDelayMs: maxDelay }),
      hooks: {
        beforeRequest: [(request, o) => this.waitForGate(request, o.context)],
        afterResponse: [(_r, o, response) => this.noteRateLimit(response, o.context, baseDelay)],
      },
    });
  }

  /**
   * Before every attempt: waits until the rate gate opens (a 429 anywhere, or a `Retry-After`, paused it), or
   * fails at once as `rateLimited` when that wait would outlast the call.
   */
  private async waitForGate(request: Request, context: Record<string, unknown>): Promise<void> {
    const left = deadlineOf(context) - Date.now();
    if (this.gate.remainingMs > left) {
      throw rateLimited(this.gate.remainingMs);
    }
    await this.gate.wait(request.signal);
  }

  /**
   * After every 429 or 503: a valid `Retry-After` (RFC 9110: whole seconds or an HTTP date) pauses every
   * request of this client for that long, so the next attempt waits the longer of it and the back-off; one
   * longer than what is left of the call fails it now. A 429 without one pauses for the first back-off.
   * Other rate-limit headers (`RateLimit-Reset`, `X-RateLimit-*`) are not Linq's: never read.
   */
  private noteRateLimit(response: Response, context: Record<string, unknown>, baseDelay: number): undefined {
    // The response here is a bodiless copy made by `fetchAndRead`: nothing is read twice.
    if (response.status !== 429 && response.status !== 503) {
      return undefined;
    }
    const after = parseRetryAfter(response.headers.get('Retry-After'));
    if (after !== undefined && after > deadlineOf(context) - Date.now()) {
      // Waiting would outlast the call: fail now and say when to try again.
      throw rateLimited(after);
    }
    this.walkLimit.limited();
    if (after !== undefined || response.status === 429) {
      this.gate.pauseFor(Math.min(this.budgetMs, after ?? baseDelay));
    }
    return undefined;
  }

  /** `GET /contacts?page=&per_page=`; `perPage` is clamped to 1–100, `page` to at least 1. */
  async listContacts(page: number, perPage: number, options: RequestOptions = {}): Promise<ContactPage> {
    const safePage = Math.max(1, Math.trunc(page));
    const safePerPage = clampPerPage(perPage);
    const started = performance.now();
    const body = await this.call('get', 'contacts', {
      ...options,
      searchParams: { page: safePage, per_page: safePerPage },
    });
    const reply = parseContactPage(body, safePage, safePerPage);
    this.walkLimit.answered(performance.now() - started);
    return reply;
  }

  /** `GET /contacts/{id}`; a 404 is a `notFound` error, a reply about another contact `badData`. */
  async getContact(id: number, options: RequestOptions = {}): Promise<Contact> {
    assertId(id);
    const body = await this.call('get', `contacts/${id}`, { ...options, aboutOneContact: true });
    return parseContactReply(body, id);
  }

  /**
   * `GET /contacts/find?email=&phone_number=`: the contact Linq matches (either value may match), or
   * `undefined`. The values travel in the query string: no message or log line built here carries them.
   */
  async findContact(query: FindQuery, options: RequestOptions = {}): Promise<Contact | undefined> {
    const searchParams: Record<string, string> = {};
    if (query.email !== undefined && query.email !== '') {
      searchParams.email = query.email;
    }
    if (query.phone !== undefined && query.phone !== '') {
      searchParams.phone_number = query.phone;
    }
    if (Object.keys(searchParams).length === 0) {
      throw new LinqApiError('invalid', 'Find needs an email address or a phone number.', { problems: [] });
    }
    return parseFindReply(await this.call('get', 'contacts/find', { ...options, searchParams }), query);
  }

  /**
   * `POST /contacts` (201 `{ data }`). Sent once, never retried here: a caller whose create failed
   * ambiguously (time-out, reset, 5xx) must find out whether Linq made it before sending again.
   * `ownerEmail` names the owner (`user_email`); without it Linq picks its default.
   */
  async createContact(fields: ContactFields, ownerEmail?: string, options: RequestOptions = {}): Promise<Contact> {
    const body = await this.call('post', 'contacts', { ...options, json: writeBody(fields, ownerEmail) });
    return parseContactReply(body);
  }

  /** `PATCH /contacts/{id}` with only `fields` (an empty string clears one); a 404 is `notFound`. */
  async updateContact(
    id: number,
    fields: ContactFields,
    ownerEmail?: string,
    options: RequestOptions = {},
  ): Promise<Contact> {
    assertId(id);
    const body = await this.call('patch', `contacts/${id}`, {
      ...options,
      aboutOneContact: true,
      json: writeBody(fields, ownerEmail),
    });
    return parseContactReply(body, id);
  }

  /** `DELETE /contacts/{id}` (204); a 404 (already gone) is `notFound`. */
  async deleteContact(id: number, options: RequestOptions = {}): Promise<void> {
    assertId(id);
    await this.call('delete', `contacts/${id}`, { ...options, aboutOneContact: true });
  }

  /**
   * One attempt: the request, then for a 2xx its whole body, bounded in size and (through ky's time-out
   * around this function) in time, parsed once. ky gets a bodiless response with the same status and
   * headers; error bodies are never read.
   */
  private async fetchAndRead(
    innerFetch: typeof fetch,
    input: RequestInfo | URL,
    init: RequestInit | undefined,
    maxBody: number,
  ): Promise<Response> {
    const response = await innerFetch(input, init);
    const bare = (): Response =>
      new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
    if (response.status === 400 || response.status === 404 || response.status === 422) {
      // Linq's own words on what it refused; small, bounded, and never required.
      const result = bare();
      const words = await readBoundedBody(response, MAX_ERROR_BODY_BYTES).then(
        (bytes) => errorProblems(JSON.parse(new TextDecoder().decode(bytes))),
        () => [],
      );
      this.problems.set(result, words);
      return result;
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      return bare();
    }
    if (response.status === 204) {
      const result = bare();
      this.parsed.set(result, null);
      return result;
    }
    const bytes = await readBoundedBody(response, maxBody);
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
    } catch (error) {
      throw new BadJsonError("The server's reply was not valid JSON.", { cause: error });
    }
    const result = bare();
    this.parsed.set(result, value);
    return result;
  }

  private async call(method: Method, path: string, options: CallOptions): Promise<unknown> {
    if (method !== 'get' && this.readOnly()) {
      throw new LinqApiError(
        'config',
        'Linq Contacts is read-only (linqContacts.readOnly): nothing is written to Linq.',
        { readOnly: true },
      );
    }
    const budget = AbortSignal.timeout(this.budgetMs);
    const signal = options.signal ? AbortSignal.any([options.signal, budget]) : budget;
    try {
      const response = await this.http(path, {
        method,
        searchParams: options.searchParams,
        json: options.json,
        signal,
        context: { deadline: Date.now() + this.budgetMs },
      });
      if (!this.parsed.has(response)) {
        throw new LinqApiError('badData', "The server's reply could not be read.");
      }
      return this.parsed.get(response);
    } catch (error) {
      throw toLinqError(error, {
        path,
        aboutOneContact: options.aboutOneContact === true,
        signal: options.signal,
        budget,
        budgetMs: this.budgetMs,
        redact: this.redact,
        problems: this.problems,
      });
    }
  }
}

function assertId(id: number): void {
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new LinqApiError('notFound', `Contact ${String(id)} is not a valid id.`);
  }
}

/** `{ contact: { snake_case fields }, user_email? }`, with only the fields given. */
function writeBody(fields: ContactFields, ownerEmail: string | undefined): Record<string, unknown> {
  const contact: Record<string, string> = {};
  for (const [key, wire] of Object.entries(CONTACT_FIELD_WIRE) as Array<[keyof ContactFields, string]>) {
    const value = fields[key];
    if (value !== undefined) {
      contact[wire] = value;
    }
  }
  return ownerEmail !== undefined && ownerEmail !== '' ? { contact, user_email: ownerEmail } : { contact };
}

function deadlineOf(context: Record<string, unknown>): number {
  return typeof context.deadline === 'number' ? context.deadline : Number.POSITIVE_INFINITY;
}
