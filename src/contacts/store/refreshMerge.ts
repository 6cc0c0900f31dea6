import { asLinqError, type LinqApiError } from '../../api/linqApiError';
import type { Contact } from '../../api/types';
import type { HeldContacts } from '../../cache/cacheCodec';
import type { ContactCollection } from './contactCollection';
import type { ContactStore } from './contactStore';
import { newer } from './contactVersions';

/**
 * The list after a refresh's walk got this far: contacts created here and not yet listed by Linq first, then
 * the walk's contacts in its order, each at its newest (`updated_at`), then (unless the walk was complete) the
 * held ones it has not reached yet. Deleted ones stay gone. Only a complete walk drops contacts it did not list:
 * offset paging can skip one while another is deleted.
 */
export function mergeRefresh(held: ContactCollection, fresh: readonly Contact[], complete: boolean): Contact[] {
  const seen = new Set<number>();
  const next: Contact[] = [];
  const keep = (contact: Contact | undefined): void => {
    if (contact && !seen.has(contact.id) && !held.isGone(contact.id)) {
      seen.add(contact.id);
      next.push(contact);
    }
  };
  held.unplacedCreates(new Set(fresh.map((c) => c.id))).forEach(keep);
  for (const contact of fresh) {
    keep(newer(held.get(contact.id), contact));
  }
  if (!complete) {
    held.contacts.forEach(keep);
  }
  return next;
}

/**
 * The list after taking in another window's cache (`other`, written after what is held): its contacts in its order,
 * each at its newest (`updated_at`), then the held ones it does not list, unless it names them deleted, or its list is
 * complete and they were held before its walk started (that walk saw them gone). Contacts created here and not yet
 * listed stay first. `arrivedAt` says when an id first arrived here by a create, a refresh or another window.
 */
export function mergeOtherWindow(
  held: ContactCollection,
  other: HeldContacts,
  arrivedAt: (id: number) => number | undefined,
): Contact[] {
  const deleted = new Set(other.share?.deleted ?? []);
  const seen = new Set<number>();
  const next: Contact[] = [];
  const keep = (contact: Contact | undefined): void => {
    if (contact && !seen.has(contact.id) && !held.isGone(contact.id) && !deleted.has(contact.id)) {
      seen.add(contact.id);
      next.push(contact);
    }
  };
  const listed = new Set(other.contacts.map((c) => c.id));
  held.unplacedCreates(listed).forEach(keep);
  for (const contact of other.contacts) {
    keep(newer(held.get(contact.id), contact));
  }
  const walkStart = other.complete ? other.share?.walkStartedAt : undefined;
  for (const contact of held.contacts) {
    if (!listed.has(contact.id) && (walkStart === undefined || (arrivedAt(contact.id) ?? -Infinity) >= walkStart)) {
      keep(contact);
    }
  }
  return next;
}

/** True when two lists hold the same contact objects in the same order (nothing to tell anyone). */
export function sameList(a: readonly Contact[], b: readonly Contact[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** True when `fresh` from `from` on holds the contacts `held` holds at the same places, each as new as held. */
export function sameSince(held: readonly Contact[], fresh: readonly Contact[], from: number): boolean {
  for (let i = from; i < fresh.length; i++) {
    const mine = held[i];
    if (mine === undefined || newer(mine, fresh[i] as Contact) !== mine) {
      return false;
    }
  }
  return true;
}

/** While a refresh walks, its contacts replace the ones held in one view update per this long. */
const REFRESH_BATCH_MS = 250;

/** A refresh under way: the walker (a second, empty store over the same client) and how to stop it. */
export interface RefreshWalk {
  readonly walker: ContactStore;
  stop(): void;
}

/** What a refresh reports when it ends. */
export interface RefreshEnd {
  done(walker: ContactStore, ms: number): void;
  failed(error: LinqApiError): void;
  /** The walk is over, whichever way (its walker is disposed). */
  ended(): void;
}

/**
 * Walks the organisation again with `walker` beside what `store` holds, up to `target` contacts, and lets the store take
 * each batch in place (`refreshedWith`): new contacts appear, changed ones change, and ones gone leave only once
 * a complete walk shows it. The store says "as of" (`heldSince`) until it ends; a failure keeps what is held.
 */
export function refreshInPlace(
  walker: ContactStore,
  store: ContactStore,
  target: number,
  end: RefreshEnd,
): RefreshWalk {
  store.heldSince ??= store.changedAt;
  store.refreshFailed(undefined);
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checked = 0;
  const take = (done: boolean): void => {
    clearTimeout(timer);
    timer = undefined;
    const fresh = walker.contacts;
    // What Linq listed since the last batch is what is held, in the same places: nothing to merge before the end (a
    // merge looks at every contact held: at 100,000, batch after batch, it took the host from a search opened meanwhile).
    const unchanged = !done && !walker.complete && sameSince(store.contacts, fresh, checked);
    checked = fresh.length;
    if (walker.loadedAny && !unchanged) {
      store.refreshedWith(fresh, walker.complete, walker.progress.totalCount, done, started);
    }
  };
  const unsubscribe = walker.onDidChange(() => {
    timer ??= setTimeout(() => take(false), REFRESH_BATCH_MS);
  });
  const stop = (): void => {
    clearTimeout(timer);
    unsubscribe();
    walker.dispose();
  };
  walker.walk(target).then(
    () => {
      take(true);
      end.done(walker, Date.now() - started);
      stop();
      end.ended();
    },
    (error: unknown) => {
      const e = asLinqError(error);
      if (e.kind !== 'cancelled') {
        take(false);
        store.refreshFailed(e);
        end.failed(e);
      }
      stop();
      end.ended();
    },
  );
  return { walker, stop };
}
