import type { LinqClient } from './linqClient';
import type { Contact } from './types';

/** Progress after each page delivered in order. */
export interface AllContactsProgress {
  /** Unique contacts delivered so far. */
  readonly loaded: number;
  /** The server's latest `total_count` (it may change while paging). */
  readonly totalCount: number;
  /** Pages fetched so far, and the latest `total_pages`. */
  readonly pagesDone: number;
  readonly totalPages: number;
}

/** Options for `loadAllContacts`. */
export interface LoadAllOptions {
  /** Page size, 1–100 (default 100: fewest requests). */
  readonly perPage?: number;
  /** Pages in flight at once after page 1 (default 4, at least 1). */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Called with each page's new (not yet seen) contacts, in page order, as soon as order allows. */
  readonly onContacts?: (contacts: readonly Contact[], progress: AllContactsProgress) => void;
}

/** Upper bound on pages walked, whatever `total_pages` claims (a million contacts at 100 a page). */
const MAX_PAGES = 10_000;

/**
 * Every contact of the organisation. Page 1 reveals `total_pages`; the rest are fetched with bounded
 * concurrency and delivered in page order. Ids seen twice (pages shifting under us) are dropped; a
 * changed `total_pages` extends or shortens the walk; an empty page ends it. A 429 pauses every request
 * of the client (its `RateGate`), so the engine slows down as a whole.
 */
export async function loadAllContacts(client: LinqClient, options: LoadAllOptions = {}): Promise<Contact[]> {
  const perPage = options.perPage ?? 100;
  const concurrency = Math.max(1, Math.trunc(options.concurrency ?? 4));
  // One failing page stops the others at once.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const seen = new Set<number>();
  const all: Contact[] = [];
  let totalCount = 0;
  let pagesDone = 0;

  const deliver = (contacts: readonly Contact[], totalPages: number): void => {
    const fresh = contacts.filter((c) => !seen.has(c.id) && seen.add(c.id));
    all.push(...fresh);
    pagesDone++;
    options.onContacts?.(fresh, { loaded: all.length, totalCount, pagesDone, totalPages });
  };

  const first = await client.listContacts(1, perPage, { signal });
  totalCount = first.pagination.totalCount;
  let lastPage = Math.min(MAX_PAGES, first.pagination.totalPages);
  deliver(first.contacts, lastPage);
  if (first.contacts.length === 0) {
    return all;
  }

  let nextToFetch = 2;
  let nextToDeliver = 2;
  const ready = new Map<number, readonly Contact[]>();

  const worker = async (): Promise<void> => {
    while (nextToFetch <= lastPage) {
      const page = nextToFetch++;
      const reply = await client.listContacts(page, perPage, { signal });
      totalCount = reply.pagination.totalCount;
      if (reply.contacts.length === 0) {
        // Past the end: nothing after this page exists.
        lastPage = Math.min(lastPage, page - 1);
      } else if (reply.pagination.totalPages !== lastPage && page <= reply.pagination.totalPages) {
        lastPage = Math.min(MAX_PAGES, reply.pagination.totalPages);
      }
      ready.set(page, reply.contacts);
      while (ready.has(nextToDeliver)) {
        const contacts = ready.get(nextToDeliver) ?? [];
        ready.delete(nextToDeliver);
        if (nextToDeliver <= lastPage || contacts.length > 0) {
          deliver(contacts, lastPage);
        }
        nextToDeliver++;
      }
    }
  };

  let firstError: unknown;
  const workers = Array.from({ length: concurrency }, () =>
    worker().catch((error: unknown) => {
      firstError ??= error;
      stop.abort();
    }),
  );
  await Promise.all(workers);
  if (firstError !== undefined) {
    throw firstError;
  }
  return all;
}
