import type { Contact } from '../../src/api/types';
import { ContactStore, type PageSource, type StoreProgress } from '../../src/contacts/store/contactStore';

/** Options for `loadAllContacts`. */
export interface LoadAllOptions {
  /** Page size, 1–100 (default 100: fewest requests). */
  readonly perPage?: number;
  /** Pages in flight at once (default 4, at least 1). */
  readonly concurrency?: number;
  /** Contacts held at most (default `MAX_CONTACTS`); the walk stops there with `capped` set. */
  readonly maxContacts?: number;
  readonly signal?: AbortSignal;
  /** Called with each page's new (not yet seen) contacts, in page order, as soon as order allows. */
  readonly onContacts?: (contacts: readonly Contact[], progress: StoreProgress) => void;
}

/**
 * For tests and the benchmark: every contact of the organisation, through a `ContactStore` of its own (the engine the extension uses:
 * pages 1…c at once, then `c` in flight, delivered in page order, each id once, bounded whatever the
 * server claims). The first failure ends the walk and cancels the requests still in flight; so does the
 * signal. A 429 pauses every request of the client (its `RateGate`), so the engine slows down as a whole.
 */
export async function loadAllContacts(source: PageSource, options: LoadAllOptions = {}): Promise<Contact[]> {
  const store = new ContactStore(source, options);
  let taken = 0;
  store.onDidChange(() => {
    if (store.contacts.length > taken || store.complete) {
      options.onContacts?.(store.contacts.slice(taken), store.progress);
      taken = store.contacts.length;
    }
  });
  const stop = (): void => store.dispose();
  options.signal?.addEventListener('abort', stop);
  try {
    if (options.signal?.aborted) {
      store.dispose();
    }
    await store.walk();
    return [...store.contacts];
  } finally {
    options.signal?.removeEventListener('abort', stop);
    store.dispose();
  }
}
