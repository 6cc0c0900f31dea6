import * as assert from 'node:assert/strict';
import type { Contact } from '../../src/api/types';
import { encodeCache, openCache } from '../../src/cache/cacheCodec';
import { contact, content } from '../support/cacheFixtures';
import { decodeCache } from '../support/decodeCache';

describe("cacheCodec: the cache's two-part gzip format", () => {
  it('encodes and decodes contacts, progress and time as they were', async () => {
    for (const n of [0, 1, 999, 1000, 2501]) {
      const original = content(n);
      const back = await decodeCache(await encodeCache(original));
      assert.deepEqual(back, original, `${n} contacts`);
    }
  });

  it('gives the first thousand contacts at once, and all of them after', async () => {
    const opened = await openCache(await encodeCache({ ...content(2500), complete: true }));
    assert.equal(opened.first.contacts.length, 1000);
    assert.equal(opened.first.complete, false, 'not all yet');
    assert.equal(opened.first.totalCount, 2505);
    const whole = await opened.whole();
    assert.equal(whole.contacts.length, 2500);
    assert.equal(whole.complete, true);
    const small = await openCache(await encodeCache({ ...content(10), complete: true }));
    assert.equal(small.first.contacts.length, 10);
    assert.equal(small.first.complete, true, 'a small cache is all there at once');
  });

  it('writes the contacts held when it started, though the list grows while it encodes', async () => {
    const held = content(2500);
    const list = held.contacts as Contact[];
    const encoding = encodeCache(held);
    // Pages arriving while the cache is being written: the live list grows under the encoder.
    for (let i = 0; i < 3000; i++) {
      list.push(contact(10_000 + i));
      if (i % 100 === 0) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const decoded = await decodeCache(await encoding);
    assert.equal(decoded.contacts.length, 2500);
    assert.deepEqual(
      decoded.contacts.map((c) => c.id),
      list.slice(0, 2500).map((c) => c.id),
    );
  });

  it('refuses a cache of another version or with something that is not a contact', async () => {
    const { gzipSync } = await import('node:zlib');
    /** The plain format by hand: a 4-byte length, the head part, the rest part. */
    const plain = (headLines: unknown[], restLines: unknown[] = []): Buffer => {
      const head = gzipSync(headLines.map((l) => JSON.stringify(l)).join('\n'));
      const length = Buffer.alloc(4);
      length.writeUInt32BE(head.length);
      return Buffer.concat([length, head, gzipSync(restLines.map((l) => JSON.stringify(l)).join('\n'))]);
    };
    const header = { format: 'linq-contacts-copy', version: 1, count: 1, totalCount: 1, complete: true, takenAt: 1 };
    assert.equal(
      (await decodeCache(plain([header, [contact(1)]]))).contacts.length,
      1,
      'the hand-made format is right',
    );
    await assert.rejects(decodeCache(plain([{ ...header, version: 2 }, []])), /another format or version/);
    await assert.rejects(decodeCache(plain([header, [{ id: '1' }]])), /not a contact/);
    await assert.rejects(decodeCache(plain([header, [{ id: 1, email: 5 }]])), /not a contact/);
    await assert.rejects(decodeCache(plain([header, [{ id: 1, owner: 'x' }]])), /not a contact/);
    await assert.rejects(
      decodeCache(plain([{ ...header, count: 2 }, [contact(1)]])),
      /incomplete/,
      'fewer contacts than its header says',
    );
    const rest = await openCache(plain([{ ...header, count: 1001 }, content(1000).contacts], [[{ id: 'x' }]]));
    assert.equal(rest.first.contacts.length, 1000, 'the first part is good');
    await assert.rejects(rest.whole(), /not a contact/, 'the rest is checked as well');
    assert.equal(rest.whole(), rest.whole(), 'the rest is parsed once, when first asked');
    await assert.rejects(decodeCache(Buffer.from('not a cache')));
    await assert.rejects(decodeCache(Buffer.alloc(0)));
  });

  it('carries what windows share (writer, generation, recent deletes, walk start), and reads files without it', async () => {
    const contacts = [{ id: 1, fullName: 'A' }];
    const share = { writer: 'ab12', generation: 5, deleted: [7, 8], walkStartedAt: 3 };
    const opened = await openCache(await encodeCache({ contacts, totalCount: 1, complete: true, takenAt: 2, share }));
    assert.deepEqual(opened.first.share, share);
    assert.deepEqual((await opened.whole()).share, share);
    const plain = await openCache(await encodeCache({ contacts, totalCount: 1, complete: true, takenAt: 2 }));
    assert.equal(plain.first.share, undefined);
    const many = Array.from({ length: 3_000 }, (_, i) => i + 1);
    const capped = await openCache(
      await encodeCache({ contacts, totalCount: 1, complete: true, takenAt: 2, share: { ...share, deleted: many } }),
    );
    assert.deepEqual(capped.first.share?.deleted, many.slice(-1_000), 'the latest 1,000 deletes');
    await assert.rejects(
      openCache(
        await encodeCache({
          contacts,
          totalCount: 1,
          complete: true,
          takenAt: 2,
          share: { ...share, deleted: ['x' as unknown as number] },
        }),
      ),
    );
  });
});
