import * as assert from 'node:assert/strict';
import type { RequestOptions } from '../../src/api/linqClient';
import type { Contact, ContactPage } from '../../src/api/types';
import { PageScheduler, type PageSink } from '../../src/contacts/store/pageScheduler';

/** A source of `total` contacts in pages, answering when told to (`release`), recording what was asked. */
function source(total: number) {
  const asked: number[] = [];
  const pending: Array<() => void> = [];
  return {
    asked,
    release: () => pending.splice(0).forEach((answer) => answer()),
    listContacts(page: number, perPage: number, options?: RequestOptions): Promise<ContactPage> {
      asked.push(page);
      return new Promise((resolve, reject) => {
        options?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        pending.push(() => {
          const from = (page - 1) * perPage;
          const contacts: Contact[] = [];
          for (let i = from; i < Math.min(total, from + perPage); i++) {
            contacts.push({ id: i + 1 });
          }
          const totalPages = Math.ceil(total / perPage);
          resolve({
            contacts,
            pagination: { currentPage: page, perPage, totalPages, totalCount: total, estimated: false },
          });
        });
      });
    },
  };
}

function sink(): PageSink & { held: Contact[] } {
  const held: Contact[] = [];
  return {
    held,
    get size() {
      return held.length;
    },
    get full() {
      return held.length >= 1_000;
    },
    deliver(contacts) {
      held.push(...contacts);
    },
  };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('PageScheduler: demand decides which pages are asked, each once', () => {
  it('the first round asks pages 1…c at once; the rest follow the totals and end there', async () => {
    const src = source(450);
    const held = sink();
    const pages = new PageScheduler(src, held, () => undefined, 1_000, { perPage: 100, concurrency: 3 });
    const all = pages.ensure(Number.POSITIVE_INFINITY, 'walk');
    assert.deepEqual(src.asked, [1, 2, 3]);
    while (!pages.complete) {
      src.release();
      await settle();
    }
    await all;
    assert.deepEqual(src.asked, [1, 2, 3, 4, 5], 'no page past the last');
    assert.equal(held.held.length, 450);
    assert.deepEqual(
      held.held.slice(0, 3).map((c) => c.id),
      [1, 2, 3],
      'delivered in page order',
    );
  });

  it('a user’s demand is met without walking further; walkTo raises the target', async () => {
    const src = source(1_000);
    const held = sink();
    const pages = new PageScheduler(src, held, () => undefined, 1_000, { perPage: 100, concurrency: 4 });
    const firstRows = pages.ensure(50, 'user');
    assert.deepEqual(src.asked, [1], 'one page is enough for 50 rows');
    src.release();
    await firstRows;
    pages.walkTo(300);
    const walk = pages.ensure(300, 'walk');
    assert.deepEqual(src.asked, [1, 2, 3]);
    src.release();
    await walk;
    assert.equal(pages.complete, false);
  });

  it('dispose rejects waiters as cancelled and drops late answers', async () => {
    const src = source(500);
    const held = sink();
    const pages = new PageScheduler(src, held, () => undefined, 1_000, { perPage: 100, concurrency: 2 });
    const waiting = pages.ensure(500, 'walk');
    pages.dispose();
    await assert.rejects(waiting, (e: { kind?: string }) => e.kind === 'cancelled');
    src.release();
    await settle();
    assert.equal(held.held.length, 0);
  });
});
