import { openCache, type HeldContacts } from '../../src/cache/cacheCodec';

/** Every contact of a cache's plain bytes at once (the tests read a file whole). */
export async function decodeCache(plain: Buffer): Promise<HeldContacts> {
  return (await openCache(plain)).whole();
}
