import type { Contact } from '../../api/types';
import type { ContactCollection } from './contactCollection';

/** Arrival times kept (creates, refreshes and other windows bring far fewer in minutes). */
const TIMES_KEPT = 10_000;

/**
 * What arrived in a store after it first held its contacts: the ids a refresh or another window brought that were not
 * held before (the view's "new"), and when ids arrived by those or by a create here (the latest 10,000), for
 * `mergeOtherWindow`.
 */
export class Arrivals {
  private readonly newIds: number[] = [];
  private readonly times = new Map<number, number>();

  /** The new ids, in the order found (a live list: it grows). */
  get ids(): readonly number[] {
    return this.newIds;
  }

  /** When the id arrived, if it did lately. */
  at(id: number): number | undefined {
    return this.times.get(id);
  }

  /** An id arrived now (a create here). */
  note(id: number): void {
    this.times.delete(id);
    this.times.set(id, Date.now());
    if (this.times.size > TIMES_KEPT) {
      const oldest = this.times.keys().next();
      if (!oldest.done) {
        this.times.delete(oldest.value);
      }
    }
  }

  /**
   * A list about to be merged (a refresh's, another window's): its contacts not held before are new, within the
   * range held before (`complete`: all of it; else as many as are held), so a walk going further than the last one
   * brings contacts that are only newly loaded.
   */
  noteNew(fresh: readonly Contact[], held: ContactCollection, complete: boolean): void {
    const range = complete ? fresh.length : Math.min(fresh.length, held.size);
    for (let i = 0; i < range; i++) {
      const id = (fresh[i] as Contact).id;
      if (held.get(id) === undefined && !held.isGone(id)) {
        this.newIds.push(id);
        this.note(id);
      }
    }
  }
}
