import * as vscode from 'vscode';
import { asLinqError, LinqApiError } from '../api/linqApiError';
import { LinqClient } from '../api/linqClient';
import type { Contact, FindQuery } from '../api/types';
import { findExisting, type WriteTarget } from './contactWriter';
import type { TokenStore } from '../auth/tokenStore';
import { affectsConnection, readOnlyMode, readSettings, workspaceOffersBaseUrl } from '../config';
import { MAX_PER_PAGE } from '../api/limits';
import type { Logger } from '../log/logger';
import { ContactStore, type StoreProgress } from './contactStore';

/** Listener for the all-contacts walk: every contact so far, and where the walk stands. */
export type AllContactsListener = (all: readonly Contact[], progress: StoreProgress | undefined, done: boolean) => void;

/** The client and the contact store of one connection. */
interface Connection {
  readonly client: LinqClient;
  readonly store: ContactStore;
}

/**
 * The connection to Linq as the settings and the token define it now: the API client and the one
 * `ContactStore` that the tree, search, the filter, lookup and the detail tab all read. A new token, a
 * new base URL or Refresh disposes the store (its late answers are dropped there) and fires `onDidChange`.
 */
export class LinqSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the token or connection settings change: everything loaded is stale. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private connection: Promise<Connection | undefined> | undefined;
  /** The store of the connection, once made (synchronous reads: lookups, revived tabs). */
  private current: ContactStore | undefined;
  private toldOfWorkspaceUrl = false;
  /** Stores whose background prefetch was started by `prefetch` (once per connection). */
  private readonly prefetched = new WeakSet<ContactStore>();

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

  private connect(): Promise<Connection | undefined> {
    if (this.connection) {
      return this.connection;
    }
    const pending: Promise<Connection | undefined> = this.tokens.get().then((token) => {
      if (token === undefined) {
        return undefined;
      }
      this.log?.hide(token);
      if (!this.toldOfWorkspaceUrl && workspaceOffersBaseUrl()) {
        this.toldOfWorkspaceUrl = true;
        this.log?.warn('A workspace or folder sets linqContacts.apiBaseUrl: ignored. Only your user settings decide where the token is sent.');
      }
      const client = new LinqClient({ baseUrl: readSettings().apiBaseUrl, token, readOnly: readOnlyMode });
      this.log?.info(`Connecting to ${client.host}.`);
      const store = new ContactStore(client, { perPage: MAX_PER_PAGE });
      this.watch(store, client);
      if (this.connection === pending) {
        this.current = store;
      } else {
        // Reset while the token was read: this connection is already stale.
        store.dispose();
      }
      return { client, store };
    });
    this.connection = pending;
    return pending;
  }

  /** Logs counts (never contact data) when the store has every contact. */
  private watch(store: ContactStore, client: LinqClient): void {
    const started = Date.now();
    let told = false;
    store.onDidChange(() => {
      const p = store.progress;
      if (!told && p.complete) {
        told = true;
        this.log?.info(`Loaded all ${p.loaded} contacts in ${Date.now() - started} ms (${p.pagesDone} pages, ${store.requests} list requests; pages in flight settled at ${client.walkLimit.limit}).`);
        if (p.capped) {
          this.log?.warn(`Stopped loading at ${p.loaded} contacts, the most the extension holds.`);
        }
      }
    });
  }

  /** The contact store of the current connection; `undefined` when no token is set. */
  async store(): Promise<ContactStore | undefined> {
    return (await this.connect())?.store;
  }

  /** The connection, or a typed error when there is no token. A refused base URL rejects with `config`. */
  private async requireConnection(): Promise<Connection> {
    const connection = await this.connect();
    if (!connection) {
      throw new LinqApiError('auth', 'No API token is set.');
    }
    return connection;
  }

  /**
   * The client and store writes go through (`contactWriter`); a typed `auth` error without a token. The
   * client itself refuses anything but `GET` in read-only mode.
   */
  async writeTarget(): Promise<WriteTarget> {
    return this.requireConnection();
  }

  /** The contact with this email or phone: from memory, else Linq's `find` (kept by id when found). */
  async find(query: FindQuery, signal?: AbortSignal): Promise<Contact | undefined> {
    return findExisting(await this.requireConnection(), query, signal);
  }

  /** True once the store holds every contact of the organisation (nothing left to find). */
  holdsAll(): boolean {
    return this.current?.complete ?? false;
  }

  /** The first contact held with this phone number (compared as E.164), from memory only. */
  knownByPhone(phone: string): Contact | undefined {
    return this.current?.byPhone(phone);
  }

  /** A contact already loaded by any part of the extension. */
  knownContact(id: number): Contact | undefined {
    return this.current?.get(id);
  }

  /** The first contact loaded with this email address (ignoring case), from memory only. */
  knownByEmail(email: string): Contact | undefined {
    return this.current?.byEmail(email);
  }

  /**
   * For features that answer from memory (mentions, hovers): loads up to `linqContacts.prefetchLimit`
   * contacts in the background, once per connection; nothing when the limit is 0 or no token is set.
   * A failure is logged only (nobody is waiting); the next connection tries again.
   */
  prefetch(): void {
    const limit = readSettings().prefetchLimit;
    if (limit === 0) {
      return;
    }
    this.connect()
      .then((connection) => {
        const store = connection?.store;
        if (!store || store.complete || this.prefetched.has(store)) {
          return undefined;
        }
        this.prefetched.add(store);
        return store.walk(limit);
      })
      .catch((error: unknown) => {
        const e = asLinqError(error);
        if (e.kind !== 'cancelled') {
          this.log?.warnError('Loading contacts in the background', e);
        }
      });
  }

  /** Every contact listed so far, in the API's order (the store's own list: it grows, read it only). */
  knownContacts(): readonly Contact[] {
    return this.current?.contacts ?? [];
  }

  /** Fetches one contact (outside the page queue: it never waits behind the walk) and keeps it. */
  async fetchContact(id: number, signal?: AbortSignal): Promise<Contact> {
    const connection = await this.requireConnection();
    const contact = await connection.client.getContact(id, { signal });
    connection.store.remember(contact);
    return contact;
  }

  /**
   * Starts (or extends) the walk over all contacts. The listener is called at once with what is held and
   * then after every change; the returned disposable stops listening (the walk goes on for others).
   */
  loadAll(listener?: AllContactsListener): { promise: Promise<readonly Contact[]>; dispose(): void } {
    let unsubscribe: (() => void) | undefined;
    let disposed = false;
    const promise = this.requireConnection().then(async ({ store }) => {
      if (listener && !disposed) {
        const tell = (): void => listener(store.contacts, store.progress, store.complete);
        unsubscribe = store.onDidChange(tell);
        tell();
      }
      await store.walk();
      return store.contacts;
    });
    return {
      promise,
      dispose: () => {
        disposed = true;
        unsubscribe?.();
      },
    };
  }

  /** Drops the client, the store (and with it every late answer) and tells listeners. */
  reset(): void {
    this.current?.dispose();
    this.current = undefined;
    this.connection = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.current?.dispose();
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
