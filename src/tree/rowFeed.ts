import * as vscode from 'vscode';
import { asLinqError, type LinqApiError } from '../api/linqApiError';
import type { Contact } from '../api/types';
import { Commands, VIEW_ID } from '../constants';
import type { ContactStore } from '../contacts/contactStore';
import type { LinqSession } from '../contacts/linqSession';
import { readSettings } from '../config';
import { describeError } from '../errors/describeError';
import type { Logger } from '../log/logger';

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
}

/**
 * The connection's contact store feeding the view's rows: the first `pageSize` rows when the view is
 * first shown, `pageSize` more per Load more (from memory when the store already holds them, else asked
 * for ahead of the background walk's pages), then the prefetch up to `linqContacts.prefetchLimit`. Loading
 * shows in the view's progress bar only. Failures become the view's error (the auth one also a warning,
 * once); a background prefetch failing is only logged. Everything starts over when the session resets.
 */
export class RowFeed implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when rows, counts or the error changed (batched while pages stream in). */
  readonly onDidChange = this.changed.event;
  private store: ContactStore | undefined;
  private unsubscribe: (() => void) | undefined;
  /** Bumped on every reset: work started for an older connection stops at its next step. */
  private generation = 0;
  private shownCount = 0;
  private shownAny = false;
  private prefetched = false;
  private authNotified = false;
  private errorValue: LinqApiError | undefined;
  private loading: Promise<void> | undefined;
  private endProgress: (() => void) | undefined;
  private updateTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly session: LinqSession,
    private readonly log?: Logger,
  ) {}

  /** The connection's contacts held so far (all of them, not only the rows shown). */
  get held(): readonly Contact[] {
    return this.store?.contacts ?? [];
  }

  get rows(): readonly Contact[] {
    // Contacts created here come first and push the rows down: show them on top of what was shown.
    return this.held.slice(0, this.shownCount + (this.shownAny ? (this.store?.createdHere ?? 0) : 0));
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

  get loadedAny(): boolean {
    return this.shownAny;
  }

  get complete(): boolean {
    return this.store?.complete ?? false;
  }

  /** True while rows remain to be shown by Load more. */
  get hasMore(): boolean {
    return this.shownAny && !!this.store && (this.store.contacts.length > this.shownCount || !this.store.complete);
  }

  /** The organisation's count as the server last said (never less than held), and whether it said. */
  get total(): { count: number; known: boolean; capped: boolean } {
    const p = this.store?.progress;
    return { count: Math.max(p?.totalCount ?? 0, this.shownCount), known: p?.totalKnown ?? true, capped: p?.capped ?? false };
  }

  snapshot(): RowsSnapshot {
    return { contacts: this.rows, error: this.errorValue, loadedAny: this.shownAny, complete: this.complete };
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
      this.showProgress(store);
      this.changed.fire();
      try {
        await walk;
      } catch (error) {
        if (generation === this.generation) {
          this.fail(asLinqError(error));
        }
      }
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
    this.endProgress?.();
    this.store = undefined;
    this.shownCount = 0;
    this.shownAny = false;
    this.prefetched = false;
    this.authNotified = false;
    this.errorValue = undefined;
    this.loading = undefined;
  }

  private async showMore(): Promise<void> {
    const generation = this.generation;
    this.errorValue = undefined;
    await this.withStore(async (store) => {
      const target = this.shownCount + readSettings().pageSize;
      const ensure = store.ensure(target, 'user');
      this.showProgress(store);
      try {
        await ensure;
      } catch (error) {
        if (generation === this.generation) {
          this.fail(asLinqError(error));
        }
        return;
      }
      if (generation !== this.generation) {
        return;
      }
      this.shownCount = Math.min(target, store.contacts.length);
      this.shownAny = true;
      this.prefetch(store);
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
      if (generation === this.generation) {
        this.fail(asLinqError(error));
      }
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

  /** Once the first rows are shown, the rest loads in the background up to the prefetch limit. */
  private prefetch(store: ContactStore): void {
    const limit = readSettings().prefetchLimit;
    if (this.prefetched || limit === 0 || store.complete) {
      return;
    }
    this.prefetched = true;
    store.walk(limit).catch((error: unknown) => {
      const e = asLinqError(error);
      if (e.kind !== 'cancelled') {
        // Nobody asked for these contacts yet: the log says so, the view does not.
        this.log?.warnError('Loading contacts in the background', e);
      }
    });
    this.showProgress(store);
  }

  /** The view's progress bar while the store has requests in flight. */
  private showProgress(store: ContactStore): void {
    if (this.endProgress || !store.busy) {
      return;
    }
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const off = store.onDidChange(() => {
      if (!store.busy) {
        end();
      }
    });
    const end = (): void => {
      off();
      if (this.endProgress === end) {
        this.endProgress = undefined;
      }
      finish();
    };
    this.endProgress = end;
    void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => done);
  }

  private fail(error: LinqApiError): void {
    if (error.kind === 'cancelled') {
      return;
    }
    this.errorValue = error;
    this.log?.warnError('Contacts view', error);
    if (error.kind === 'auth' && !this.authNotified) {
      this.authNotified = true;
      const setToken = vscode.l10n.t('Set API Token');
      void vscode.window.showWarningMessage(describeError(error), setToken).then((choice) => {
        if (choice === setToken) {
          void vscode.commands.executeCommand(Commands.setToken);
        }
      });
    }
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
  }
}
