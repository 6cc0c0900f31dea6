import type { LinqClient } from '../api/linqClient';
import { MAX_PER_PAGE } from '../api/limits';
import type { HeldContacts } from '../cache/cacheCodec';
import { foldAhead } from '../format/contactMatch';
import type { Logger } from '../log/logger';
import type { CacheConnection, ContactCache } from './contactCache';
import { ContactStore } from './store/contactStore';
import { WalkTurns } from './walkTurns';

/** While the cache's rest is parsed, the store's listeners hear of the contacts held so far this often. */
const FILL_NOTICE_MS = 100;

/** The client and the contact store of one connection (token and base URL). */
export interface Connection {
  readonly client: LinqClient;
  readonly store: ContactStore;
  /** Who the encrypted cache belongs to. */
  readonly owner: CacheConnection;
  /** The contacts the store started from (the cache's first part), if any. */
  readonly held: HeldContacts | undefined;
  /**
   * True once what the store started from is read whole and its search texts are folded (`whenReady`): a refresh waits
   * for that, so a search opened while it walks only compares instead of folding every text beside the walk.
   */
  readonly ready: () => boolean;
  readonly whenReady: Promise<void>;
}

/**
 * The start of a connection: its store, from the encrypted cache when there is one (the first contacts at
 * once, the rest read in the background, held as it is parsed, while demand waits for all of it), else empty.
 */
export async function openConnection(
  client: LinqClient,
  owner: CacheConnection,
  cache: ContactCache | undefined,
): Promise<Connection> {
  // The rest is held as it is parsed, and heard of every 100 ms: a search waiting for it works through it meanwhile.
  const filling: { store?: ContactStore } = {};
  let toldAt = performance.now();
  const opened = await cache?.read(owner, (batch) => {
    const tell = performance.now() - toldAt >= FILL_NOTICE_MS;
    toldAt = tell ? performance.now() : toldAt;
    filling.store?.heldMore(batch, tell);
  });
  const held = opened?.first;
  const store = new ContactStore(client, { perPage: MAX_PER_PAGE, held });
  filling.store = store;
  let ready = !opened;
  if (opened) {
    store.fillFrom(opened.whole);
  }
  const whenReady = ready
    ? Promise.resolve()
    : store.filled.then(() => foldAhead(store.contacts, () => true)).finally(() => (ready = true));
  return { client, store, owner, held, ready: () => ready, whenReady };
}

/** Logs counts (never contact data) when the store has every contact. */
export function logWhenAllLoaded({ store, client }: Connection, log: Logger | undefined): void {
  const started = Date.now();
  let told = false;
  store.onDidChange(() => {
    const p = store.progress;
    if (!told && p.complete && store.requests > 0) {
      told = true;
      log?.info(
        `Loaded all ${p.loaded} contacts in ${Date.now() - started} ms (${p.pagesDone} pages, ${store.requests} list requests; pages in flight settled at ${client.walkLimit.limit}).`,
      );
      // Where the extension host's memory is (all of the host, not only this extension): for the log and the bench.
      const m = process.memoryUsage();
      const mb = (bytes: number): number => Math.round(bytes / 1_048_576);
      log?.info(
        `Memory of the extension host: heap ${mb(m.heapUsed)} MB used of ${mb(m.heapTotal)} MB, ${mb(m.external)} MB outside it (${mb(m.arrayBuffers)} MB array buffers), ${mb(m.rss)} MB resident.`,
      );
      if (p.capped) {
        log?.warn(`Stopped loading at ${p.loaded} contacts, the most the extension holds.`);
      }
    }
  });
}

/** A connection's cache as this window shares it with the other windows of the same connection. */
export interface SharedCache {
  /** Writes the cache of what is held (it was just turned on). */
  readonly save: () => void;
  /** The connection's turns at background walks. */
  readonly turns: WalkTurns;
  /** True once another window's fresher contacts were taken in (its walk is this window's refresh). */
  readonly tookIn: () => boolean;
  /** Stops following the others and waiting for a turn. */
  readonly stop: () => void;
}

/**
 * Shares the connection's cache with the other windows: the store is written back whenever it changes (debounced, but
 * at once after a write made here, so the others follow within seconds; not while the cache is still being read, nor
 * for another window's write being taken in), the others' writes are taken in (`ContactCache.watch`, once the store's
 * own start from the cache is read whole), and background walks take turns (`WalkTurns`).
 */
export function shareCache(
  { store, owner }: Connection,
  cache: ContactCache,
  window: { readonly writer: string; readonly stillCurrent: () => Promise<boolean>; readonly log?: Logger },
): SharedCache {
  let takingIn = false;
  let tookIn = false;
  const save = (): void => {
    if (store.loadedAny && !store.reading && !takingIn) {
      cache.save(owner, () => store.heldContacts(window.writer), window.stillCurrent);
      if (store.lastChangeWasWrite) {
        void cache.flush();
      }
    }
  };
  store.onDidChange(save);
  const unwatch = cache.watch(owner, window.writer, (other) => {
    void store.filled.then(() => {
      takingIn = true;
      // Fresher than what this window started from: the other window's walk is this one's refresh.
      tookIn ||= store.heldSince !== undefined && other.takenAt > store.heldSince;
      try {
        store.takeIn(other);
      } finally {
        takingIn = false;
      }
    });
  });
  const turns = new WalkTurns(cache.leaseFor(owner, window.writer), window.log);
  return {
    save,
    turns,
    tookIn: () => tookIn,
    stop: () => {
      unwatch();
      turns.dispose();
    },
  };
}
