import type { Contact } from '../api/types';
import { compareFor, keyed, type Keyed, type SortOrder } from '../format/contactOrder';

/** Up to this many contacts are sorted in one go; more are sorted in slices that leave the event loop free. */
const SORT_AT_ONCE = 4_000;
/** The longest a slice of a sort keeps the extension host busy. */
const SLICE_MS = 12;
/** While a large list is sorted in slices, the first this many in the order are found first and shown meanwhile. */
const PREVIEW = 1_000;
/** Runs sorted in one go before the slices merge them. */
const RUN = 4_096;

/** Lets other work run between slices (a macrotask: timers and I/O get their turn). */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Sorts `items` by `compare` in slices of at most about `sliceMs` each (bottom-up merge sort of sorted runs),
 * pausing between them; `undefined` when `stillWanted` says no at a pause.
 */
export async function sortInSlices<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  stillWanted: () => boolean = () => true,
  sliceMs = SLICE_MS,
): Promise<T[] | undefined> {
  let sliceStart = performance.now();
  const due = (): boolean => performance.now() - sliceStart > sliceMs;
  const pause = async (): Promise<boolean> => {
    await nextTurn();
    sliceStart = performance.now();
    return stillWanted();
  };
  let from = items.slice();
  for (let lo = 0; lo < from.length; lo += RUN) {
    const run = from.slice(lo, lo + RUN).sort(compare);
    for (let i = 0; i < run.length; i++) {
      from[lo + i] = run[i] as T;
    }
    if (due() && !(await pause())) {
      return undefined;
    }
  }
  let to = new Array<T>(from.length);
  for (let width = RUN; width < from.length; width *= 2) {
    for (let lo = 0; lo < from.length; lo += 2 * width) {
      const mid = Math.min(lo + width, from.length);
      const end = Math.min(lo + 2 * width, from.length);
      let i = lo;
      let j = mid;
      for (let k = lo; k < end; k++) {
        to[k] = (j >= end || (i < mid && compare(from[i] as T, from[j] as T) <= 0) ? from[i++] : from[j++]) as T;
        if ((k & 4095) === 0 && due() && !(await pause())) {
          return undefined;
        }
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Where `item` goes in `sorted` (after its equals), by binary search. */
export function insertionPoint<T>(sorted: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(sorted[mid] as T, item) <= 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/**
 * The first `count` of `items` in the order of `compare`, in order: one pass, in slices like `sortInSlices` (most items
 * cost one comparison with the last of the best so far); `undefined` when no longer wanted.
 */
export async function firstInOrder<T>(
  items: readonly T[],
  count: number,
  compare: (a: T, b: T) => number,
  stillWanted: () => boolean = () => true,
  sliceMs = SLICE_MS,
): Promise<T[] | undefined> {
  const best: T[] = [];
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    if (best.length < count || compare(item, best[best.length - 1] as T) < 0) {
      best.splice(insertionPoint(best, item, compare), 0, item);
      if (best.length > count) {
        best.pop();
      }
    }
    if ((i & 1023) === 0 && performance.now() - sliceStart > sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
      if (!stillWanted()) {
        return undefined;
      }
    }
  }
  return best;
}

/** Merges sorted `batch` into sorted `into` (both by `compare`): a new array. */
function mergeSorted<T>(into: readonly T[], batch: readonly T[], compare: (a: T, b: T) => number): T[] {
  const out = new Array<T>(into.length + batch.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < out.length; k++) {
    out[k] = (
      j >= batch.length || (i < into.length && compare(into[i] as T, batch[j] as T) <= 0) ? into[i++] : batch[j++]
    ) as T;
  }
  return out;
}

/**
 * The Contacts view's rows in an order other than Linq's, kept up to date as the store's list changes. The store's
 * list grows in place while pages arrive: those batches are merged into the order, not sorted again whole. A list
 * replaced by a write or a refresh is patched when little changed, else sorted again in slices: the previous rows
 * answer until the first 1,000 of the new order are found, those until the whole is sorted; `sorted` is called at
 * each of the two.
 */
export class SortedContacts {
  private orderValue: SortOrder = 'linq';
  private compare = compareFor('linq', new Intl.Collator());
  private entries: Keyed[] = [];
  private rows: Contact[] = [];
  private source: readonly Contact[] | undefined;
  /** How much of `source` is in `entries`. */
  private taken = 0;
  /** Bumped by every new order or full sort: a sort in slices for an older one stops. */
  private generation = 0;
  private sorting = false;

  constructor(
    private readonly collator: Intl.Collator,
    private readonly sorted: () => void,
  ) {}

  get order(): SortOrder {
    return this.orderValue;
  }

  /** True while a sort in slices is under way (the rows shown are from before it). */
  get busy(): boolean {
    return this.sorting;
  }

  setOrder(order: SortOrder): void {
    if (order !== this.orderValue) {
      this.orderValue = order;
      this.compare = compareFor(order, this.collator);
      this.forget();
    }
  }

  /** Starts over (a new connection's contacts). */
  forget(): void {
    this.generation++;
    this.sorting = false;
    this.entries = [];
    this.rows = [];
    this.source = undefined;
    this.taken = 0;
  }

  /** `source` (the store's list or the filter's matches) in this order, as far as sorted yet. */
  follow(source: readonly Contact[]): readonly Contact[] {
    if (this.orderValue === 'linq') {
      return source;
    }
    if (this.sorting) {
      return this.rows;
    }
    if (source !== this.source || source.length < this.taken) {
      this.replaced(source);
    } else if (source.length > this.taken) {
      this.insert(this.keyRange(source, this.taken, source.length));
      this.taken = source.length;
    }
    return this.rows;
  }

  private keyRange(source: readonly Contact[], from: number, to: number): Keyed[] {
    const out: Keyed[] = [];
    for (let i = from; i < to; i++) {
      out.push(keyed(source[i] as Contact, i, this.orderValue));
    }
    return out;
  }

  private insert(batch: Keyed[]): void {
    batch.sort(this.compare);
    if (batch.length * 20 < this.entries.length) {
      // A few into many: each one's place by binary search (a page into 100,000 takes a few ms, not a full pass).
      const entries = this.entries.slice();
      for (const entry of batch) {
        entries.splice(insertionPoint(entries, entry, this.compare), 0, entry);
      }
      this.entries = entries;
    } else {
      this.entries = mergeSorted(this.entries, batch, this.compare);
    }
    this.rows = this.entries.map((e) => e.contact);
  }

  /** A new list: patched when few contacts differ from the ones in order, else sorted again. */
  private replaced(source: readonly Contact[]): void {
    const previous = this.source;
    this.source = source;
    this.taken = source.length;
    if (previous && this.entries.length > 0) {
      const inNew = new Set(source);
      const kept = this.entries.filter((e) => inNew.has(e.contact));
      const inOld = new Set(kept.map((e) => e.contact));
      const added: Keyed[] = [];
      source.forEach((c, i) => {
        if (!inOld.has(c)) {
          added.push(keyed(c, i, this.orderValue));
        }
      });
      if (added.length + (this.entries.length - kept.length) <= Math.max(1_000, source.length / 20)) {
        this.entries = kept;
        this.insert(added);
        return;
      }
    }
    if (source.length <= SORT_AT_ONCE) {
      this.entries = this.keyRange(source, 0, source.length).sort(this.compare);
      this.rows = this.entries.map((e) => e.contact);
      return;
    }
    void this.sortAll(source);
  }

  private async sortAll(source: readonly Contact[]): Promise<void> {
    const generation = ++this.generation;
    this.sorting = true;
    const wanted = (): boolean => generation === this.generation;
    // The list may grow meanwhile: what comes after `taken` is merged in by the next `follow`.
    const count = this.taken;
    const keys: Keyed[] = [];
    for (let i = 0; i < count; i += 10_000) {
      keys.push(...this.keyRange(source, i, Math.min(count, i + 10_000)));
      await nextTurn();
      if (!wanted()) {
        return;
      }
    }
    // The first rows of the order, shown while the rest is sorted (the view shows a page or a few at a time).
    const first = await firstInOrder(keys, PREVIEW, this.compare, wanted);
    if (!first || !wanted()) {
      return;
    }
    this.rows = first.map((e) => e.contact);
    this.sorted();
    const entries = await sortInSlices(keys, this.compare, wanted);
    if (!entries || !wanted()) {
      return;
    }
    this.entries = entries;
    this.rows = entries.map((e) => e.contact);
    this.sorting = false;
    this.sorted();
  }
}
