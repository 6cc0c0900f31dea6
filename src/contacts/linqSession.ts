import * as vscode from 'vscode';
import { loadAllContacts, type AllContactsProgress } from '../api/contactPager';
import { LinqApiError } from '../api/linqApiError';
import { LinqClient } from '../api/linqClient';
import type { Contact } from '../api/types';
import type { TokenStore } from '../auth/tokenStore';
import { affectsConnection, readSettings, workspaceOffersBaseUrl } from '../config';
import { MAX_PER_PAGE, WALK_CONCURRENCY } from '../api/limits';
import type { Logger } from '../log/logger';

/** Listener for the all-contacts walk: every contact so far, and where the walk stands. */
export type AllContactsListener = (all: readonly Contact[], progress: AllContactsProgress | undefined, done: boolean) => void;

/**
 * The connection to Linq as the settings and the token define it now. Owns the API client (a new one
 * when the URL or token changes), the contacts known so far (for instant lookups), and the one walk
 * over all contacts that search and the filter share. `onDidChange` fires when all of that resets.
 */
export class LinqSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the token or connection settings change: everything loaded is stale. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private clientPromise: Promise<LinqClient | undefined> | undefined;
  private readonly known = new Map<number, Contact>();
  private walk: { abort: AbortController; all: Contact[]; promise: Promise<readonly Contact[]>; progress?: AllContactsProgress; listeners: Set<AllContactsListener>; done: boolean } | undefined;
  private toldOfWorkspaceUrl = false;

  constructor(
    private readonly tokens: TokenStore,
    private readonly log?: Logger,
  ) {
    this.disposables.push(
      this.changed,
      tokens.onDidChange(() => this.reset()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsConnection(e)) {
          this.reset();
        }
      }),
    );
  }

  async hasToken(): Promise<boolean> {
    return (await this.tokens.get()) !== undefined;
  }

  /**
   * The client for the current settings and token; `undefined` when no token is set. A refused base URL
   * rejects with a `config` error.
   */
  client(): Promise<LinqClient | undefined> {
    this.clientPromise ??= this.tokens.get().then((token) => {
      if (token === undefined) {
        return undefined;
      }
      this.log?.hide(token);
      if (!this.toldOfWorkspaceUrl && workspaceOffersBaseUrl()) {
        this.toldOfWorkspaceUrl = true;
        this.log?.warn('A workspace or folder sets linqContacts.apiBaseUrl: ignored. Only your user settings decide where the token is sent.');
      }
      const client = new LinqClient({ baseUrl: readSettings().apiBaseUrl, token });
      this.log?.info(`Connecting to ${client.host}.`);
      return client;
    });
    return this.clientPromise;
  }

  /** The client, or a typed error when there is no token. */
  async requireClient(): Promise<LinqClient> {
    const client = await this.client();
    if (!client) {
      throw new LinqApiError('auth', 'No API token is set.');
    }
    return client;
  }

  /** Remembers contacts as they arrive, newest data winning. */
  remember(contacts: readonly Contact[]): void {
    for (const contact of contacts) {
      this.known.set(contact.id, contact);
    }
  }

  /** A contact already loaded by any part of the extension. */
  knownContact(id: number): Contact | undefined {
    return this.known.get(id);
  }

  /** Every contact loaded so far, in the order first seen. */
  knownContacts(): Contact[] {
    return [...this.known.values()];
  }

  /** Fetches one contact and remembers it. */
  async fetchContact(id: number, signal?: AbortSignal): Promise<Contact> {
    const client = await this.requireClient();
    const contact = await client.getContact(id, { signal });
    this.remember([contact]);
    return contact;
  }

  /**
   * Starts (or joins) the walk over all contacts. The listener is called at once with what is known and
   * then after every page; the returned disposable stops listening (the walk goes on for others).
   */
  loadAll(listener?: AllContactsListener): { promise: Promise<readonly Contact[]>; dispose(): void } {
    if (!this.walk) {
      const abort = new AbortController();
      const started = Date.now();
      const walk: NonNullable<LinqSession['walk']> = { abort, all: [], listeners: new Set(), done: false, promise: Promise.resolve([]) };
      walk.promise = this.requireClient()
        .then((client) =>
          loadAllContacts(client, {
            perPage: MAX_PER_PAGE,
            concurrency: WALK_CONCURRENCY,
            signal: abort.signal,
            onContacts: (fresh, progress) => {
              walk.all.push(...fresh);
              walk.progress = progress;
              this.remember(fresh);
              walk.listeners.forEach((l) => l(walk.all, progress, false));
            },
          }),
        )
        .then(
          (all) => {
            walk.done = true;
            // Counts only: the log never holds contact data beyond ids.
            this.log?.info(`Loaded all ${all.length} contacts in ${Date.now() - started} ms (${walk.progress?.pagesDone ?? 0} pages).`);
            walk.listeners.forEach((l) => l(walk.all, walk.progress, true));
            return all;
          },
          (error: unknown) => {
            // A failed walk may be tried again by the next caller.
            if (this.walk === walk) {
              this.walk = undefined;
            }
            throw error;
          },
        );
      this.walk = walk;
    }
    const walk = this.walk;
    if (listener) {
      walk.listeners.add(listener);
      listener(walk.all, walk.progress, walk.done);
    }
    return {
      promise: walk.promise,
      dispose: () => {
        if (listener) {
          walk.listeners.delete(listener);
        }
      },
    };
  }

  /** Drops the client, what is known and any walk; tells listeners. */
  reset(): void {
    this.clientPromise = undefined;
    this.known.clear();
    this.walk?.abort.abort();
    this.walk = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.walk?.abort.abort();
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
