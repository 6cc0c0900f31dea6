import type { LinqClient } from '../api/linqClient';
import { MAX_PER_PAGE } from '../api/limits';
import type { HeldContacts } from '../cache/cacheCodec';
import type { Logger } from '../log/logger';
import type { CacheConnection, ContactCache } from './contactCache';
import { ContactStore } from './store/contactStore';

/** The client and the contact store of one connection (token and base URL). */
export interface Connection {
  readonly client: LinqClient;
  readonly store: ContactStore;
  /** Who the encrypted cache belongs to. */
  readonly owner: CacheConnection;
  /** The contacts the store started from (the cache's first part), if any. */
  readonly held: HeldContacts | undefined;
}

/**
 * The start of a connection: its store, from the encrypted cache when there is one (the first contacts at
 * once, the rest read in the background while demand waits for it), else empty.
 */
export async function openConnection(
  client: LinqClient,
  owner: CacheConnection,
  cache: ContactCache | undefined,
): Promise<Connection> {
  const opened = await cache?.read(owner);
  const held = opened?.first;
  const store = new ContactStore(client, { perPage: MAX_PER_PAGE, held });
  if (opened) {
    store.fillFrom(opened.whole);
  }
  return { client, store, owner, held };
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
      if (p.capped) {
        log?.warn(`Stopped loading at ${p.loaded} contacts, the most the extension holds.`);
      }
    }
  });
}
