import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Contact } from '../../src/api/types';
import { parseContact } from '../../src/api/validate';
import { compareFor, keyed, nameCollator, type SortOrder } from '../../src/format/contactOrder';
import { SortedContacts } from '../../src/tree/sortedContacts';
import { makeContact } from '../server/contactFactory';

/** Contacts held in the sort figures, as the view would hold them at the most. */
const HELD = 100_000;

/**
 * A change of the view's order with 100,000 held, in plain Node (the extension host is Node too): the time from the
 * change to the sorted rows, and the longest event-loop delay meanwhile (`monitorEventLoopDelay`), against the
 * baseline of one `Array.prototype.sort` with the same comparison in the same run (which blocks for its whole time).
 * Then a page of 100 arriving into the sorted 100,000: merged in, against sorting the whole again.
 */
export async function benchSort(): Promise<Record<string, number>> {
  const held: Contact[] = [];
  for (let i = 0; i < HELD; i++) {
    held.push(parseContact(makeContact(i, i % 50 === 7)));
  }
  const collator = nameCollator('en');
  const figures: Record<string, number> = { sortHeld: held.length };
  let started = 0;
  for (const order of ['name', 'company', 'newest'] as const satisfies readonly SortOrder[]) {
    const baselineStart = performance.now();
    held.map((c, i) => keyed(c, i, order)).sort(compareFor(order, collator));
    const baselineMs = performance.now() - baselineStart;

    let done: () => void = () => undefined;
    const sortedNow = new Promise<void>((resolve) => (done = resolve));
    let firstRowsMs = 0;
    const view = new SortedContacts(collator, () => {
      if (firstRowsMs === 0) {
        firstRowsMs = performance.now() - started;
      } else {
        done();
      }
    });
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    started = performance.now();
    view.setOrder(order);
    view.follow(held);
    await sortedNow;
    const rowsMs = performance.now() - started;
    delay.disable();
    const shown = view.follow(held).length;
    if (shown !== held.length) {
      throw new Error(`the ${order} order showed ${shown} of ${held.length}`);
    }
    figures[`${order}FirstRowsMs`] = Math.round(firstRowsMs);
    figures[`${order}SortMs`] = Math.round(rowsMs);
    figures[`${order}SortMaxDelayMs`] = Math.round(delay.max / 1e6);
    figures[`${order}BaselineSortMs`] = Math.round(baselineMs);
    console.log(
      `sort by ${order}, ${held.length} held: the first sorted rows in ${Math.round(firstRowsMs)} ms, the whole order in ${Math.round(rowsMs)} ms, longest event-loop delay ${Math.round(delay.max / 1e6)} ms; one blocking sort ${Math.round(baselineMs)} ms (×${(rowsMs / baselineMs).toFixed(2)} the time, the loop free meanwhile)`,
    );
  }
  // A page arriving while sorted by name: merged into the order.
  const list = held.slice(0, HELD - 100);
  let ready: () => void = () => undefined;
  const first = new Promise<void>((resolve) => (ready = resolve));
  let calls = 0;
  const waiting = new SortedContacts(collator, () => ++calls === 2 && ready());
  waiting.setOrder('name');
  waiting.follow(list);
  await first;
  list.push(...held.slice(HELD - 100));
  const mergeStart = performance.now();
  waiting.follow(list);
  const mergeMs = performance.now() - mergeStart;
  const wholeStart = performance.now();
  list.map((c, i) => keyed(c, i, 'name')).sort(compareFor('name', collator));
  const wholeMs = performance.now() - wholeStart;
  figures.pageMergeMs = Math.round(mergeMs * 10) / 10;
  figures.pageResortMs = Math.round(wholeMs);
  console.log(
    `a page of 100 arriving into ${HELD - 100} sorted by name: merged in ${figures.pageMergeMs} ms; sorting the whole again ${figures.pageResortMs} ms`,
  );
  return figures;
}
