import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { WireContact } from './contactFactory';
import { answeredByFault, truncated } from './faults';
import { Organisation } from './organisation';
import { every, json, linqError } from './replies';
import {
  createContact,
  deleteContact,
  findContact,
  getContact,
  listContacts,
  sendWrite,
  updateContact,
  type Api,
  type Exchange,
  type ReadAnswer,
} from './routes';
import { DEFAULT_OPTIONS, type StandInOptions } from './standInOptions';
import type { WriteResult } from './organisation';

export { DEFAULT_OPTIONS, type StandInOptions } from './standInOptions';
export { STAND_IN_USERS } from './organisation';
export { e164 } from './replies';

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

/** A route: the path's shape, and a handler per method (reads answer a body, writes what they did). */
interface Route {
  readonly path: RegExp;
  readonly reads?: (api: Api, x: Exchange) => ReadAnswer;
  readonly writes?: Partial<Record<string, (api: Api, x: Exchange) => WriteResult>>;
}

/** The documented operations, one handler each (`find` before `{id}`: it is a path of its own). */
const ROUTES: readonly Route[] = [
  { path: /\/contacts\/?$/, reads: listContacts, writes: { POST: createContact } },
  { path: /\/contacts\/find$/, reads: findContact },
  {
    path: /\/contacts\/([^/]+)$/,
    reads: getContact,
    writes: { PUT: updateContact, PATCH: updateContact, DELETE: deleteContact },
  },
];

/** Starts the stand-in on 127.0.0.1 (port 0 = any free port). */
export async function startStandIn(options: Partial<StandInOptions> = {}, port = 0): Promise<StandIn> {
  const state: StandInOptions = { ...DEFAULT_OPTIONS, ...options };
  const org = new Organisation(state);
  const api: Api = { state, org };
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const arrivals: Arrival[] = [];
  let counter = 0;
  let listCounter = 0;
  let inFlight = 0;
  let bodyBytes = 0;

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, requestBody: string): void => {
    const arrived = Date.now();
    const method = req.method ?? 'GET';
    arrivals.push({ method, path: (req.url ?? '/').split('?')[0] ?? '/', at: arrived });
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
      const query = Object.fromEntries(url.searchParams);
      requests.push({ method, path: url.pathname, query, token: tokenValue, status, at: arrived, body });
    };
    const answer = (): void => {
      const route = ROUTES.find((r) => r.path.test(url.pathname));
      if (!route) {
        record(404);
        json(res, 404, { error: 'Not Found' });
        return;
      }
      const write = route.writes?.[method];
      if (method === 'GET' ? !route.reads : !write) {
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
      const sent = (bytes: number): number => (bodyBytes += bytes);
      if (answeredByFault(state, { res, counter, overloaded, record, sent })) {
        return;
      }
      const isList = route === ROUTES[0];
      if (isList && method === 'GET') {
        listCounter++;
      }
      const id = Number(route.path.exec(url.pathname)?.[1]);
      const x: Exchange = { res, url, id, body: requestBody, listCounter, record };
      if (write) {
        answerWrite(x, () => write(api, x));
        return;
      }
      const read = route.reads?.(api, x);
      if (!read) {
        return;
      }
      record(200);
      if (every(state.truncateEvery, counter)) {
        truncated(res, read.ok);
      } else {
        json(res, 200, read.ok);
      }
    };
    if (state.latencyMs > 0) {
      setTimeout(answer, state.latencyMs);
    } else {
      answer();
    }
  };

  /** A write: refused by the write-fail switch (and not done), or done, then answered late, or never. */
  const answerWrite = (x: Exchange, write: () => WriteResult): void => {
    if (state.writeFailCount > 0) {
      state.writeFailCount--;
      x.record(state.writeFailStatus);
      const headers: http.OutgoingHttpHeaders =
        state.writeFailStatus === 429 ? { 'Retry-After': String(state.retryAfterSeconds) } : {};
      linqError(x.res, state.writeFailStatus, 'INTERNAL_ERROR', 'Unable to save contact', [], headers);
      return;
    }
    const result = write();
    x.record(result.status);
    if (state.resetAfterWrite) {
      x.res.socket?.destroy();
      return;
    }
    if (state.lateWriteMs > 0) {
      setTimeout(() => sendWrite(x.res, result), state.lateWriteMs);
    } else {
      sendWrite(x.res, result);
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
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
    contact: (id) => org.byId(id),
    created: org.created,
    matching: (query) => org.matching(query),
    changeBehind: (id, fields) => org.changeBehind(id, fields),
    deleteBehind: (id) => org.deleteBehind(id),
    addBehind: (fields) => org.addBehind(fields),
    reset() {
      bodyBytes = 0;
      arrivals.length = 0;
      requests.length = 0;
      counter = 0;
      listCounter = 0;
      org.reset();
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
