import type { LinqApiError } from '../../api/linqApiError';
import { MAX_CONTACTS } from '../../api/limits';
import type { Contact } from '../../api/types';
import type { HeldContacts } from '../../cache/cacheCodec';
import { Arrivals } from './arrivals';
import { ContactCollection } from './contactCollection';
import { mergeOtherWindow, mergeRefresh, sameList } from './refreshMerge';
import { PageScheduler, type PageSource, type Priority, type StoreProgress } from './pageScheduler';

export type { HeldContacts } from '../../cache/cacheCodec';
export type { PageSource, Priority, StoreProgress } from './pageScheduler';

/** Options for a `ContactStore`. */
export interface ContactStoreOptions {
  /** `per_page` of every list request, 1–100 (default 100: fewest requests). */
  readonly perPage?: number;
  /** List requests in flight at once, fixed (at least 1); without it, the source's `walkLimit`, else 4. */
  readonly concurrency?: number;
  /** Contacts held at most (default `MAX_CONTACTS`); the store stops there with `capped` set. */
  readonly maxContacts?: number;
  /** Start from these (the cache): they answer at once; `heldSince` says when they were loaded until a refresh. */
  readonly held?: HeldContacts;
}

/**
 * Every contact of one connection (token and base URL), loaded page by page and kept once. The tree, Load more, the
 * filter, search, lookup and the detail tab all read from here, so within one connection each page is requested once.
 * Its rooms: the collection (`ContactCollection`: order, by id, the email/phone index, the writes' effects), the page
 * scheduler (`PageScheduler`: demand, pages in flight), the refresh merge (`mergeRefresh`), the start from the cache.
 */
export class ContactStore {
  private readonly collection: ContactCollection;
  private readonly pages: PageScheduler;
  private readonly listeners = new Set<() => void>();
  private filling: Promise<void> | undefined;
  private disposed = false;
  /** When the contacts shown were loaded, while they come from before (the cache) and no refresh replaced them. */
  heldSince: number | undefined;
  /** Why the last refresh of held contacts failed (they stay as they were); cleared when one starts. */
  refreshError: LinqApiError | undefined;
  /** When the contacts last changed (a page, a write, a refresh), for the cache's time. */
  changedAt = Date.now();
  private readonly arrivals = new Arrivals();
  /** When the walk behind a complete list started (this window's, or the window whose cache was taken in). */
  walkStartedAt: number | undefined;
  /** True when the last change was a write made here (the cache is written at once, for the other windows). */
  lastChangeWasWrite = false;

  constructor(source: PageSource, options: ContactStoreOptions = {}) {
    const maxContacts = options.maxContacts ?? MAX_CONTACTS;
    this.collection = new ContactCollection(maxContacts);
    this.pages = new PageScheduler(source, this.collection, () => this.notify(), maxContacts, options);
    if (options.held) {
      this.startFrom(options.held);
    } else {
      // A cold walk starts about now: what it lists as complete was held (in Linq) no later than this.
      this.walkStartedAt = Date.now();
    }
  }

  get perPage(): number {
    return this.pages.perPage;
  }

  /** List requests sent, for the log and the benchmark. */
  get requests(): number {
    return this.pages.requests;
  }

  /** Contacts put first by `added` and not yet placed by a refresh (the view shows that many rows more). */
  get createdHere(): number {
    return this.collection.createdHere;
  }

  /**
   * The rest of the held contacts, being read (the first came in `held`; more come in `heldMore`): demand waits for
   * all of them before anything is asked of Linq. A rest that cannot be read leaves what is held.
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
          this.pages.settle();
        }
      });
    this.filling = filling;
  }

  /** More of the held contacts as they are read (`fillFrom`); with `tell`, listeners hear of them now. */
  heldMore(batch: readonly Contact[], tell: boolean): void {
    if (this.filling && !this.disposed) {
      this.pages.delivered(batch);
      if (tell) {
        this.notify();
      }
    }
  }

  /** True while held contacts are still being read (`fillFrom`): what the store holds is not all it will. */
  get reading(): boolean {
    return this.filling !== undefined;
  }

  /** Resolves once the held contacts are all read. */
  get filled(): Promise<void> {
    return this.filling ?? Promise.resolve();
  }

  /** Takes held contacts as if a walk had delivered them (again for the cache's rest: held ids are dropped). */
  private startFrom(held: HeldContacts): void {
    this.pages.delivered(held.contacts);
    this.pages.heldAlready(held.totalCount, held.complete);
    this.heldSince = held.takenAt;
    this.changedAt = held.takenAt;
    this.walkStartedAt = held.share?.walkStartedAt;
  }

  /**
   * Another window's cache, written after what is held, taken in by `mergeOtherWindow`; a complete list completes this
   * store, its new contacts count as arrivals, and what is held is as fresh as the fresher of the two (not "now").
   */
  takeIn(other: HeldContacts): void {
    if (this.disposed) {
      return;
    }
    const freshness = Math.max(this.heldSince ?? this.changedAt, other.takenAt);
    this.collection.markGone(other.share?.deleted ?? []);
    this.arrivals.noteNew(other.contacts, this.collection, this.pages.complete);
    const next = mergeOtherWindow(this.collection, other, (id) => this.arrivals.at(id));
    if (!sameList(next, this.collection.contacts)) {
      this.collection.replace(next);
    }
    this.pages.totalCount = Math.max(this.pages.totalCount, other.totalCount, next.length);
    this.heldSince = this.heldSince !== undefined && other.takenAt > this.heldSince ? undefined : this.heldSince;
    if (other.complete && !this.pages.complete) {
      this.pages.completedElsewhere();
      this.walkStartedAt = other.share?.walkStartedAt;
    }
    this.notify();
    this.pages.settle();
    this.changedAt = freshness;
  }

  /** What the encrypted cache keeps of this store: its contacts, how far it got, and when; `writer` shares it. */
  heldContacts(writer?: string): HeldContacts {
    const complete = this.pages.complete;
    return {
      contacts: this.collection.contacts,
      totalCount: Math.max(this.pages.totalCount, this.collection.size),
      complete,
      takenAt: this.heldSince ?? this.changedAt,
      share: writer
        ? {
            writer,
            generation: Date.now(),
            deleted: this.collection.recentlyGone(),
            walkStartedAt: complete ? this.walkStartedAt : undefined,
          }
        : undefined,
    };
  }

  /**
   * A refresh's walk (another store over the same connection) got this far: its contacts replace the ones
   * held (see `mergeRefresh`). `done`: the refresh reached its end, and the contacts are no longer "from before".
   */
  refreshedWith(
    fresh: readonly Contact[],
    complete: boolean,
    totalCount: number,
    done: boolean,
    walkStartedAt?: number,
  ): void {
    if (this.disposed) {
      return;
    }
    if (complete && walkStartedAt !== undefined) {
      this.walkStartedAt = walkStartedAt;
    }
    const next = mergeRefresh(this.collection, fresh, complete);
    this.arrivals.noteNew(fresh, this.collection, this.pages.complete);
    const totalBefore = this.pages.totalCount;
    this.pages.totalCount = Math.max(complete ? totalCount : Math.max(totalCount, totalBefore), next.length);
    const same = sameList(next, this.collection.contacts);
    if (
      same &&
      (!complete || this.pages.complete) &&
      (!done || this.heldSince === undefined) &&
      totalBefore === this.pages.totalCount
    ) {
      // Linq had nothing new: readers (the search, the cache) are not told of a change that is none.
      return;
    }
    if (!same) {
      this.collection.replace(next);
    }
    if (complete) {
      this.pages.completedElsewhere();
    }
    if (done) {
      this.heldSince = undefined;
    }
    this.pages.settle();
  }

  /** Ids a refresh or another window brought that were not held (a live list), never the first walk's nor creates. */
  get arrived(): readonly number[] {
    return this.arrivals.ids;
  }

  /** Every contact held, in the API's order (a live view: it grows as pages arrive). */
  get contacts(): readonly Contact[] {
    return this.collection.contacts;
  }

  /** True once page 1 (or a later page) has been delivered. */
  get loadedAny(): boolean {
    return this.pages.pagesDone > 0;
  }

  get complete(): boolean {
    return this.pages.complete;
  }

  get busy(): boolean {
    return this.pages.busy;
  }

  get progress(): StoreProgress {
    return this.pages.progress(this.collection.size);
  }

  /** A contact held by id (from a page, or remembered after a fetch by id). */
  get(id: number): Contact | undefined {
    return this.collection.get(id);
  }

  /** The first contact held with this email address, ignoring case; from memory only. */
  byEmail(email: string): Contact | undefined {
    return this.collection.byEmail(email);
  }

  /** The first contact held with this phone number (compared as E.164); from memory only. */
  byPhone(phone: string): Contact | undefined {
    return this.collection.byPhone(phone);
  }

  /** Keeps a contact fetched by id when it is newer; a listed one that changed is replaced in a new list, and heard of. */
  remember(contact: Contact): void {
    if (!this.disposed && this.collection.remember(contact)) {
      this.notify();
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
    const held = this.collection.size;
    this.arrivals.note(contact.id);
    if (this.collection.added(contact)) {
      this.pages.totalCount = Math.max(this.pages.totalCount, held) + 1;
    }
    this.notify(true);
  }

  /** A contact this extension updated: replaced wherever it is held; readers see a new list. */
  updated(contact: Contact): void {
    if (!this.disposed) {
      this.collection.updated(contact);
      this.notify(true);
    }
  }

  /** A contact deleted (here or found gone): it leaves every list at once. A later page will not bring it back. */
  removed(id: number): void {
    if (this.disposed) {
      return;
    }
    if (this.collection.removed(id)) {
      this.pages.totalCount = Math.max(0, this.pages.totalCount - 1);
    }
    this.notify(true);
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
   * Resolves once `count` contacts (or all) are held; rejects when a page it waited for failed (the next call asks for
   * it again). `user` demand is fetched before the walk's.
   */
  ensure(count: number, priority: Priority = 'user'): Promise<void> {
    if (!this.disposed && this.filling && !(this.pages.complete || this.collection.size >= count)) {
      return this.filling.then(() => this.ensure(count, priority));
    }
    return this.pages.ensure(count, priority);
  }

  /** Loads in the background until `limit` contacts are held (or all): prefetch, search and the filter share it. */
  walk(limit: number = Number.POSITIVE_INFINITY): Promise<void> {
    this.pages.walkTo(limit);
    return this.ensure(limit, 'walk');
  }

  /** Stops everything: requests in flight are aborted, late replies dropped, waiters rejected as cancelled. */
  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.pages.dispose();
    this.listeners.clear();
  }

  /** Tells the listeners; `byWrite`: the change is a write made here. */
  private notify(byWrite = false): void {
    this.lastChangeWasWrite = byWrite;
    this.changedAt = Date.now();
    for (const listener of [...this.listeners]) {
      listener();
    }
  }
}
