import { LinqApiError } from '../../api/linqApiError';
import { MAX_PER_PAGE, WALK_CONCURRENCY } from '../../api/limits';
import type { RequestOptions } from '../../api/linqClient';
import type { Contact, ContactPage, Pagination } from '../../api/types';

/** What the store needs from the API client (a `LinqClient`, or anything that pages the same way). */
export interface PageSource {
  listContacts(page: number, perPage: number, options?: RequestOptions): Promise<ContactPage>;
  /** Pages that may be in flight now, as the source adapts to the server (a `LinqClient`'s `AdaptiveLimit`). */
  readonly walkLimit?: { readonly limit: number };
}

/** Who asked for contacts: the user's own requests go ahead of the background walk's queued pages. */
export type Priority = 'user' | 'walk';

/** Where the scheduler's pages go, in order (the store's `ContactCollection`). */
export interface PageSink {
  /** Contacts held now. */
  readonly size: number;
  /** True once as many are held as may be. */
  readonly full: boolean;
  deliver(contacts: readonly Contact[]): void;
}

interface Waiter {
  readonly count: number;
  readonly priority: Priority;
  resolve(): void;
  reject(error: unknown): void;
}

/** Where loading stands, as plain data. */
export interface StoreProgress {
  /** Unique contacts held, in the API's order. */
  readonly loaded: number;
  /** The server's latest `total_count` (never less than what is held). */
  readonly totalCount: number;
  /** Pages delivered in order so far, and the last page worth asking for as far as replies tell. */
  readonly pagesDone: number;
  readonly totalPages: number;
  /** False when the server sent no totals: `totalCount` is then only what was seen. */
  readonly totalKnown: boolean;
  /** True once every page is in (or the walk stopped at `maxContacts`). */
  readonly complete: boolean;
  /** True once the store stopped at `maxContacts` (the organisation may hold more). */
  readonly capped: boolean;
}

/**
 * The pages of one connection, each asked once: demand (`ensure`, `walk`) says how many contacts are needed,
 * and at most `concurrency` pages are in flight, the user's demand first, then the background walk's, lowest
 * page first. Before any reply it asks pages 1…c at once (pages past the end come back empty and end it), so N
 * pages take `ceil(N / c)` round trips. Whatever a server claims, it ends: at most
 * `ceil(total_count / per_page)` pages and never more than the sink holds. Replies are delivered in page order.
 * After `dispose` every late reply is dropped here, in one place.
 */
export class PageScheduler {
  readonly perPage: number;
  private readonly fixedConcurrency: number | undefined;
  /** Replies fetched ahead of the next page to deliver. */
  private readonly ahead = new Map<number, readonly Contact[]>();
  private readonly inFlight = new Set<number>();
  private readonly waiters = new Set<Waiter>();
  private readonly abort = new AbortController();
  private nextToDeliver = 1;
  /** The last page worth asking for; `undefined` until the first reply. */
  private lastPage: number | undefined;
  private walkTarget = 0;
  private disposed = false;
  /** The server's latest `total_count`, and whether it sent totals at all. */
  totalCount = 0;
  totalKnown = true;
  /** True once every page is in (or the sink is full). */
  complete = false;
  /** True once the sink filled up (the organisation may hold more). */
  capped = false;
  /** Requests sent (list pages), for the log and the benchmark. */
  requests = 0;

  constructor(
    private readonly source: PageSource,
    private readonly sink: PageSink,
    /** Told after every change (a page, completion, a failure). */
    private readonly changed: () => void,
    private readonly maxContacts: number,
    options: { readonly perPage?: number; readonly concurrency?: number } = {},
  ) {
    this.perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.trunc(options.perPage ?? MAX_PER_PAGE)));
    this.fixedConcurrency =
      options.concurrency === undefined ? undefined : Math.max(1, Math.trunc(options.concurrency));
  }

  /** Pages delivered in order so far. */
  get pagesDone(): number {
    return this.nextToDeliver - 1;
  }

  /** The last page worth asking for as far as replies tell. */
  get totalPages(): number {
    return this.complete ? this.pagesDone : (this.lastPage ?? this.pagesDone);
  }

  get busy(): boolean {
    return this.inFlight.size > 0;
  }

  /**
   * Contacts were held before any page (the encrypted cache): the next page asked is the one after them.
   * `complete`: they were the whole organisation.
   */
  heldAlready(totalCount: number, complete: boolean): void {
    const held = this.sink.size;
    this.totalCount = Math.max(totalCount, held);
    const pages = Math.ceil(held / this.perPage);
    if (complete || this.capped) {
      this.complete = true;
      this.nextToDeliver = pages + 1;
      this.lastPage = pages;
    } else {
      // Offset paging from where the cache ended: a contact seen twice is dropped as usual.
      this.nextToDeliver = Math.floor(held / this.perPage) + 1;
      this.lastPage = Math.max(this.nextToDeliver, Math.ceil(this.totalCount / this.perPage));
    }
    // An organisation held as empty has been loaded all the same.
    this.nextToDeliver = Math.max(this.nextToDeliver, this.complete ? 2 : 1);
  }

  /** A refresh walked the whole organisation: nothing more is asked. */
  completedElsewhere(): void {
    this.complete = true;
    this.capped = this.sink.full;
    this.lastPage = Math.min(this.lastPage ?? this.nextToDeliver, this.nextToDeliver - 1);
    this.ahead.clear();
    this.abort.abort();
  }

  /** Resolves once at least `count` contacts are held, or every contact is (see `ContactStore.ensure`). */
  ensure(count: number, priority: Priority): Promise<void> {
    if (this.disposed) {
      return Promise.reject(LinqApiError.cancelled());
    }
    if (this.satisfied(count)) {
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      this.waiters.add({ count, priority, resolve, reject });
      this.pump();
    });
  }

  /** Raises the background walk's target (never lowers it). */
  walkTo(limit: number): void {
    this.walkTarget = Math.max(this.walkTarget, Math.min(limit, this.maxContacts));
  }

  /** Resolves the waiters now satisfied and tells of the change. */
  settle(): void {
    for (const waiter of this.waiters) {
      if (this.satisfied(waiter.count)) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
    if (this.complete) {
      this.abort.abort();
    }
    this.changed();
  }

  /** Stops everything: requests in flight are aborted, late replies dropped, waiters rejected as cancelled. */
  /** Where loading stands, with `held` contacts held. */
  progress(held: number): StoreProgress {
    return {
      loaded: held,
      totalCount: Math.max(this.totalCount, held),
      pagesDone: this.pagesDone,
      totalPages: this.totalPages,
      totalKnown: this.totalKnown,
      complete: this.complete,
      capped: this.capped,
    };
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.abort.abort();
    for (const waiter of this.waiters) {
      waiter.reject(LinqApiError.cancelled());
    }
    this.waiters.clear();
  }

  /** Pages that may be in flight now: fixed, or as the source adapts to the server. */
  private concurrency(): number {
    return this.fixedConcurrency ?? this.source.walkLimit?.limit ?? WALK_CONCURRENCY;
  }

  private satisfied(count: number): boolean {
    return this.complete || this.sink.size >= count;
  }

  /** The last page needed to hold `count` contacts, assuming full pages from here on. */
  private pagesFor(count: number): number {
    const missing = count - this.sink.size;
    if (missing <= 0 || this.complete) {
      return 0;
    }
    const wanted = this.nextToDeliver - 1 + Math.ceil(missing / this.perPage);
    // Before any reply nobody knows the end: the first round is pages 1…c at most.
    return Math.min(wanted, this.lastPage ?? Math.max(1, this.concurrency()));
  }

  /** Sends requests while slots are free: the user's pages first, then the walk's, lowest page first. */
  private pump(): void {
    while (!this.disposed && this.inFlight.size < this.concurrency()) {
      const page = this.nextPage();
      if (page === undefined) {
        return;
      }
      this.fetch(page);
    }
  }

  private nextPage(): number | undefined {
    let userCount = 0;
    for (const w of this.waiters) {
      if (w.priority === 'user') {
        userCount = Math.max(userCount, w.count);
      }
    }
    const walkCount = Math.max(this.walkTarget, ...[...this.waiters].map((w) => w.count));
    for (const upTo of [this.pagesFor(userCount), this.pagesFor(walkCount)]) {
      for (let page = this.nextToDeliver; page <= upTo; page++) {
        if (!this.inFlight.has(page) && !this.ahead.has(page)) {
          return page;
        }
      }
    }
    return undefined;
  }

  private fetch(page: number): void {
    this.inFlight.add(page);
    this.requests++;
    this.source.listContacts(page, this.perPage, { signal: this.abort.signal }).then(
      (reply) => {
        // The one place where late answers of a closed connection are dropped.
        if (this.disposed) {
          return;
        }
        this.inFlight.delete(page);
        if (!this.complete) {
          this.accept(page, reply);
        }
        this.settle();
        this.pump();
      },
      (error: unknown) => {
        if (this.disposed) {
          return;
        }
        this.inFlight.delete(page);
        this.fail(page, error);
      },
    );
  }

  private accept(page: number, reply: ContactPage): void {
    const p = reply.pagination;
    this.totalCount = p.totalCount;
    this.totalKnown = !p.estimated;
    if (reply.contacts.length === 0) {
      // Past the end: nothing after this page exists.
      this.lastPage = Math.min(this.lastPage ?? page - 1, page - 1);
    } else if (p.estimated && reply.contacts.length < p.perPage) {
      // No totals and a short page: this was the last one.
      this.lastPage = Math.min(this.lastPage ?? page, page);
    } else {
      const claimed = this.lastPageOf(p);
      if (this.lastPage === undefined || (claimed !== this.lastPage && page <= claimed)) {
        this.lastPage = claimed;
      }
    }
    this.ahead.set(page, reply.contacts);
    while (this.ahead.has(this.nextToDeliver) && !this.complete) {
      const contacts = this.ahead.get(this.nextToDeliver) ?? [];
      this.ahead.delete(this.nextToDeliver);
      this.delivered(contacts);
      this.nextToDeliver++;
      if (contacts.length === 0 || this.nextToDeliver > (this.lastPage ?? 0)) {
        this.complete = true;
      }
    }
    if (this.complete) {
      this.ahead.clear();
    }
  }

  /** Hands contacts to the sink; a full sink ends the walk. */
  delivered(contacts: readonly Contact[]): void {
    this.sink.deliver(contacts);
    if (this.sink.full) {
      this.capped = true;
      this.complete = true;
    }
  }

  /** The last page worth asking for, as far as this reply tells. */
  private lastPageOf(p: Pagination): number {
    const pageCap = Math.ceil(this.maxContacts / this.perPage);
    return p.estimated ? pageCap : Math.min(pageCap, p.totalPages, Math.ceil(p.totalCount / this.perPage));
  }

  /**
   * A failed page stops the demand that needed it (those callers hear of the failure; the next call asks
   * for the page again); pages already in flight still land.
   */
  private fail(page: number, error: unknown): void {
    if (this.complete) {
      return;
    }
    if (this.pagesFor(this.walkTarget) >= page) {
      this.walkTarget = 0;
    }
    for (const waiter of this.waiters) {
      if (this.pagesFor(waiter.count) >= page) {
        this.waiters.delete(waiter);
        waiter.reject(error);
      }
    }
    this.changed();
  }
}
