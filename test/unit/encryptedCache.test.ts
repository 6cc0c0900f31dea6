import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Contact } from '../../src/api/types';
import { cacheFileName, CACHE_KEY_BYTES, decryptCache, encryptCache, newCacheKey } from '../../src/cache/cacheCipher';
import { encodeCache, openCache, type HeldContacts } from '../../src/cache/cacheCodec';
import { decodeCache } from '../support/decodeCache';
import { holdsCacheFiles, readIfThere, removeCacheFiles, writeAtomically } from '../../src/cache/cacheFile';

function contact(i: number): Contact {
  return {
    id: i,
    firstName: `Ada${i}`,
    lastName: 'Lovelace',
    fullName: `Ada${i} Lovelace`,
    email: `ada${i}@example.com`,
    phoneNumber: `+1 555 01${String(i % 100).padStart(2, '0')}`,
    company: 'Analytical Engines',
    updatedAt: '2026-11-30T10:00:00Z',
    owner: { id: 7, email: 'owner@example.com', name: 'Owner' },
  };
}

const content = (n: number): HeldContacts => ({
  contacts: Array.from({ length: n }, (_, i) => contact(i + 1)),
  totalCount: n + 5,
  complete: false,
  takenAt: 1_764_000_000_000,
});

describe('The encrypted cache (cipher, file name, codec, atomic file)', () => {
  it('round-trips any bytes under its key (property)', () => {
    const key = newCacheKey();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const plain = Buffer.from(bytes);
        assert.deepEqual(decryptCache(key, encryptCache(key, plain)), plain);
      }),
    );
  });

  it('never writes the same ciphertext twice (a fresh nonce each time)', () => {
    const key = newCacheKey();
    const plain = Buffer.from('the same contacts');
    assert.notDeepEqual(encryptCache(key, plain), encryptCache(key, plain));
  });

  it('refuses another key, any flipped byte, a cut file and another format', () => {
    const key = newCacheKey();
    const sealed = encryptCache(key, Buffer.from('ada@example.com'));
    assert.throws(() => decryptCache(newCacheKey(), sealed), 'another key');
    for (let at = 0; at < sealed.length; at++) {
      const flipped = Buffer.from(sealed);
      flipped[at] = (flipped[at] ?? 0) ^ 0x01;
      assert.throws(() => decryptCache(key, flipped), `byte ${at} flipped`);
    }
    assert.throws(() => decryptCache(key, sealed.subarray(0, sealed.length - 1)), 'cut');
    assert.throws(() => decryptCache(key, Buffer.from('{"contacts":[]}')), 'plain JSON');
    assert.throws(() => encryptCache(Buffer.alloc(16), Buffer.from('x')), 'a short key');
    assert.equal(newCacheKey().length, CACHE_KEY_BYTES);
  });

  it('holds no plain contact data (UTF-8 or UTF-16) once sealed', async () => {
    const sealed = encryptCache(newCacheKey(), await encodeCache(content(50)));
    for (const needle of ['ada7@example.com', 'Lovelace', 'Analytical']) {
      assert.equal(sealed.includes(Buffer.from(needle, 'utf8')), false, `${needle} in UTF-8`);
      assert.equal(sealed.includes(Buffer.from(needle, 'utf16le')), false, `${needle} in UTF-16`);
    }
  });

  it('names the file by host and a keyed hash: never the token, different per key, token and URL', () => {
    const key = newCacheKey();
    const token = 'secret-token-123';
    const base = 'https://api.linqapp.com/api/partner/v2';
    const name = cacheFileName(key, 'api.linqapp.com', base, token);
    assert.match(name, /^api\.linqapp\.com-[0-9a-f]{40}\.lqc$/);
    assert.ok(!name.includes(token));
    assert.equal(cacheFileName(key, 'api.linqapp.com', base, token), name, 'stable under one key');
    assert.notEqual(cacheFileName(newCacheKey(), 'api.linqapp.com', base, token), name, 'another key');
    assert.notEqual(cacheFileName(key, 'api.linqapp.com', base, `${token}4`), name, 'another token');
    assert.notEqual(cacheFileName(key, 'api.linqapp.com', `${base}/x`, token), name, 'another base URL');
    assert.match(
      cacheFileName(key, '127.0.0.1:8080', 'http://127.0.0.1:8080', token),
      /^127\.0\.0\.1_8080-/,
      'no path characters',
    );
    assert.match(cacheFileName(key, '../../etc', 'x', token), /^\.\._\.\._etc-/, 'no separators from a host');
  });

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
    const whole = await opened.whole;
    assert.equal(whole.contacts.length, 2500);
    assert.equal(whole.complete, true);
    const small = await openCache(await encodeCache({ ...content(10), complete: true }));
    assert.equal(small.first.contacts.length, 10);
    assert.equal(small.first.complete, true, 'a small cache is all there at once');
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
    await assert.rejects(rest.whole, /not a contact/, 'the rest is checked as well');
    await assert.rejects(decodeCache(Buffer.from('not a cache')));
    await assert.rejects(decodeCache(Buffer.alloc(0)));
  });

  describe('on disk', () => {
    let folder: string;
    beforeEach(async () => {
      folder = await mkdtemp(join(tmpdir(), 'linq-cache-'));
    });
    afterEach(async () => {
      await rm(folder, { recursive: true, force: true });
    });

    it('writes atomically: readers see the old file or the new one, never a mix, and nothing is left over', async () => {
      const path = join(folder, 'sub', 'a.lqc');
      const old = Buffer.alloc(200_000, 0x61);
      await writeAtomically(path, old);
      const writes = Array.from({ length: 8 }, (_, i) =>
        writeAtomically(path, Buffer.alloc(200_000 + i * 1000, 0x62 + i)),
      );
      const seen: Buffer[] = [];
      for (let i = 0; i < 20; i++) {
        seen.push((await readIfThere(path)) ?? Buffer.alloc(0));
      }
      await Promise.all(writes);
      const last = await readFile(path);
      for (const buffer of [...seen, last]) {
        assert.ok(buffer.length > 0 && buffer.every((b) => b === buffer[0]), 'one writer’s whole file');
        assert.equal(buffer.length, 200_000 + (buffer[0] === 0x61 ? 0 : (buffer[0]! - 0x62) * 1000));
      }
      assert.deepEqual(await readdir(join(folder, 'sub')), ['a.lqc'], 'no partial files left');
      assert.equal(await readIfThere(join(folder, 'none.lqc')), undefined);
    });

    it('removes every cache but the one kept, and leaves other files alone', async () => {
      for (const name of ['a.lqc', 'b.lqc', 'b.lqc.12-ab.partial', 'a.lqc.12-cd.partial', 'other.json']) {
        await writeFile(join(folder, name), 'x');
      }
      assert.equal(await holdsCacheFiles(folder), true);
      assert.equal(await removeCacheFiles(folder, 'a.lqc'), 2);
      assert.deepEqual((await readdir(folder)).sort(), ['a.lqc', 'a.lqc.12-cd.partial', 'other.json']);
      assert.equal(await removeCacheFiles(folder), 2);
      assert.deepEqual(await readdir(folder), ['other.json']);
      assert.equal(await removeCacheFiles(join(folder, 'missing')), 0);
      assert.equal(await holdsCacheFiles(folder), false, 'other files are not cache files');
      assert.equal(await holdsCacheFiles(join(folder, 'missing')), false);
    });
  });
});
