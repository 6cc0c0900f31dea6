import { MAX_CONTACTS, MAX_PER_PAGE, WALK_CONCURRENCY } from './limits';
import type { LinqClient } from './linqClient';
import type { Contact, Pagination } from './types';

/** Progress after each page delivered in order. */
export interface AllContactsProgress {
  /** Unique contacts delivered so far. */
  readonly loaded: number;
  /** The server's latest `total_count` (it may change while paging). */
  readonly totalCount: number;
  /** Pages fetched so far, and the latest `total_pages`. */
  readonly pagesDone: number;
  readonly totalPages: number;
  /** True once the walk stopped at `maxContacts` (the organisation may hold more). */
  readonly capped: boolean;
}

/** Options for `loadAllContacts`. */
export interface LoadAllOptions {
  /** Page size, 1–100 (default 100: fewest requests). */
  readonly perPage?: number;
  /** Pages in flight at once after page 1 (default 4, at least 1). */
  readonly concurrency?: number;
  /** Contacts held at most (default `MAX_CONTACTS`); the walk stops there with `capped` set. */
  readonly maxContacts?: number;
  readonly signal?: AbortSignal;
  /** Called with each page's new (not yet seen) contacts, in page order, as soon as order allows. */
  readonly onContacts?: (contacts: readonly Contact[], progress: AllContactsProgress) => void;
}

/**
 * Every contact of the organisation. Page 1 reveals the totals; the rest are fetched with bounded
 * concurrency and delivered in page order. Ids seen twice (pages shifting under us) are dropped; changed
 * totals extend or shorten the walk; an empty page ends it. Whatever a server claims, the walk ends: it
 * asks for at most `ceil(total_count / per_page)` pages and never holds more than `maxContacts`. A reply
 * without totals is paged until a short or empty page. A 429 pauses every request of the client (its
 * `RateGate`), so the engine slows down as a whole.
 */
export async function loadAllContacts(client: LinqClient, options: LoadAllOptions = {}): Promise<Contact[]> {
  const perPage = options.perPage ?? MAX_PER_PAGE;
  const concurrency = Math.max(1, Math.trunc(options.concurrency ?? WALK_CONCURRENCY));
  const maxContacts = options.maxContacts ?? MAX_CONTACTS;
  // One failing page stops the others at once; so does reaching the cap.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const seen = new Set<number>();
  const all: Contact[] = [];
  let totalCount = 0;
  let pagesDone = 0;
  let capped = false;

  /** The last page worth asking for, as far as this reply tells. */
  const lastPageOf = (p: Pagination): number => {
    const pageCap = Math.ceil(maxContacts / p.perPage);
    return p.estimated ? pageCap : Math.min(pageCap, p.totalPages, Math.ceil(p.totalCount / p.perPage));
  };

  const deliver = (contacts: readonly Contact[], totalPages: number): void => {
    if (capped) {
      return;
    }
    let fresh = contacts.filter((c) => !seen.has(c.id) && seen.add(c.id));
    if (all.length + fresh.length >= maxContacts) {
      fresh = fresh.slice(0, maxContacts - all.length);
      capped = true;
      stop.abort();
    }
    all.push(...fresh);
    pagesDone++;
    options.onContacts?.(fresh, { loaded: all.length, totalCount: Math.max(totalCount, all.length), pagesDone, totalPages, capped });
  };

  const first = await client.listContacts(1, perPage, { signal });
  totalCount = first.pagination.totalCount;
  let lastPage = lastPageOf(first.pagination);
  deliver(first.contacts, lastPage);
  if (first.contacts.length === 0 || (first.pagination.estimated && first.contacts.length < first.pagination.perPage)) {
    return all;
  }

  let nextToFetch = 2;
  let nextToDeliver = 2;
  const ready = new Map<number, readonly Contact[]>();

  const worker = async (): Promise<void> => {
    while (nextToFetch <= lastPage && !capped) {
      const page = nextToFetch++;
      const reply = await client.listContacts(page, perPage, { signal });
      const p = reply.pagination;
      totalCount = p.totalCount;
      if (reply.contacts.length === 0) {
        // Past the end: nothing after this page exists.
        lastPage = Math.min(lastPage, page - 1);
      } else if (p.estimated && reply.contacts.length < p.perPage) {
        // No totals and a short page: this was the last one.
        lastPage = Math.min(lastPage, page);
      } else {
        const claimed = lastPageOf(p);
        if (claimed !== lastPage && page <= claimed) {
          lastPage = claimed;
        }
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

  let firstError: Error | undefined;
  const workers = Array.from({ length: concurrency }, () =>
    worker().catch((error: unknown) => {
      if (!capped) {
        firstError ??= error instanceof Error ? error : new Error(String(error));
      }
      stop.abort();
    }),
  );
  await Promise.all(workers);
  if (firstError !== undefined) {
    throw firstError;
  }
  return all;
}
