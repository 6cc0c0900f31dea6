import * as vscode from 'vscode';
import { asLinqError, type LinqApiError } from '../api/linqApiError';
import type { Contact } from '../api/types';
import type { ContactStore } from '../contacts/store/contactStore';
import type { LinqSession } from '../contacts/linqSession';
import { readSettings } from '../config';

/** How long view updates are batched while many pages arrive at once. */
const UPDATE_BATCH_MS = 150;

/** What the view has loaded, as plain data (the extension's tests read it). */
export interface RowsSnapshot {
  /** The rows shown (without a filter), in the API's order. */
  readonly contacts: readonly Contact[];
  readonly error: LinqApiError | undefined;
  /** True once the first rows are shown (or the organisation turned out empty). */
  readonly loadedAny: boolean;
  /** True once the store holds every contact. */
  readonly complete: boolean;
  /** When the contacts were loaded, while they come from the local copy (the view says "as of"). */
  readonly heldSince: number | undefined;
}

/**
 * The connection's contact store feeding the view's rows, as data: the first `pageSize` rows when the view
 * is first shown, `pageSize` more per Load more (from memory when the store already holds them, else asked
 * for ahead of the background walk's pages), then the session's prefetch up to `linqContacts.prefetchLimit`.
 * A failure the view waited for becomes its `error`; the provider decides what the user sees (progress,
 * messages). Everything starts over when the session resets.
 */
export class RowFeed implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when rows, counts or the error changed (batched while pages stream in). */
  readonly onDidChange = this.changed.event;
  private readonly loadingStarted = new vscode.EventEmitter<void>();
  /** Fires when requests may have started (Load more, the prefetch, the filter's walk): `busy` tells. */
  readonly onDidStartLoading = this.loadingStarted.event;
  private store: ContactStore | undefined;
  private unsubscribe: (() => void) | undefined;
  /** Bumped on every reset: work started for an older connection stops at its next step. */
  private generation = 0;
  private shownCount = 0;
  private shownAny = false;
  private errorValue: LinqApiError | undefined;
  private loading: Promise<void> | undefined;
  private updateTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly session: LinqSession) {}

  /** The connection's contacts held so far (all of them, not only the rows shown). */
  get held(): readonly Contact[] {
    return this.store?.contacts ?? [];
  }

  get rows(): readonly Contact[] {
    return this.held.slice(0, this.rowCount);
  }

  /** How many rows show: Load more's pages, and the contacts created here (they come first and push the rest down). */
  get rowCount(): number {
    return this.shownCount + (this.shownAny ? (this.store?.createdHere ?? 0) : 0);
  }

  /** The ids the store's refreshes brought that it did not hold before (a list that grows). */
  get arrived(): readonly number[] {
    return this.store?.arrived ?? [];
  }

  get error(): LinqApiError | undefined {
    return this.errorValue;
  }

  get started(): boolean {
    return this.shownAny || this.loading !== undefined || this.errorValue !== undefined;
  }

  get isLoading(): boolean {
    return this.loading !== undefined;
  }

  /** True while the store has list requests in flight (Load more, the prefetch, the filter's walk). */
  get busy(): boolean {
    return this.store?.busy ?? false;
  }

  get loadedAny(): boolean {
    return this.shownAny;
  }

  get complete(): boolean {
    return this.store?.complete ?? false;
  }

  /** When the contacts held were loaded, while they come from the local copy or a refresh is under way. */
  get heldSince(): number | undefined {
    return this.store?.heldSince;
  }

  /** Why the last refresh of held contacts failed (they are shown as they were). */
  get refreshError(): LinqApiError | undefined {
    return this.store?.refreshError;
  }

  /** True while rows remain to be shown by Load more. */
  get hasMore(): boolean {
    return this.shownAny && !!this.store && (this.store.contacts.length > this.shownCount || !this.store.complete);
  }

  /** The organisation's count as the server last said (never less than held), and whether it said. */
  get total(): { count: number; known: boolean; capped: boolean } {
    const p = this.store?.progress;
    return {
      count: Math.max(p?.totalCount ?? 0, this.shownCount),
      known: p?.totalKnown ?? true,
      capped: p?.capped ?? false,
    };
  }

  snapshot(): RowsSnapshot {
    return {
      contacts: this.rows,
      error: this.errorValue,
      loadedAny: this.shownAny,
      complete: this.complete,
      heldSince: this.heldSince,
    };
  }

  /**
   * Shows `pageSize` more rows. A call while one is pending joins it, so two clicks never ask twice.
   * Failures are shown in the view, never thrown.
   */
  loadMore(): Promise<void> {
    if (this.loading) {
      return this.loading;
    }
    const loading = this.showMore().finally(() => {
      if (this.loading === loading) {
        this.loading = undefined;
      }
      this.changed.fire();
    });
    this.loading = loading;
    return loading;
  }

  /** Loads every contact in the background (the filter needs them all); a failure shows Retry. */
  walkAll(): void {
    const generation = this.generation;
    this.errorValue = undefined;
    void this.withStore(async (store) => {
      const walk = store.walk();
      this.loadingStarted.fire();
      this.changed.fire();
      await walk.catch((error: unknown) => this.failFor(generation, error));
    });
  }

  /** Shows the first page's worth again (the page size changed); nothing is fetched again. */
  restartRows(): void {
    if (this.shownAny) {
      this.shownCount = Math.min(readSettings().pageSize, this.held.length);
      this.changed.fire();
    }
  }

  /** Forgets the connection's rows and errors (the session reset: its store is already disposed). */
  reset(): void {
    this.generation++;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.store = undefined;
    this.shownCount = 0;
    this.shownAny = false;
    this.errorValue = undefined;
    this.loading = undefined;
  }

  private async showMore(): Promise<void> {
    const generation = this.generation;
    this.errorValue = undefined;
    await this.withStore(async (store) => {
      const target = this.shownCount + readSettings().pageSize;
      const ensure = store.ensure(target, 'user');
      this.loadingStarted.fire();
      try {
        await ensure;
      } catch (error) {
        this.failFor(generation, error);
        return;
      }
      if (generation !== this.generation) {
        return;
      }
      this.shownCount = Math.min(target, store.contacts.length);
      this.shownAny = true;
      // Once the first rows are shown, the rest loads in the background (the session's one prefetch).
      this.session.prefetch();
      this.loadingStarted.fire();
    });
  }

  /** Runs `work` with the connection's store (subscribing to it once); no token: nothing happens. */
  private async withStore(work: (store: ContactStore) => Promise<void>): Promise<void> {
    const generation = this.generation;
    let store: ContactStore | undefined;
    try {
      store = await this.session.store();
    } catch (error) {
      // A refused base URL.
      this.failFor(generation, error);
      return;
    }
    if (!store || generation !== this.generation) {
      return;
    }
    if (this.store !== store) {
      this.store = store;
      this.unsubscribe = store.onDidChange(() => this.scheduleUpdate());
    }
    await work(store);
  }

  /** A failure of work started for `generation`: the view's error, unless the connection changed since or it was cancelled. */
  private failFor(generation: number, thrown: unknown): void {
    const error = asLinqError(thrown);
    if (generation !== this.generation || error.kind === 'cancelled') {
      return;
    }
    this.errorValue = error;
    this.changed.fire();
  }

  private scheduleUpdate(): void {
    this.updateTimer ??= setTimeout(() => {
      this.updateTimer = undefined;
      this.changed.fire();
    }, UPDATE_BATCH_MS);
  }

  dispose(): void {
    this.reset();
    clearTimeout(this.updateTimer);
    this.changed.dispose();
    this.loadingStarted.dispose();
  }
}
