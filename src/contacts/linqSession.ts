import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { asLinqError, LinqApiError } from '../api/linqApiError';
import { LinqClient } from '../api/linqClient';
import type { Contact, FindQuery } from '../api/types';
import { findExisting, type WriteTarget } from './contactWriter';
import type { TokenStore } from '../auth/tokenStore';
import { affectsConnection, readOnlyMode, readSettings, workspaceOffersBaseUrl } from '../config';
import { MAX_PER_PAGE, WALK_CONCURRENCY } from '../api/limits';
import type { Logger } from '../log/logger';
import type { ContactCache, CacheConnection } from './contactCache';
import { logWhenAllLoaded, openConnection, shareCache, type Connection, type SharedCache } from './connection';
import { ContactStore, type StoreProgress } from './store/contactStore';
import { refreshInPlace, type RefreshWalk } from './store/refreshMerge';

/** Listener for the all-contacts walk: every contact so far, and where the walk stands. */
export type AllContactsListener = (all: readonly Contact[], progress: StoreProgress | undefined, done: boolean) => void;

const REFRESH_SETTLE_MS = 2_000; // The refresh of a start from the cache waits this long (see `refreshIfDue`).

/**
 * The connection to Linq as the settings and the token define it now: the API client and the one
 * `ContactStore` that the tree, search, the filter, lookup and the detail tab all read. The store starts
 * from the encrypted cache when there is one (read when something first needs contacts) and a refresh walk
 * then updates it in place; the cache is written again after walks and writes. A new token or a new base
 * URL disposes the store (its late answers are dropped there), deletes the old cache and fires `onDidChange`.
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
  /** The refresh walk under way (a second store over the same client), and how to stop it. */
  private refreshing: RefreshWalk | undefined;
  /** The connection the cache now belongs to (its file goes when the token or URL changes). */
  private owner: CacheConnection | undefined;
  /** A store started from the cache, refreshed at the first `prefetch` or `loadAll` (after the first rows). */
  private readonly refreshDue = new WeakSet<ContactStore>();
  /** This window, as the cache names its writer; the connection's cache as shared with the other windows. */
  private readonly writer = randomBytes(8).toString('hex');
  private shared: SharedCache | undefined;

  constructor(
    private readonly tokens: TokenStore,
    private readonly log?: Logger,
    private readonly cache?: ContactCache,
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
    this.cache?.warmUp();
    const pending: Promise<Connection | undefined> = this.tokens.get().then(async (token) => {
      if (token === undefined) {
        return undefined;
      }
      this.log?.hide(token);
      if (!this.toldOfWorkspaceUrl && workspaceOffersBaseUrl()) {
        this.toldOfWorkspaceUrl = true;
        this.log?.warn(
          'A workspace or folder sets linqContacts.apiBaseUrl: ignored. Only your user settings decide where the token is sent.',
        );
      }
      const baseUrl = readSettings().apiBaseUrl;
      const client = new LinqClient({ baseUrl, token, readOnly: readOnlyMode });
      this.log?.info(`Connecting to ${client.host}.`);
      const owner: CacheConnection = { host: client.host, baseUrl, token };
      if (this.connection === pending) {
        // A reset while the cache is read deletes it all the same.
        this.owner = owner;
      }
      const connection = await openConnection(client, owner, this.cache);
      const { store, held } = connection;
      if (this.connection !== pending) {
        // Reset while the token or the cache was read: this connection is already stale.
        store.dispose();
        return connection;
      }
      this.current = store;
      logWhenAllLoaded(connection, this.log);
      this.shared =
        this.cache &&
        shareCache(connection, this.cache, {
          writer: this.writer,
          log: this.log,
          stillCurrent: async () =>
            this.current === store && (await this.tokens.get()) === token && readSettings().apiBaseUrl === baseUrl,
        });
      if (held) {
        this.log?.info(`Started from the local copy of ${new Date(held.takenAt).toISOString()}.`);
        this.refreshDue.add(store);
      }
      return connection;
    });
    this.connection = pending;
    return pending;
  }

  /** Writes the cache of what is held (the cache was just turned on). */
  keepCacheNow(): void {
    this.shared?.save();
  }

  /**
   * Walks the organisation again beside what is held (as far as it held, at least `prefetchLimit`; all
   * of it when it held all) and lets the store take each batch in place: new contacts appear, changed ones
   * change, and ones gone leave only once a complete walk shows it. The view says "as of" until it ends.
   */
  private refreshInPlace(connection: Connection): Promise<void> {
    const { client, store } = connection;
    if (!connection.ready()) {
      // How far to walk depends on all that is held; and a search opened during the walk should not fold texts beside it.
      return connection.whenReady.then(() => (this.current === store ? this.refreshInPlace(connection) : undefined));
    }
    let ended: () => void = () => undefined;
    const over = new Promise<void>((resolve) => (ended = resolve));
    this.refreshing?.stop();
    const target = store.complete
      ? Number.POSITIVE_INFINITY
      : Math.max(store.contacts.length, readSettings().prefetchLimit);
    // The contacts already show: the refresh keeps to 4 pages in flight, leaving the host to what the user does.
    const walker = new ContactStore(client, { perPage: MAX_PER_PAGE, concurrency: WALK_CONCURRENCY });
    const refresh = refreshInPlace(walker, store, target, {
      done: (walker, ms) =>
        this.log?.info(
          `Refreshed ${walker.contacts.length} contacts in place in ${ms} ms (${walker.requests} list requests${walker.complete ? ', the whole organisation' : ''}).`,
        ),
      failed: (e) => this.log?.warnError('Refreshing contacts', e),
      ended: () => {
        if (this.refreshing === refresh) {
          this.refreshing = undefined;
        }
        ended();
      },
    });
    this.refreshing = refresh;
    return over;
  }

  /** A refresh in this window's turn (`WalkTurns`); Refresh Contacts (`force`) walks whatever the others do. */
  private refreshInTurn(connection: Connection, force: boolean): void {
    const shared = this.shared;
    const walk = (): Promise<void> => this.refreshInPlace(connection);
    if (!shared || force) {
      void (shared ? shared.turns.runNow(walk) : walk());
      return;
    }
    void shared.turns.run(walk, {
      needed: () => this.current === connection.store && !shared.tookIn(),
      lost: () => this.refreshing?.stop(),
    });
  }

  /** Refreshes contacts from the cache once (not with `prefetchLimit` 0), a moment later: the first are the user's. */
  private refreshIfDue(connection: Connection): void {
    if (this.refreshDue.has(connection.store) && readSettings().prefetchLimit > 0) {
      this.refreshDue.delete(connection.store);
      setTimeout(() => this.current === connection.store && this.refreshInTurn(connection, false), REFRESH_SETTLE_MS);
    }
  }

  /**
   * Refresh Contacts: with contacts shown, walks again and updates them in place (see `refreshInPlace`);
   * before any (no token yet, a refused token, a failed first page) it starts over.
   */
  async refresh(): Promise<void> {
    const connection = await this.connection?.catch(() => undefined);
    if (connection && this.current === connection.store && connection.store.loadedAny) {
      this.refreshInTurn(connection, true);
    } else {
      this.reset();
    }
  }

  /** Drops what the cache would still write, and deletes every cache (Clear API Token; the cache turned off). */
  async deleteCaches(withKey: boolean): Promise<void> {
    await this.cache?.deleteAll(withKey);
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
        if (connection) {
          this.refreshIfDue(connection);
        }
        if (!store || store.complete || this.prefetched.has(store)) {
          return undefined;
        }
        this.prefetched.add(store);
        const needed = (): boolean => this.current === store && !store.complete && store.contacts.length < limit;
        return this.shared ? this.shared.turns.run(() => store.walk(limit), { needed }) : store.walk(limit);
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
    const promise = this.requireConnection().then(async (connection) => {
      const { store } = connection;
      this.refreshIfDue(connection);
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

  /** Drops the client, the store (and with it every late answer), the old connection's cache, and tells listeners. */
  reset(): void {
    if (this.owner) {
      void this.cache?.deleteFor(this.owner);
    }
    this.reopen();
  }

  /**
   * Drops the client and the store and tells listeners, keeping the cache: the next need connects again
   * and starts from it, as a newly opened window does.
   */
  reopen(): void {
    this.refreshing?.stop();
    this.owner = undefined;
    this.shared?.stop();
    this.shared = undefined;
    this.current?.dispose();
    this.current = undefined;
    this.connection = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.refreshing?.stop();
    this.shared?.stop();
    this.current?.dispose();
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
