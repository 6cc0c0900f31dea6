import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { cacheFileName, CACHE_KEY_BYTES, decryptCache, encryptCache, newCacheKey } from '../../src/cache/cacheCipher';
import { encodeCache } from '../../src/cache/cacheCodec';
import { content } from '../support/cacheFixtures';

describe("cacheCipher: the encrypted cache's envelope and keyed file name", () => {
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
});
