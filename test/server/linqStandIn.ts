import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { makeContact, type WireContact } from './contactFactory';

/**
 * Switches for the stand-in. Fault counters count requests to `/contacts…` (1-based), so
 * `failEvery: 4` fails the 4th, 8th, 12th… request, whatever it asked for.
 */
export interface StandInOptions {
  /** Contacts in the organisation (ids 1…count). */
  count: number;
  /** The only token accepted (header `X-LINQ-INTEGRATION-TOKEN`). */
  token: string;
  /** Delay before every answer, in ms. */
  latencyMs: number;
  /** Markup, nulls, missing owners, `javascript:` images, RTL text, emoji, 300-character values. */
  hostile: boolean;
  /** Every Nth request: 500 with the documented error body. */
  failEvery: number;
  /** Every Nth request: 429 with `Retry-After` (seconds, or an HTTP date when `retryAfterDate`). */
  rateLimitEvery: number;
  retryAfterSeconds: number;
  retryAfterDate: boolean;
  /** Every Nth request: 502 with an HTML body, as a proxy sends. */
  html502Every: number;
  /** Every Nth request: 200 with JSON cut in half. */
  truncateEvery: number;
  /** Every Nth request: never answered (until the server closes). */
  hangEvery: number;
  /** Every Nth list request, a new contact is added at the front first, shifting later pages. */
  shiftEvery: number;
  /** Every answer is this status with a non-documented body (e.g. 403 HTML, 302 elsewhere). */
  forceStatus: number;
  /** Where a forced 3xx points (default a documentation address far away). */
  redirectTo: string;
  /** How list replies carry `pagination`: as documented, left out, or with numbers sent as strings. */
  pagination: 'documented' | 'missing' | 'strings';
  /** List pages hold this many times the rows asked for (fresh ids), and claim `total_pages` in the billions. */
  oversizeFactor: number;
  /** Totals claimed on every list page, whatever the organisation holds (0 = the real ones). */
  claimTotalPages: number;
  claimTotalCount: number;
  /** Every list page is full of fresh contacts, however far one pages (an endless organisation). */
  endless: boolean;
  /** `GET /contacts/{id}` answers with another contact (id + this). */
  wrongIdOffset: number;
  /** 200 with headers and the first bytes of the body, then nothing more. */
  stallBody: boolean;
  /** 200 with a body that never ends (chunks as fast as the socket takes them, up to 256 MB). */
  endlessBody: boolean;
  /** 200 with a `Content-Length` far over any page, and a body that never comes. */
  hugeContentLength: boolean;
  /** Every 429 carries `Retry-After` in seconds as this (overrides `retryAfterSeconds` when > 0) and applies to every request. */
  rateLimitAlways: number;
  /** List requests for these page numbers are answered 503 (until the switch changes). */
  failPages: readonly number[];
  /** When set, every 429 carries exactly this `Retry-After` (any text, valid or not) instead of the seconds. */
  retryAfterRaw: string | undefined;
  /** Headers added to every 429 (e.g. `RateLimit-Reset`, which Linq does not document). */
  rateLimitHeaders: Readonly<Record<string, string>>;
  /** More requests than this in flight at once are answered 429 with `Retry-After: 1` (0 = no limit). */
  maxInFlight: number;
  /** Writes (POST, PUT, PATCH, DELETE) are done, then answered only after this many ms (0 = at once). */
  lateWriteMs: number;
  /** Writes are done, then the connection is reset without an answer. */
  resetAfterWrite: boolean;
  /** The next N writes are refused with `writeFailStatus` (500 or 429 with `Retry-After`) and not done. */
  writeFailCount: number;
  writeFailStatus: number;
}

export const DEFAULT_OPTIONS: StandInOptions = {
  count: 237,
  token: 'test-token',
  latencyMs: 0,
  hostile: false,
  failEvery: 0,
  rateLimitEvery: 0,
  retryAfterSeconds: 1,
  retryAfterDate: false,
  html502Every: 0,
  truncateEvery: 0,
  hangEvery: 0,
  shiftEvery: 0,
  forceStatus: 0,
  redirectTo: 'http://198.51.100.7/steal',
  pagination: 'documented',
  oversizeFactor: 0,
  claimTotalPages: 0,
  claimTotalCount: 0,
  endless: false,
  wrongIdOffset: 0,
  stallBody: false,
  endlessBody: false,
  hugeContentLength: false,
  rateLimitAlways: 0,
  failPages: [],
  retryAfterRaw: undefined,
  rateLimitHeaders: {},
  maxInFlight: 0,
  lateWriteMs: 0,
  resetAfterWrite: false,
  writeFailCount: 0,
  writeFailStatus: 500,
};

/** Users of the stand-in's organisation: the only owners `user_email` may name. */
export const STAND_IN_USERS = [
  { id: 456, email: 'owner@company.example', first_name: 'Jane', last_name: 'Owner', name: 'Jane Owner' },
  { id: 457, email: 'sales@company.example', first_name: 'Sam', last_name: 'Seller', name: 'Sam Seller' },
] as const;

/** The fields a create or update may carry. */
const WRITABLE = ['first_name', 'last_name', 'email', 'phone_number', 'company', 'title', 'location'] as const;
const IDENTIFYING = ['first_name', 'last_name', 'email', 'phone_number'] as const;

/** E.164 as Linq's `find` compares phone numbers (US when no country code is written), or the digits. */
export function e164(phone: string): string {
  const parsed = parsePhoneNumberFromString(phone, 'US');
  return parsed?.isPossible() ? parsed.number : phone.replace(/\D/g, '');
}

function validationError(res: http.ServerResponse, message: string, errors: string[]): void {
  json(res, 422, { status: 'error', error_code: 'VALIDATION_ERROR', message, errors });
}

function notFound(res: http.ServerResponse): void {
  json(res, 404, {
    status: 'error',
    error_code: 'CONTACT_NOT_FOUND',
    message: 'Contact not found',
    errors: ['The requested contact does not exist or is not accessible to your organization'],
  });
}

/** One request as the stand-in saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly token: string | undefined;
  readonly status: number;
  /** When the request arrived (ms since the epoch). */
  readonly at: number;
  /** A write's JSON body as sent (`undefined` for reads and bodies that were not JSON). */
  readonly body?: unknown;
}

/** A request as it arrived, before any answer. */
export interface Arrival {
  readonly method: string;
  readonly path: string;
  readonly at: number;
}

/** A running stand-in. */
export interface StandIn {
  /** Base URL to configure, e.g. `http://127.0.0.1:PORT/api/partner/v2`. */
  readonly baseUrl: string;
  readonly options: StandInOptions;
  readonly requests: SeenRequest[];
  /** Changes switches; the request counter restarts. */
  configure(changes: Partial<StandInOptions>): void;
  /** Clears the request log and counter, and drops shifted-in contacts and every write. */
  reset(): void;
  /** A contact as Linq holds it now (after writes), or `undefined` when there is none. */
  contact(id: number): WireContact | undefined;
  /** Every contact created through the API, oldest first (deleted ones too). */
  readonly created: readonly WireContact[];
  /** Changes a contact behind the client's back, as Linq's own app would (a new `updated_at`). */
  changeBehind(id: number, fields: Record<string, string>): WireContact | undefined;
  /** Deletes a contact behind the client's back; false when there was none. */
  deleteBehind(id: number): boolean;
  /** Adds a contact behind the client's back, first in the list (Linq lists the newest first). */
  addBehind(fields: Record<string, string>): WireContact;
  /** Live contacts (after writes) whose email or phone number matches, as `find` matches them. */
  matching(query: { email?: string; phone?: string }): WireContact[];
  /** Every request as it arrived, answered yet or not (no query); `reset` clears it. */
  readonly arrivals: Arrival[];
  /** Bytes written in bodies of the endless and stalled replies so far. */
  readonly bodyBytesSent: () => number;
  close(): Promise<void>;
}

function every(n: number, i: number): boolean {
  return n > 0 && i % n === 0;
}

function json(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function intParam(value: string | null, fallback: number): number {
  if (value === null || !/^-?\d+$/.test(value)) {
    return fallback;
  }
  return Number(value);
}

/** Starts the stand-in on 127.0.0.1 (port 0 = any free port). */
export async function startStandIn(options: Partial<StandInOptions> = {}, port = 0): Promise<StandIn> {
  const state: StandInOptions = { ...DEFAULT_OPTIONS, ...options };
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  let counter = 0;
  let listCounter = 0;
  let inFlight = 0;
  /** Contacts added at the front (the shift switch, creates), newest first. */
  let shifted: WireContact[] = [];
  /** Generated contacts changed by an update (by id), and the generated ones deleted (0-based, sorted). */
  const edited = new Map<number, WireContact>();
  let deletedBase: number[] = [];
  const created: WireContact[] = [];
  let nextCreatedId = 2_000_001;
  let clock = 0;
  let bodyBytes = 0;
  const arrivals: Arrival[] = [];

  /** A timestamp later than every one handed out before (two writes in one millisecond still differ). */
  const now = (): string => {
    clock = Math.max(clock + 1, Date.now());
    return new Date(clock).toISOString();
  };
  const generated = (i: number): WireContact => edited.get(i + 1) ?? makeContact(i, state.hostile);
  const contactAt = (index: number): WireContact | undefined => {
    if (index < shifted.length) {
      return shifted[index];
    }
    let i = index - shifted.length;
    for (const d of deletedBase) {
      if (d > i) {
        break;
      }
      i++;
    }
    return i < state.count ? generated(i) : undefined;
  };
  const total = (): number => state.count - deletedBase.length + shifted.length;
  const byId = (id: number): WireContact | undefined => {
    const front = shifted.find((c) => c.id === id);
    if (front) {
      return front;
    }
    return Number.isSafeInteger(id) && id >= 1 && id <= state.count && !deletedBase.includes(id - 1)
      ? generated(id - 1)
      : undefined;
  };
  const store = (contact: WireContact): void => {
    const at = shifted.findIndex((c) => c.id === contact.id);
    if (at >= 0) {
      shifted[at] = contact;
    } else {
      edited.set(contact.id, contact);
    }
  };
  const remove = (id: number): void => {
    const at = shifted.findIndex((c) => c.id === id);
    if (at >= 0) {
      shifted.splice(at, 1);
    } else {
      deletedBase = [...deletedBase, id - 1].sort((a, b) => a - b);
    }
  };
  /** As Linq's `find`: either the email (ignoring case) or the phone number (as E.164) matches. */
  const matching = (query: { email?: string; phone?: string }): WireContact[] => {
    const email = query.email?.toLowerCase();
    const phone = query.phone !== undefined ? e164(query.phone) : undefined;
    const hit = (c: WireContact): boolean =>
      (email !== undefined && typeof c.email === 'string' && c.email.toLowerCase() === email) ||
      (phone !== undefined && typeof c.phone_number === 'string' && e164(c.phone_number) === phone);
    const found = [...shifted, ...edited.values()].filter((c) => byId(c.id) === c && hit(c));
    // Generated contacts carry their index in the address and the number: look there, not through all.
    const candidates = [
      Number(/(\d+)@/.exec(email ?? '')?.[1]),
      phone?.startsWith('+1555') ? Number(phone.slice(-7)) - 1_000_000 + 1 : NaN,
    ];
    for (const id of candidates) {
      const c = Number.isSafeInteger(id) && !edited.has(id) ? byId(id) : undefined;
      if (c && hit(c) && !found.includes(c)) {
        found.push(c);
      }
    }
    return found;
  };
  const owner = (email: unknown): Record<string, unknown> | null => {
    if (email === undefined || email === null || email === '') {
      return { ...STAND_IN_USERS[0] };
    }
    const user = STAND_IN_USERS.find((u) => typeof email === 'string' && u.email === email.toLowerCase());
    return user ? { ...user } : null;
  };

  /**
   * POST, PUT, PATCH and DELETE as Linq documents them: 422 with `errors[]` for what it refuses, 201 and
   * 200 with `{ data }`, 204 for a delete, 404 for an unknown id. Returns the status and body, having done
   * the write.
   */
  const write = (method: string, id: number | undefined, text: string): { status: number; body?: unknown } => {
    if (method === 'DELETE') {
      if (id === undefined || !byId(id)) {
        return { status: 404 };
      }
      remove(id);
      return { status: 204 };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return {
        status: 400,
        body: { status: 'error', error_code: 'BAD_REQUEST', message: 'Malformed JSON', errors: [] },
      };
    }
    const request = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
    const fields = (typeof request.contact === 'object' && request.contact !== null ? request.contact : {}) as Record<
      string,
      unknown
    >;
    const errors: string[] = [];
    if (!IDENTIFYING.some((k) => typeof fields[k] === 'string' && fields[k] !== '')) {
      errors.push('At least one of first_name, last_name, email, or phone_number must be present');
    }
    if (typeof fields.email === 'string' && fields.email !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(fields.email)) {
      errors.push('Email is invalid');
    }
    if (errors.length > 0) {
      return {
        status: 422,
        body: { status: 'error', error_code: 'VALIDATION_ERROR', message: 'Validation failed', errors },
      };
    }
    const newOwner = 'user_email' in request ? owner(request.user_email) : undefined;
    if (newOwner === null) {
      return {
        status: 422,
        body: {
          status: 'error',
          error_code: 'VALIDATION_ERROR',
          message: 'User not found',
          errors: ['User not found'],
        },
      };
    }
    const existing = id !== undefined ? byId(id) : undefined;
    if (id !== undefined && !existing) {
      return { status: 404 };
    }
    const stamp = now();
    const next: WireContact = existing
      ? { ...existing }
      : {
          id: nextCreatedId++,
          image_url: null,
          created_at: stamp,
          contact_owner: newOwner ?? { ...STAND_IN_USERS[0] },
        };
    for (const key of WRITABLE) {
      if (typeof fields[key] === 'string') {
        next[key] = fields[key] === '' ? null : fields[key];
      }
    }
    if (newOwner) {
      next.contact_owner = newOwner;
    }
    next.full_name =
      [next.first_name, next.last_name].filter((v) => typeof v === 'string' && v !== '').join(' ') || null;
    next.updated_at = stamp;
    if (existing) {
      store(next);
      return { status: 200, body: { data: next } };
    }
    shifted = [next, ...shifted];
    created.push(next);
    return { status: 201, body: { data: next } };
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, requestBody: string): void => {
    const arrived = Date.now();
    arrivals.push({ method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0] ?? '/', at: arrived });
    inFlight++;
    res.on('close', () => inFlight--);
    const overloaded = state.maxInFlight > 0 && inFlight > state.maxInFlight;
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const token = req.headers['x-linq-integration-token'];
    const tokenValue = Array.isArray(token) ? token[0] : token;
    const record = (status: number): void => {
      let body: unknown;
      try {
        body = requestBody === '' ? undefined : JSON.parse(requestBody);
      } catch {
        body = undefined;
      }
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        token: tokenValue,
        status,
        at: arrived,
        body,
      });
    };
    const answer = (): void => {
      const list = /\/contacts\/?$/.test(url.pathname);
      const one = /\/contacts\/([^/]+)$/.exec(url.pathname);
      if (!list && !one) {
        record(404);
        json(res, 404, { error: 'Not Found' });
        return;
      }
      const method = req.method ?? 'GET';
      const isFind = one?.[1] === 'find';
      const allowed = list ? ['GET', 'POST'] : isFind ? ['GET'] : ['GET', 'PUT', 'PATCH', 'DELETE'];
      if (!allowed.includes(method)) {
        record(405);
        json(res, 405, { error: 'Method Not Allowed' });
        return;
      }
      counter++;
      if (tokenValue !== state.token) {
        record(401);
        json(res, 401, { error: 'Invalid or missing integration token' });
        return;
      }
      if (state.forceStatus > 0) {
        record(state.forceStatus);
        if (state.forceStatus >= 300 && state.forceStatus < 400) {
          res.writeHead(state.forceStatus, { Location: state.redirectTo });
          res.end();
        } else {
          res.writeHead(state.forceStatus, { 'Content-Type': 'text/html' });
          res.end(`<html><body><h1>${state.forceStatus}</h1></body></html>`);
        }
        return;
      }
      if (every(state.hangEvery, counter)) {
        record(0);
        return;
      }
      if (overloaded) {
        record(429);
        json(res, 429, { error: 'Too Many Requests' }, { 'Retry-After': '1' });
        return;
      }
      if (state.rateLimitAlways > 0) {
        record(429);
        json(res, 429, { error: 'Too Many Requests' }, { 'Retry-After': String(state.rateLimitAlways) });
        return;
      }
      if (state.stallBody || state.endlessBody || state.hugeContentLength) {
        record(200);
        misbehave(res);
        return;
      }
      if (every(state.failEvery, counter)) {
        record(500);
        json(res, 500, {
          status: 'error',
          error_code: 'INTERNAL_ERROR',
          message: 'Unable to fetch contacts',
          errors: ['Internal server error. Please try again or contact support if the issue persists.'],
        });
        return;
      }
      if (every(state.rateLimitEvery, counter)) {
        record(429);
        const retryAfter =
          state.retryAfterRaw ??
          (state.retryAfterDate
            ? new Date(Date.now() + state.retryAfterSeconds * 1000).toUTCString()
            : String(state.retryAfterSeconds));
        json(res, 429, { error: 'Too Many Requests' }, { 'Retry-After': retryAfter, ...state.rateLimitHeaders });
        return;
      }
      if (every(state.html502Every, counter)) {
        record(502);
        res.writeHead(502, { 'Content-Type': 'text/html' });
        res.end(
          '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
        );
        return;
      }
      if (method !== 'GET') {
        if (state.writeFailCount > 0) {
          state.writeFailCount--;
          record(state.writeFailStatus);
          const headers: http.OutgoingHttpHeaders =
            state.writeFailStatus === 429 ? { 'Retry-After': String(state.retryAfterSeconds) } : {};
          json(
            res,
            state.writeFailStatus,
            { status: 'error', error_code: 'INTERNAL_ERROR', message: 'Unable to save contact', errors: [] },
            headers,
          );
          return;
        }
        const result = write(method, one ? Number(one[1]) : undefined, requestBody);
        record(result.status);
        if (state.resetAfterWrite) {
          res.socket?.destroy();
          return;
        }
        const send = (): void => {
          if (result.status === 404) {
            notFound(res);
          } else if (result.status === 204) {
            res.writeHead(204);
            res.end();
          } else {
            json(res, result.status, result.body);
          }
        };
        if (state.lateWriteMs > 0) {
          setTimeout(send, state.lateWriteMs);
        } else {
          send();
        }
        return;
      }
      let body: unknown;
      if (isFind) {
        const email = url.searchParams.get('email') ?? undefined;
        const phone = url.searchParams.get('phone_number') ?? undefined;
        if (!email && !phone) {
          record(400);
          json(res, 400, {
            status: 'error',
            error_code: 'BAD_REQUEST',
            message: 'email or phone_number is required',
            errors: [],
          });
          return;
        }
        if ((email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) || (phone && phone.replace(/\D/g, '').length < 7)) {
          record(422);
          validationError(res, 'Invalid email or phone number format', ['Invalid email or phone number format']);
          return;
        }
        body = matching({ email, phone })[0] ?? { contact: null };
      } else if (one) {
        const contact = byId(Number(one[1]));
        if (!contact) {
          record(404);
          notFound(res);
          return;
        }
        body = { data: state.wrongIdOffset ? { ...contact, id: contact.id + state.wrongIdOffset } : contact };
      } else {
        listCounter++;
        if (state.failPages.includes(Number(url.searchParams.get('page')))) {
          record(503);
          json(res, 503, {
            status: 'error',
            error_code: 'SERVICE_UNAVAILABLE',
            message: 'Try again later',
            errors: [],
          });
          return;
        }
        if (every(state.shiftEvery, listCounter)) {
          const newId = 1_000_000 + shifted.length + 1;
          shifted = [{ ...makeContact(newId, false), id: newId, full_name: `New Arrival ${newId}` }, ...shifted];
        }
        const page = Math.max(1, intParam(url.searchParams.get('page'), 1));
        const requested = intParam(url.searchParams.get('per_page'), 25);
        const perPage = requested < 1 ? 25 : Math.min(100, requested);
        const rows = state.oversizeFactor > 0 ? perPage * state.oversizeFactor : perPage;
        const start = (page - 1) * rows;
        const contacts: WireContact[] = [];
        const end = state.endless || state.oversizeFactor > 0 ? start + rows : Math.min(start + rows, total());
        for (let i = start; i < end; i++) {
          const c = i < total() ? contactAt(i) : makeContact(i, state.hostile);
          if (c) {
            contacts.push(c);
          }
        }
        const claimPages =
          state.claimTotalPages || (state.oversizeFactor > 0 ? 4_000_000_000 : Math.ceil(total() / perPage));
        const claimCount = state.claimTotalCount || (state.oversizeFactor > 0 ? 400_000_000_000 : total());
        const pagination = { current_page: page, per_page: perPage, total_pages: claimPages, total_count: claimCount };
        body =
          state.pagination === 'missing'
            ? { contacts }
            : state.pagination === 'strings'
              ? { contacts, pagination: Object.fromEntries(Object.entries(pagination).map(([k, v]) => [k, String(v)])) }
              : { contacts, pagination };
      }
      if (every(state.truncateEvery, counter)) {
        record(200);
        const text = JSON.stringify(body);
        const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(cut) });
        res.end(cut);
        return;
      }
      record(200);
      json(res, 200, body);
    };
    if (state.latencyMs > 0) {
      setTimeout(answer, state.latencyMs);
    } else {
      answer();
    }
  };

  /** The body faults: a stall after the first bytes, a body without end, or a huge declared length. */
  const misbehave = (res: http.ServerResponse): void => {
    if (state.hugeContentLength) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(2 ** 40) });
      res.write('{"contacts":[');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"contacts":[');
    bodyBytes += 13;
    if (state.stallBody) {
      return;
    }
    const chunk = Buffer.from(`${JSON.stringify(makeContact(0, false))},`.repeat(200));
    const pump = (): void => {
      while (!res.destroyed && bodyBytes < 256 * 1024 * 1024) {
        bodyBytes += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  };

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${address.port}/api/partner/v2`,
    options: state,
    requests,
    configure(changes) {
      Object.assign(state, changes);
      counter = 0;
      listCounter = 0;
    },
    bodyBytesSent: () => bodyBytes,
    arrivals,
    contact: byId,
    created,
    matching,
    changeBehind(id, fields) {
      const existing = byId(id);
      if (!existing) {
        return undefined;
      }
      const next: WireContact = { ...existing, ...fields, updated_at: now() };
      next.full_name =
        [next.first_name, next.last_name].filter((v) => typeof v === 'string' && v !== '').join(' ') || null;
      store(next);
      return next;
    },
    deleteBehind(id) {
      if (!byId(id)) {
        return false;
      }
      remove(id);
      return true;
    },
    addBehind(fields) {
      const stamp = now();
      const contact: WireContact = {
        ...makeContact(0, false),
        id: nextCreatedId++,
        ...fields,
        created_at: stamp,
        updated_at: stamp,
      };
      contact.full_name =
        [contact.first_name, contact.last_name].filter((v) => typeof v === 'string' && v !== '').join(' ') || null;
      shifted = [contact, ...shifted];
      return contact;
    },
    reset() {
      bodyBytes = 0;
      arrivals.length = 0;
      edited.clear();
      deletedBase = [];
      created.length = 0;
      requests.length = 0;
      counter = 0;
      listCounter = 0;
      shifted = [];
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) {
          socket.destroy();
        }
      });
    },
  };
}
