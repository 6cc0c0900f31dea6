/** The stand-in's switches and their defaults. */
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
  /** `GET /contacts/find` answers with another person (another email and phone) whatever was asked. */
  findAnswersOther: boolean;
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
  findAnswersOther: false,
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
