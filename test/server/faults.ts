import type * as http from 'node:http';
import { makeContact } from './contactFactory';
import { every, json, linqError } from './replies';
import type { StandInOptions } from './standInOptions';

/** A request the faults may answer instead of the API: its place in the count and how to record it. */
export interface FaultContext {
  readonly res: http.ServerResponse;
  /** The request's number among requests to `/contacts…` since the last `configure` (1-based). */
  readonly counter: number;
  /** True when more requests than `maxInFlight` are in flight. */
  readonly overloaded: boolean;
  record(status: number): void;
  /** Counts bytes of a misbehaving body. */
  sent(bytes: number): number;
}

/**
 * The faults switched on, in order (a forced status, a hang, overload, rate limits, bodies that misbehave, 500,
 * 429, a proxy's 502): true when one answered (or chose not to answer) the request.
 */
export function answeredByFault(state: StandInOptions, x: FaultContext): boolean {
  const { res, counter } = x;
  if (state.forceStatus > 0) {
    x.record(state.forceStatus);
    if (state.forceStatus >= 300 && state.forceStatus < 400) {
      res.writeHead(state.forceStatus, { Location: state.redirectTo });
      res.end();
    } else {
      res.writeHead(state.forceStatus, { 'Content-Type': 'text/html' });
      res.end(`<html><body><h1>${state.forceStatus}</h1></body></html>`);
    }
    return true;
  }
  if (every(state.hangEvery, counter)) {
    x.record(0);
    return true;
  }
  if (x.overloaded || state.rateLimitAlways > 0) {
    x.record(429);
    json(
      res,
      429,
      { error: 'Too Many Requests' },
      { 'Retry-After': x.overloaded ? '1' : String(state.rateLimitAlways) },
    );
    return true;
  }
  if (state.stallBody || state.endlessBody || state.hugeContentLength) {
    x.record(200);
    misbehave(state, x);
    return true;
  }
  if (every(state.failEvery, counter)) {
    x.record(500);
    linqError(res, 500, 'INTERNAL_ERROR', 'Unable to fetch contacts', [
      'Internal server error. Please try again or contact support if the issue persists.',
    ]);
    return true;
  }
  if (every(state.rateLimitEvery, counter)) {
    x.record(429);
    const retryAfter =
      state.retryAfterRaw ??
      (state.retryAfterDate
        ? new Date(Date.now() + state.retryAfterSeconds * 1000).toUTCString()
        : String(state.retryAfterSeconds));
    json(res, 429, { error: 'Too Many Requests' }, { 'Retry-After': retryAfter, ...state.rateLimitHeaders });
    return true;
  }
  if (every(state.html502Every, counter)) {
    x.record(502);
    res.writeHead(502, { 'Content-Type': 'text/html' });
    res.end(
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
    );
    return true;
  }
  return false;
}

/** The body faults: a stall after the first bytes, a body without end, or a huge declared length. */
function misbehave(state: StandInOptions, x: FaultContext): void {
  const { res } = x;
  if (state.hugeContentLength) {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(2 ** 40) });
    res.write('{"contacts":[');
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write('{"contacts":[');
  x.sent(13);
  if (state.stallBody) {
    return;
  }
  const chunk = Buffer.from(`${JSON.stringify(makeContact(0, false))},`.repeat(200));
  const pump = (): void => {
    while (!res.destroyed && x.sent(0) < 256 * 1024 * 1024) {
      x.sent(chunk.length);
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  res.on('close', () => res.removeAllListeners('drain'));
  pump();
}

/** A reply cut in half (the truncate switch): 200 with half of the JSON. */
export function truncated(res: http.ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(cut) });
  res.end(cut);
}
