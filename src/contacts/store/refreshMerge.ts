import { asLinqError, type LinqApiError } from '../../api/linqApiError';
import type { Contact } from '../../api/types';
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

/** True when two lists hold the same contact objects in the same order (nothing to tell anyone). */
export function sameList(a: readonly Contact[], b: readonly Contact[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
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
  let timer: ReturnType<typeof setTimeout> | undefined;
  const take = (done: boolean): void => {
    clearTimeout(timer);
    timer = undefined;
    if (walker.loadedAny) {
      store.refreshedWith(walker.contacts, walker.complete, walker.progress.totalCount, done);
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
  const started = Date.now();
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
