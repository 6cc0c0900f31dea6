import { LinqApiError } from '../api/linqApiError';
import { MAX_CONTACTS, MAX_PER_PAGE, WALK_CONCURRENCY } from '../api/limits';
import type { RequestOptions } from '../api/linqClient';
import { CONTACT_TEXT_FIELDS, OWNER_TEXT_FIELDS, type Contact, type ContactPage, type Pagination } from '../api/types';
import { normalizePhone } from '../format/phone';
import { ContactIndex } from './contactIndex';

/** What the store needs from the API client (a `LinqClient`, or anything that pages the same way). */
export interface PageSource {
  listContacts(page: number, perPage: number, options?: RequestOptions): Promise<ContactPage>;
  /** Pages that may be in flight now, as the source adapts to the server (a `LinqClient`'s `AdaptiveLimit`). */
  readonly walkLimit?: { readonly limit: number };
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

/** Options for a `ContactStore`. */
export interface ContactStoreOptions {
  /** `per_page` of every list request, 1–100 (default 100: fewest requests). */
  readonly perPage?: number;
  /** List requests in flight at once, fixed (at least 1); without it, the source's `walkLimit`, else 4. */
  readonly concurrency?: number;
  /** Contacts held at most (default `MAX_CONTACTS`); the store stops there with `capped` set. */
  readonly maxContacts?: number;
  /**
   * Start from these (the encrypted copy): they answer at once, and the store pages on from where they end.
   * `heldSince` says when they were loaded until a refresh (`refreshedWith`) replaces them.
   */
  readonly held?: HeldContacts;
}

/**
 * Contacts held from before (the encrypted copy, or what the store showed when Refresh was asked): in the
 * API's order, with how far the walk that made them got and when.
 */
export interface HeldContacts {
  readonly contacts: readonly Contact[];
  /** The server's `total_count` then (never less than the contacts). */
  readonly totalCount: number;
  /** True when that walk had every contact of the organisation. */
  readonly complete: boolean;
  /** When the contacts were loaded (ms since the epoch). */
  readonly takenAt: number;
}

/** Who asked for contacts: the user's own requests go ahead of the background walk's queued pages. */
export type Priority = 'user' | 'walk';

interface Waiter {
  readonly count: number;
  readonly priority: Priority;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Every contact of one connection (token and base URL), loaded page by page and kept once: pages by
 * number, contacts by id and in the API's order. The tree, Load more, the filter, search, lookup and the
 * detail tab all read from here, so within one connection each page is requested once (a failed page is
 * asked again by the next request for it).
 *
 * Requests are demand-driven: a caller says how many contacts it needs (`ensure`) and the store keeps
 * at most `concurrency` pages in flight, the user's demand first, then the background walk's. Before any
 * reply the walk asks pages 1…c at once (pages past the end come back empty and end it), so N pages take
 * `ceil(N / c)` round trips. Whatever a server claims, it ends: it asks for at most
 * `ceil(total_count / per_page)` pages and never holds more than `maxContacts`. Ids seen twice (pages
 * shifting under us) are dropped. After `dispose` every late reply is dropped here, in one place.
 */
export class ContactStore {
  readonly perPage: number;
  private readonly fixedConcurrency: number | undefined;
  private readonly maxContacts: number;
  /** Replaced (never changed in place) when a write reorders or removes: readers see a new list. */
  private ordered: Contact[] = [];
  private readonly byId = new Map<number, Contact>();
  /** Replies fetched ahead of the next page to deliver. */
  private readonly ahead = new Map<number, readonly Contact[]>();
  private readonly inFlight = new Set<number>();
  /** Ids already in `ordered`: a page shifted under us repeats some, and they are dropped. */
  private readonly listed = new Set<number>();
  /** Ids deleted here: a refresh's page fetched before the delete does not bring them back. */
  private readonly gone = new Set<number>();
  /** Ids created here, newest first: shown first until a refresh places them where Linq does. */
  private createdIds: number[] = [];
  private readonly index = new ContactIndex();
  private readonly waiters = new Set<Waiter>();
  private readonly listeners = new Set<() => void>();
  private readonly abort = new AbortController();
  private filling: Promise<void> | undefined;
  private nextToDeliver = 1;
  /** The last page worth asking for; `undefined` until the first reply. */
  private lastPage: number | undefined;
  private totalCount = 0;
  private totalKnown = true;
  private completeValue = false;
  private capped = false;
  private walkTarget = 0;
  private disposed = false;
  /** Requests sent (list pages), for the log and the benchmark. */
  requests = 0;
  /** Contacts put first by `added` and not yet placed by a refresh (the view shows that many rows more). */
  get createdHere(): number {
    return this.createdIds.length;
  }
  /** When the contacts shown were loaded, while they come from before (the copy) and no refresh replaced them. */
  heldSince: number | undefined;
  /** Why the last refresh of held contacts failed (they stay as they were); cleared when one starts. */
  refreshError: LinqApiError | undefined;
  /** When the contacts last changed (a page, a write, a refresh), for the copy's time. */
  changedAt = Date.now();

  constructor(
    private readonly source: PageSource,
    options: ContactStoreOptions = {},
  ) {
    this.perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.trunc(options.perPage ?? MAX_PER_PAGE)));
    this.fixedConcurrency =
      options.concurrency === undefined ? undefined : Math.max(1, Math.trunc(options.concurrency));
    this.maxContacts = options.maxContacts ?? MAX_CONTACTS;
    if (options.held) {
      this.startFrom(options.held);
    }
  }

  /**
   * The rest of the held contacts, still being read (the copy's first contacts came in `held`): demand
   * waits for them before anything is asked of Linq. A rest that cannot be read leaves what is held.
   */
  fillFrom(rest: Promise<HeldContacts | undefined>): void {
    const filling: Promise<void> = rest
      .then(
        (held) => {
          if (held && !this.disposed) {
            this.startFrom(held);
          }
        },
        () => undefined,
      )
      .finally(() => {
        if (this.filling === filling) {
          this.filling = undefined;
        }
        if (!this.disposed) {
          this.settle();
        }
      });
    this.filling = filling;
  }

  /** True while held contacts are still being read (`fillFrom`): what the store holds is not all it will. */
  get reading(): boolean {
    return this.filling !== undefined;
  }

  /** Resolves once the held contacts are all read. */
  get filled(): Promise<void> {
    return this.filling ?? Promise.resolve();
  }

  /**
   * Takes held contacts as if a walk had delivered them (again for the copy's rest: ids already held are
   * dropped); the next page asked is the one after them.
   */
  private startFrom(held: HeldContacts): void {
    this.deliver(held.contacts);
    this.totalCount = Math.max(held.totalCount, this.ordered.length);
    const pages = Math.ceil(this.ordered.length / this.perPage);
    if (held.complete || this.capped) {
      this.completeValue = true;
      this.nextToDeliver = pages + 1;
      this.lastPage = pages;
    } else {
      // Offset paging from where the copy ended: a contact seen twice is dropped as usual.
      this.nextToDeliver = Math.floor(this.ordered.length / this.perPage) + 1;
      this.lastPage = Math.max(this.nextToDeliver, Math.ceil(this.totalCount / this.perPage));
    }
    // An organisation held as empty has been loaded all the same.
    this.nextToDeliver = Math.max(this.nextToDeliver, this.completeValue ? 2 : 1);
    this.heldSince = held.takenAt;
    this.changedAt = held.takenAt;
  }

  /** What the encrypted copy keeps of this store: its contacts, how far it got, and when. */
  heldContacts(): HeldContacts {
    return {
      contacts: this.ordered,
      totalCount: Math.max(this.totalCount, this.ordered.length),
      complete: this.completeValue,
      takenAt: this.heldSince ?? this.changedAt,
    };
  }

  /**
   * A refresh's walk (another store over the same connection) got this far: its contacts replace the ones
   * held, in its order, each at its newest (`updated_at`). Contacts created here and not yet listed stay
   * first; deleted ones stay gone; the ones it has not reached yet stay after it. Only a complete walk
   * (`complete`) removes contacts it did not list: offset paging can skip one while another is deleted.
   * `done`: the refresh reached its end, and the contacts are no longer "from before".
   */
  refreshedWith(fresh: readonly Contact[], complete: boolean, totalCount: number, done: boolean): void {
    if (this.disposed) {
      return;
    }
    const seen = new Set<number>();
    const next: Contact[] = [];
    const keep = (contact: Contact | undefined): void => {
      if (contact && !seen.has(contact.id) && !this.gone.has(contact.id)) {
        seen.add(contact.id);
        next.push(contact);
      }
    };
    const freshIds = new Set(fresh.map((c) => c.id));
    this.createdIds = this.createdIds.filter((id) => !freshIds.has(id) && this.byId.has(id));
    this.createdIds.forEach((id) => keep(this.byId.get(id)));
    for (const contact of fresh) {
      keep(newer(this.byId.get(contact.id), contact));
    }
    if (!complete) {
      this.ordered.forEach(keep);
    }
    const totalBefore = this.totalCount;
    this.totalCount = Math.max(complete ? totalCount : Math.max(totalCount, this.totalCount), next.length);
    const same = next.length === this.ordered.length && next.every((c, i) => c === this.ordered[i]);
    if (
      same &&
      (!complete || this.completeValue) &&
      (!done || this.heldSince === undefined) &&
      totalBefore === this.totalCount
    ) {
      // Linq had nothing new: readers (the search, the copy) are not told of a change that is none.
      return;
    }
    if (!same) {
      for (const contact of this.ordered) {
        if (!seen.has(contact.id)) {
          this.byId.delete(contact.id);
        }
      }
      for (const contact of next) {
        this.byId.set(contact.id, contact);
        this.listed.add(contact.id);
      }
      this.ordered = next;
      this.index.reset();
    }
    if (complete) {
      this.completeValue = true;
      this.capped = next.length >= this.maxContacts;
      this.lastPage = Math.min(this.lastPage ?? this.nextToDeliver, this.nextToDeliver - 1);
      this.ahead.clear();
      this.abort.abort();
    }
    if (done) {
      this.heldSince = undefined;
    }
    this.settle();
  }

  /** Every contact held, in the API's order (a live view: it grows as pages arrive). */
  get contacts(): readonly Contact[] {
    return this.ordered;
  }

  /** True once page 1 (or a later page) has been delivered. */
  get loadedAny(): boolean {
    return this.nextToDeliver > 1;
  }

  get complete(): boolean {
    return this.completeValue;
  }

  /** True while list requests are in flight. */
  get busy(): boolean {
    return this.inFlight.size > 0;
  }

  get progress(): StoreProgress {
    const pagesDone = this.nextToDeliver - 1;
    return {
      loaded: this.ordered.length,
      totalCount: Math.max(this.totalCount, this.ordered.length),
      pagesDone,
      totalPages: this.completeValue ? pagesDone : (this.lastPage ?? pagesDone),
      totalKnown: this.totalKnown,
      complete: this.completeValue,
      capped: this.capped,
    };
  }

  /** A contact held by id (from a page, or remembered after a fetch by id). */
  get(id: number): Contact | undefined {
    return this.byId.get(id);
  }

  /**
   * The first contact held (in the API's order) with this email address, ignoring case; from memory only.
   * The index is built on first use and then grows with the list, scanning only what is new.
   */
  byEmail(email: string): Contact | undefined {
    const id = this.index.emailId(this.ordered, email);
    const found = id === undefined ? undefined : this.byId.get(id);
    // A contact remembered after a fetch may have another address now: the index only points the way.
    return found?.email?.toLowerCase() === email.toLowerCase() ? found : undefined;
  }

  /** The first contact held with this phone number (compared as E.164); from memory only. */
  byPhone(phone: string): Contact | undefined {
    const id = this.index.phoneId(this.ordered, phone);
    const found = id === undefined ? undefined : this.byId.get(id);
    return found?.phoneNumber !== undefined && normalizePhone(found.phoneNumber) === normalizePhone(phone)
      ? found
      : undefined;
  }

  /** Keeps a contact fetched by id (newer data wins; a listed contact is replaced in place). */
  remember(contact: Contact): void {
    if (this.disposed) {
      return;
    }
    const old = this.byId.get(contact.id);
    this.byId.set(contact.id, contact);
    this.index.add(contact);
    if (old) {
      const at = this.ordered.indexOf(old);
      if (at >= 0) {
        this.ordered[at] = contact;
      }
    }
  }

  /**
   * A contact this extension created: held at once, shown first (Linq lists the newest first) until a
   * refresh places it where Linq does. A later page that lists it is deduplicated as usual.
   */
  added(contact: Contact): void {
    if (this.disposed) {
      return;
    }
    const at = this.ordered.findIndex((c) => c.id === contact.id);
    const rest = at >= 0 ? [...this.ordered.slice(0, at), ...this.ordered.slice(at + 1)] : this.ordered;
    if (at >= 0) {
      this.index.removedAt(at);
    } else {
      this.totalCount = Math.max(this.totalCount, this.ordered.length) + 1;
      this.createdIds = [contact.id, ...this.createdIds];
    }
    this.ordered = [contact, ...rest];
    this.listed.add(contact.id);
    this.byId.set(contact.id, contact);
    this.index.putFirst(contact);
    this.notify();
  }

  /** A contact this extension updated: replaced wherever it is held; readers see a new list. */
  updated(contact: Contact): void {
    if (this.disposed) {
      return;
    }
    const old = this.byId.get(contact.id);
    this.byId.set(contact.id, contact);
    this.ordered = this.ordered.map((c) => (c === old || c.id === contact.id ? contact : c));
    // Its new email or phone points to it; the old ones are refused by the lookups' own check.
    this.index.add(contact);
    this.notify();
  }

  /** A contact deleted (here or found gone): it leaves every list at once. A later page will not bring it back. */
  removed(id: number): void {
    if (this.disposed) {
      return;
    }
    this.byId.delete(id);
    this.gone.add(id);
    this.createdIds = this.createdIds.filter((c) => c !== id);
    const at = this.ordered.findIndex((c) => c.id === id);
    if (at >= 0) {
      this.ordered = [...this.ordered.slice(0, at), ...this.ordered.slice(at + 1)];
      this.index.removedAt(at);
      this.totalCount = Math.max(0, this.totalCount - 1);
    }
    this.listed.add(id);
    this.notify();
  }

  /** A refresh of the held contacts failed (`undefined`: one starts); listeners hear of it. */
  refreshFailed(error: LinqApiError | undefined): void {
    this.refreshError = error;
    if (!this.disposed) {
      this.notify();
    }
  }

  /** Calls `listener` after every change (pages delivered, completion, failure); returns an unsubscribe. */
  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves once at least `count` contacts are held, or every contact is; rejects when a page it waited
   * for failed (the next call asks for that page again). `user` demand is fetched before the walk's.
   */
  ensure(count: number, priority: Priority = 'user'): Promise<void> {
    if (this.disposed) {
      return Promise.reject(cancelled());
    }
    if (this.satisfied(count)) {
      return Promise.resolve();
    }
    if (this.filling) {
      return this.filling.then(() => this.ensure(count, priority));
    }
    return new Promise<void>((resolve, reject) => {
      this.waiters.add({ count, priority, resolve, reject });
      this.pump();
    });
  }

  /**
   * Loads in the background until `limit` contacts are held (or all are): the walk that prefetch,
   * search and the filter share. Raising the limit extends a walk under way.
   */
  walk(limit: number = Number.POSITIVE_INFINITY): Promise<void> {
    this.walkTarget = Math.max(this.walkTarget, Math.min(limit, this.maxContacts));
    return this.ensure(limit, 'walk');
  }

  /** Stops everything: requests in flight are aborted, late replies dropped, waiters rejected as cancelled. */
  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.abort.abort();
    for (const waiter of this.waiters) {
      waiter.reject(cancelled());
    }
    this.waiters.clear();
    this.listeners.clear();
  }

  /** Pages that may be in flight now: fixed, or as the source adapts to the server. */
  private concurrency(): number {
    return this.fixedConcurrency ?? this.source.walkLimit?.limit ?? WALK_CONCURRENCY;
  }

  private satisfied(count: number): boolean {
    return this.completeValue || this.ordered.length >= count;
  }

  /** The last page needed to hold `count` contacts, assuming full pages from here on. */
  private pagesFor(count: number): number {
    const missing = count - this.ordered.length;
    if (missing <= 0 || this.completeValue) {
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
        if (!this.completeValue) {
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
    while (this.ahead.has(this.nextToDeliver) && !this.completeValue) {
      const contacts = this.ahead.get(this.nextToDeliver) ?? [];
      this.ahead.delete(this.nextToDeliver);
      this.deliver(contacts);
      this.nextToDeliver++;
      if (contacts.length === 0 || this.nextToDeliver > (this.lastPage ?? 0)) {
        this.completeValue = true;
      }
    }
    if (this.completeValue) {
      this.ahead.clear();
    }
  }

  /** The last page worth asking for, as far as this reply tells. */
  private lastPageOf(p: Pagination): number {
    const pageCap = Math.ceil(this.maxContacts / this.perPage);
    return p.estimated ? pageCap : Math.min(pageCap, p.totalPages, Math.ceil(p.totalCount / this.perPage));
  }

  private deliver(contacts: readonly Contact[]): void {
    for (const contact of contacts) {
      if (this.ordered.length >= this.maxContacts) {
        break;
      }
      if (!this.listed.has(contact.id)) {
        this.listed.add(contact.id);
        // A version already held by id (fetched, written, or edited here while the page was on its way) stays
        // when it is newer: a page answered late does not undo a later change.
        const held = this.byId.get(contact.id);
        const kept = held ? newer(held, contact) : contact;
        this.byId.set(contact.id, kept);
        this.ordered.push(kept);
      }
    }
    if (this.ordered.length >= this.maxContacts) {
      this.capped = true;
      this.completeValue = true;
    }
  }

  /** Resolves the waiters now satisfied and tells listeners. */
  private settle(): void {
    for (const waiter of this.waiters) {
      if (this.satisfied(waiter.count)) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
    if (this.completeValue) {
      this.abort.abort();
    }
    this.notify();
  }

  /**
   * A failed page stops the demand that needed it (those callers hear of the failure; the next call asks
   * for the page again); pages already in flight still land.
   */
  private fail(page: number, error: unknown): void {
    if (this.completeValue) {
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
    this.notify();
  }

  private notify(): void {
    this.changedAt = Date.now();
    for (const listener of [...this.listeners]) {
      listener();
    }
  }
}

/**
 * The newer of two versions of one contact by `updated_at` (ISO 8601 text): the held one when it is as new
 * (the same version keeps its object, so an unchanged organisation is no change), the fetched one when unsure.
 */
function newer(held: Contact | undefined, fetched: Contact): Contact {
  if (held?.updatedAt === undefined || fetched.updatedAt === undefined) {
    return held && sameContact(held, fetched) ? held : fetched;
  }
  return held.updatedAt > fetched.updatedAt || (held.updatedAt === fetched.updatedAt && sameContact(held, fetched))
    ? held
    : fetched;
}

/** True when two versions of a contact hold the same values (a server may change one without a new `updated_at`). */
function sameContact(a: Contact, b: Contact): boolean {
  return (
    a.id === b.id &&
    CONTACT_TEXT_FIELDS.every((f) => a[f] === b[f]) &&
    (a.owner === b.owner ||
      (a.owner !== undefined &&
        b.owner !== undefined &&
        a.owner.id === b.owner.id &&
        OWNER_TEXT_FIELDS.every((f) => a.owner?.[f] === b.owner?.[f])))
  );
}

function cancelled(): LinqApiError {
  return new LinqApiError('cancelled', 'The request was cancelled.');
}
