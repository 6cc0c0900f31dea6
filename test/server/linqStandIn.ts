import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
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
};

/** One request as the stand-in saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly token: string | undefined;
  readonly status: number;
  /** When the request arrived (ms since the epoch). */
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
  /** Clears the request log and counter, and drops shifted-in contacts. */
  reset(): void;
  /** Bytes written in bodies of the endless and stalled replies so far. */
  readonly bodyBytesSent: () => number;
  close(): Promise<void>;
}

function every(n: number, i: number): boolean {
  return n > 0 && i % n === 0;
}

function json(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
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
  let shifted: WireContact[] = [];
  let bodyBytes = 0;

  const contactAt = (index: number): WireContact | undefined => {
    if (index < shifted.length) {
      return shifted[index];
    }
    const i = index - shifted.length;
    return i < state.count ? makeContact(i, state.hostile) : undefined;
  };
  const total = (): number => state.count + shifted.length;

  const server = http.createServer((req, res) => {
    const arrived = Date.now();
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const token = req.headers['x-linq-integration-token'];
    const tokenValue = Array.isArray(token) ? token[0] : token;
    const record = (status: number): void => {
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), token: tokenValue, status, at: arrived });
    };
    const answer = (): void => {
      const list = /\/contacts\/?$/.test(url.pathname);
      const one = /\/contacts\/([^/]+)$/.exec(url.pathname);
      if (!list && !one) {
        record(404);
        json(res, 404, { error: 'Not Found' });
        return;
      }
      if (req.method !== 'GET') {
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
        json(res, 500, { status: 'error', error_code: 'INTERNAL_ERROR', message: 'Unable to fetch contacts', errors: ['Internal server error. Please try again or contact support if the issue persists.'] });
        return;
      }
      if (every(state.rateLimitEvery, counter)) {
        record(429);
        const retryAfter = state.retryAfterDate ? new Date(Date.now() + state.retryAfterSeconds * 1000).toUTCString() : String(state.retryAfterSeconds);
        json(res, 429, { error: 'Too Many Requests' }, { 'Retry-After': retryAfter });
        return;
      }
      if (every(state.html502Every, counter)) {
        record(502);
        res.writeHead(502, { 'Content-Type': 'text/html' });
        res.end('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>');
        return;
      }
      let body: unknown;
      if (one) {
        const id = Number(one[1]);
        const index = Number.isSafeInteger(id) ? findIndex(id) : -1;
        const contact = index >= 0 ? contactAt(index) : undefined;
        if (!contact) {
          record(404);
          json(res, 404, { status: 'error', error_code: 'CONTACT_NOT_FOUND', message: 'Contact not found', errors: ['The requested contact does not exist or is not accessible to your organization'] });
          return;
        }
        body = { data: state.wrongIdOffset ? { ...contact, id: contact.id + state.wrongIdOffset } : contact };
      } else {
        listCounter++;
        if (state.failPages.includes(Number(url.searchParams.get('page')))) {
          record(503);
          json(res, 503, { status: 'error', error_code: 'SERVICE_UNAVAILABLE', message: 'Try again later', errors: [] });
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
        const claimPages = state.claimTotalPages || (state.oversizeFactor > 0 ? 4_000_000_000 : Math.ceil(total() / perPage));
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
  });

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

  const findIndex = (id: number): number => {
    const s = shifted.findIndex((c) => c.id === id);
    if (s >= 0) {
      return s;
    }
    return id >= 1 && id <= state.count ? shifted.length + id - 1 : -1;
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
    reset() {
      bodyBytes = 0;
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
