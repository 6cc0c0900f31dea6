/**
 * Every bound the client and the paging engine keep against a server that misbehaves, in one place.
 * The README's Security section names each of them.
 */

/** The API's own bounds for `per_page`. */
export const MIN_PER_PAGE = 1;
export const MAX_PER_PAGE = 100;

/** Clamps a page size into what the API accepts (1–100). */
export function clampPerPage(perPage: number): number {
  if (!Number.isFinite(perPage)) {
    return MAX_PER_PAGE;
  }
  return Math.min(MAX_PER_PAGE, Math.max(MIN_PER_PAGE, Math.trunc(perPage)));
}

/**
 * Pages of the all-contacts walk in flight at first; the client's `AdaptiveLimit` then moves it between 1 and
 * 16 as the server answers (writes stay at 4: `IMPORT_CONCURRENCY`).
 */
export const WALK_CONCURRENCY = 4;
export const MIN_WALK_CONCURRENCY = 1;
export const MAX_WALK_CONCURRENCY = 16;

/**
 * Largest reply body read, in bytes. A page of 100 contacts with 300-character values in every field is
 * about 0.5 MB; anything past 5 MiB is not a page of contacts and is refused without reading the rest.
 */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** One attempt (headers and the whole body) gives up after this long and is retried like a time-out. */
export const ATTEMPT_TIMEOUT_MS = 15_000;

/**
 * One call, retries and `Retry-After` waits included, gives up after this long, however long a wait the
 * server asks for: a user who clicked something hears back within a minute.
 */
export const CALL_BUDGET_MS = 60_000;

/** Retries after the first attempt, for 408/429/5xx, network failures, time-outs and broken JSON. */
export const RETRY_LIMIT = 4;

/** First back-off, doubled each retry. */
export const RETRY_BASE_DELAY_MS = 300;

/** Cap on one back-off or `Retry-After` wait. */
export const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Contacts held by one all-contacts walk (about 1 KB each in memory: about 250 MB at most). The walk
 * stops there and says so, whatever `total_count` or `total_pages` claim.
 */
export const MAX_CONTACTS = 250_000;

/**
 * Contacts loaded in the background once the view shows its first rows (the default of
 * `linqContacts.prefetchLimit`): search, the filter and lookup then answer from memory.
 */
export const DEFAULT_PREFETCH_LIMIT = 10_000;
