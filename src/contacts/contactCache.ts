import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  cacheFileName,
  CACHE_FILE_SUFFIX,
  CACHE_KEY_BYTES,
  decryptCache,
  encryptCache,
  newCacheKey,
} from '../cache/cacheCipher';
import { encodeCache, openCache, shareOf, type CacheShare } from '../cache/cacheCodec';
import { holdsCacheFiles, readIfThere, removeCacheFiles, removeFile, writeAtomically } from '../cache/cacheFile';
import { cacheEnabled } from '../config';
import { CACHE_KEY_SECRET } from '../constants';
import { WalkLease } from '../cache/walkLease';
import type { Contact } from '../api/types';
import type { Logger } from '../log/logger';
import type { HeldContacts } from './store/contactStore';

/** Writes of the cache wait this long for the next change, so a walk or an import is written once. */
const SAVE_DEBOUNCE_MS = 1_000;

/** Which connection a cache belongs to. The token is used for the file's keyed name only. */
export interface CacheConnection {
  readonly host: string;
  readonly baseUrl: string;
  readonly token: string;
}

/** A start's cache: its first contacts, and all of them later (`undefined` when the rest cannot be read). */
type StartingCache = { first: HeldContacts; whole: Promise<HeldContacts | undefined> };

/** A write waiting for its debounce: what to write, and a last check that it still should be. */
interface PendingSave {
  readonly connection: CacheConnection;
  readonly content: () => HeldContacts;
  readonly stillCurrent: () => Promise<boolean>;
}

/**
 * The one form in which contacts reach the disk: the connection's contacts in one file in the extension's global
 * storage, AES-256-GCM encrypted under a random key in the secret storage (`linqContacts.cacheKey`, apart from the
 * token), named by the API host and an HMAC of the token. Windows with the same connection share it (`watch`).
 * Another connection's file is deleted only by Clear API Token, a new token or URL, or turning the cache off (browser
 * tabs keep secrets of their own). File operations run in one queue: a delete comes after a write under way.
 */
export class ContactCache implements vscode.Disposable {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: PendingSave | undefined;
  /** The key, being read ahead of the next `read` (`warmUp`). */
  private keyAhead: Promise<Buffer | undefined> | undefined;
  /** Bumped by `forget`: a write planned before it is dropped. */
  private generation = 0;
  /** Per file, the version (share generation) this window started from, wrote or took in last: any other is news. */
  private readonly known = new Map<string, number>();
  /** The followers' checks (`watch`), and a write held back until they took another window's version in (`write`). */
  private readonly checks = new Set<() => void>();
  private heldBack: PendingSave | undefined;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    /** The extension's global storage folder (`ExtensionContext.globalStorageUri`, a file path). */
    readonly folder: string,
    private readonly log?: Logger,
  ) {}

  /**
   * The connection's cache, or `undefined` (cache off, no key, no file): its first contacts at once, all in `whole`
   * (each thousand to `take` as parsed). One that cannot be read is deleted, logged: `whole` resolves `undefined`.
   */
  read(connection: CacheConnection, take?: (batch: readonly Contact[]) => void): Promise<StartingCache | undefined> {
    const ahead = this.keyAhead;
    this.keyAhead = undefined;
    return this.serially(async (): Promise<StartingCache | undefined> => {
      if (!cacheEnabled() || !(await holdsCacheFiles(this.folder))) {
        // Nothing to read: a first start does not wait for the key.
        return undefined;
      }
      // Read ahead, or afresh when that found none (a write queued before this read may have made it).
      const key = (await ahead) ?? (await this.key(false));
      if (!key) {
        // Nothing here can be read without the key; the files stay (another browser tab may hold its own key).
        return undefined;
      }
      const name = cacheFileName(key, connection.host, connection.baseUrl, connection.token);
      const path = join(this.folder, name);
      const data = await readIfThere(path);
      if (!data) {
        return undefined;
      }
      const started = performance.now();
      const unreadable = (error: unknown): void => this.failed('read', error, ': deleted; contacts load from Linq');
      try {
        const opened = await openCache(decryptCache(key, data));
        this.known.set(name, opened.first.share?.generation ?? Number.NaN);
        const whole = opened.whole(take).then(
          (content) => {
            this.log?.info(
              `Read the local copy: ${content.contacts.length} contacts (${data.length} bytes) in ${Math.round(performance.now() - started)} ms, the first ${opened.first.contacts.length} ready at once.`,
            );
            return content;
          },
          async (error: unknown) => {
            unreadable(error);
            await this.serially(() => removeFile(path));
            return undefined;
          },
        );
        return { first: opened.first, whole };
      } catch (error) {
        unreadable(error);
        await removeFile(path);
        return undefined;
      }
    }).catch((error: unknown) => {
      this.failed('read', error);
      return undefined;
    });
  }

  /**
   * Follows other windows' writes of the connection's cache (`node:fs.watch` on the folder, never a poll): a version
   * written by another writer that this window does not know (see `known`) is read and handed to `take`. A rename may
   * arrive as a change or as a delete and a create; each burst is read once, 100 ms after it ends. A write of this
   * window's held back for another's version is saved again after the check. Returns how to stop.
   */
  watch(connection: CacheConnection, writer: string, take: (other: HeldContacts) => void): () => void {
    let name: string | undefined;
    let touched = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const check = (): void => {
      touched = false;
      void this.serially(async () => {
        const key = stopped || !cacheEnabled() ? undefined : await this.key(false);
        if (!key) {
          return;
        }
        name = cacheFileName(key, connection.host, connection.baseUrl, connection.token);
        const data = await readIfThere(join(this.folder, name));
        const opened = data && (await openCache(decryptCache(key, data)));
        const share = opened?.first.share;
        if (!opened || !this.isNews(share, writer, name)) {
          return;
        }
        this.known.set(name, share.generation);
        const other = await opened.whole();
        if (!stopped) {
          take(other);
        }
      })
        .catch((error: unknown) => this.failed('read', error, ' (another window wrote it)'))
        .finally(() => this.saveHeldBack());
    };
    this.checks.add(check);
    let watcher: FSWatcher | undefined;
    try {
      mkdirSync(this.folder, { recursive: true });
      watcher = watch(this.folder, (_event, file) => {
        // Leases, partial writes and other connections' files are not this cache (its name is known after a check).
        if (file === name || (name === undefined && typeof file === 'string' && file.endsWith(CACHE_FILE_SUFFIX))) {
          touched = true;
          clearTimeout(timer);
          timer = setTimeout(() => touched && check(), 100);
        }
      });
      watcher.on('error', () => watcher?.close());
    } catch (error) {
      this.failed('read', error, ' (the folder cannot be watched: other windows are not followed)');
    }
    return () => {
      stopped = true;
      this.checks.delete(check);
      clearTimeout(timer);
      watcher?.close();
    };
  }

  /** The lease on background walks of the connection, beside its cache (`undefined`: the cache is off or has no key). */
  async leaseFor(connection: CacheConnection, holder: string): Promise<WalkLease | undefined> {
    const key = cacheEnabled() ? await this.key(true) : undefined;
    const name = key && cacheFileName(key, connection.host, connection.baseUrl, connection.token);
    return name === undefined ? undefined : new WalkLease(join(this.folder, name.replace(/\.lqc$/, '.lease')), holder);
  }

  /** Starts reading the key for the next `read`, while the token is read (two round trips to the workbench at once). */
  warmUp(): void {
    if (cacheEnabled()) {
      this.keyAhead = this.key(false).catch(() => undefined);
    }
  }

  /**
   * Writes the connection's contacts after `SAVE_DEBOUNCE_MS` without a newer call. Just before writing,
   * the setting, the key and `stillCurrent` (the token and URL, read again) are checked.
   */
  save(connection: CacheConnection, content: () => HeldContacts, stillCurrent: () => Promise<boolean>): void {
    if (!cacheEnabled()) {
      return;
    }
    this.pending = { connection, content, stillCurrent };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.writePending(), SAVE_DEBOUNCE_MS);
  }

  /** Writes a pending save now and waits for every file operation queued (the window closes; tests). */
  async flush(): Promise<void> {
    if (this.pending) {
      clearTimeout(this.timer);
      await this.writePending();
    }
    await this.serially(() => Promise.resolve());
  }

  /** Drops a pending save; a write already under way finishes before anything queued after this. */
  forget(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    this.heldBack = undefined;
    this.generation++;
  }

  /** Deletes one connection's cache (a new token or URL replaced it); a failure is logged. */
  deleteFor(connection: CacheConnection): Promise<void> {
    this.forget();
    return this.serially(async () => {
      const key = await this.key(false);
      if (key) {
        await removeFile(join(this.folder, cacheFileName(key, connection.host, connection.baseUrl, connection.token)));
      }
    }).catch((error: unknown) => this.failed('deleted', error));
  }

  /** Deletes every cache, and with `withKey` the key too (Clear API Token; the cache turned off). */
  deleteAll(withKey: boolean): Promise<void> {
    this.forget();
    return this.serially(async () => {
      const removed = await removeCacheFiles(this.folder);
      if (withKey) {
        await this.secrets.delete(CACHE_KEY_SECRET);
      }
      if (removed > 0) {
        this.log?.info(`Deleted the local copy${withKey ? ' and its key' : ''}.`);
      }
    });
  }

  private async writePending(): Promise<void> {
    const pending = this.pending;
    const generation = this.generation;
    this.pending = undefined;
    this.timer = undefined;
    if (!pending) {
      return;
    }
    await this.serially(async () => {
      if (generation === this.generation && cacheEnabled() && (await pending.stillCurrent())) {
        await this.write(pending, async () => generation === this.generation && (await pending.stillCurrent()));
      }
    }).catch((error: unknown) => this.failed('written', error));
  }

  /**
   * Encodes, encrypts and writes one cache. Another window's version not taken in yet is not overwritten: this write
   * is held back until the followers took it in, then saved merged. `stillWanted` is asked before and after the write:
   * a token cleared (in any window: it goes before the files) or the cache turned off meanwhile wins.
   */
  private async write(pending: PendingSave, stillWanted: () => Promise<boolean>): Promise<void> {
    const started = performance.now();
    const held = pending.content();
    const plain = await encodeCache(held);
    // A key is made only for a write still wanted (not for one that a Clear API Token elsewhere overtook).
    const key = cacheEnabled() && (await stillWanted()) ? await this.key(true) : undefined;
    if (!key) {
      return;
    }
    const { host, baseUrl, token } = pending.connection;
    const name = cacheFileName(key, host, baseUrl, token);
    const path = join(this.folder, name);
    if (held.share && this.isNews(await shareOf(path, key), held.share.writer, name)) {
      this.log?.info('Another window wrote the local copy meanwhile: taking it in before writing.');
      this.heldBack = pending;
      this.checks.forEach((check) => check());
      return;
    }
    const data = encryptCache(key, plain);
    await writeAtomically(path, data);
    if (!cacheEnabled() || !(await stillWanted())) {
      await removeFile(path);
      return;
    }
    this.known.set(name, held.share?.generation ?? Number.NaN);
    this.log?.info(
      `Wrote the local copy: ${held.contacts.length} contacts, ${data.length} bytes, in ${Math.round(performance.now() - started)} ms.`,
    );
  }

  /** True when the cache `name` holds a version by another writer than `writer` that this window does not know. */
  private isNews(share: CacheShare | undefined, writer: string, name: string): share is CacheShare {
    return share !== undefined && share.writer !== writer && share.generation !== this.known.get(name);
  }

  /** A write held back for another window's version is saved again, with what is held now (that version taken in). */
  private saveHeldBack(): void {
    const pending = this.heldBack;
    this.heldBack = undefined;
    if (pending) {
      this.save(pending.connection, pending.content, pending.stillCurrent);
    }
  }

  /** The cache's key from the secret storage, read afresh each time; with `make`, one is made when there is none. */
  private async key(make: boolean): Promise<Buffer | undefined> {
    const stored = await this.secrets.get(CACHE_KEY_SECRET);
    const key = stored === undefined ? undefined : Buffer.from(stored, 'base64');
    if (key && key.length === CACHE_KEY_BYTES) {
      return key;
    }
    if (!make) {
      return undefined;
    }
    const made = newCacheKey();
    await this.secrets.store(CACHE_KEY_SECRET, made.toString('base64'));
    return made;
  }

  /** One log line for a failure (its message only: paths hold the host and a keyed hash, never the token). */
  private failed(what: 'read' | 'written' | 'deleted', error: unknown, outcome = ''): void {
    const why = error instanceof Error ? error.message : 'unknown error';
    this.log?.warn(`The local copy could not be ${what} (${why})${outcome}.`);
  }

  /** Runs file operations one after another, in the order asked. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A write still waiting for its debounce starts now (the window is closing). */
  dispose(): void {
    if (this.pending) {
      clearTimeout(this.timer);
      void this.writePending();
    }
  }
}
