import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The encrypted cache's envelope: AES-256-GCM with a random 96-bit nonce per write, so a wrong key or any
 * changed byte is refused (the tag), never read as something else. Layout: magic (4 bytes, also the
 * authenticated data, so another format is refused) | nonce (12) | tag (16) | ciphertext.
 */
const MAGIC = Buffer.from('LQC1', 'ascii');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** Bytes of the key: AES-256. */
export const CACHE_KEY_BYTES = 32;

/** What every cache's file name ends with (the folder holds nothing else of the extension's). */
export const CACHE_FILE_SUFFIX = '.lqc';

/** A new random key (made once, kept in the secret storage). */
export function newCacheKey(): Buffer {
  return randomBytes(CACHE_KEY_BYTES);
}

export function encryptCache(key: Buffer, plain: Buffer): Buffer {
  checkKey(key);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(MAGIC);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, nonce, cipher.getAuthTag(), body]);
}

/** The plain bytes; throws when the key is another, a byte was changed, or the file is not a cache. */
export function decryptCache(key: Buffer, data: Buffer): Buffer {
  checkKey(key);
  if (data.length < MAGIC.length + NONCE_BYTES + TAG_BYTES || !data.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Error('Not a copy of this format.');
  }
  const nonce = data.subarray(MAGIC.length, MAGIC.length + NONCE_BYTES);
  const tag = data.subarray(MAGIC.length + NONCE_BYTES, MAGIC.length + NONCE_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(MAGIC);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data.subarray(MAGIC.length + NONCE_BYTES + TAG_BYTES)), decipher.final()]);
}

/**
 * The cache's file name: the API host (readable, so a user can tell what it is for) and an HMAC-SHA-256 of
 * the base URL and the token under the cache's key. Neither the token nor anything that can be checked
 * against a guessed token without the key is in the name.
 */
export function cacheFileName(key: Buffer, host: string, baseUrl: string, token: string): string {
  checkKey(key);
  const mac = createHmac('sha256', key).update(`${baseUrl}\n${token}`, 'utf8').digest('hex').slice(0, 40);
  return `${host.toLowerCase().replace(/[^a-z0-9.-]/g, '_')}-${mac}${CACHE_FILE_SUFFIX}`;
}

function checkKey(key: Buffer): void {
  if (key.length !== CACHE_KEY_BYTES) {
    throw new Error('The copy key has the wrong length.');
  }
}
