import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { decryptCache, encryptCache, newCacheKey } from '../../src/cache/cacheCipher';
import { encodeCache, openCache, type HeldContacts } from '../../src/cache/cacheCodec';
import { readIfThere, writeAtomically } from '../../src/cache/cacheFile';
import { ContactStore } from '../../src/contacts/store/contactStore';
import { matchRank, queryWords } from '../../src/format/contactMatch';
import { demoContact } from '../server/contactFactory';
import { parseContact } from '../../src/api/validate';

const CACHE_CONTACTS = 100_000;

/** Heap in use after a full collection (the bench runs with --expose-gc), in MB. */
function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/**
 * The encrypted cache of 100,000 contacts, with the same modules the extension host runs: its size (JSON,
 * compressed, encrypted), the time to write and to read it back, and the longest event-loop delay while it
 * is read (`monitorEventLoopDelay`), against the baseline of one `JSON.parse` of the whole in the same run.
 * Then what the cache gives: a store started from it answering its first rows, a search for contact 98,765
 * over all held, and the heap that holding them takes.
 */
export async function benchCache(): Promise<Record<string, number>> {
  const contacts = Array.from({ length: CACHE_CONTACTS }, (_, i) => parseContact(demoContact(i)));
  const held = { contacts, totalCount: CACHE_CONTACTS, complete: true, takenAt: Date.now() };
  const jsonBytes = Buffer.byteLength(JSON.stringify(contacts));
  const key = newCacheKey();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linq-cache-bench-')), 'cache.lqc');

  const writeDelay = monitorEventLoopDelay({ resolution: 1 });
  writeDelay.enable();
  let started = performance.now();
  const sealed = encryptCache(key, await encodeCache(held));
  await writeAtomically(file, sealed);
  const writeMs = performance.now() - started;
  writeDelay.disable();
  const writeMaxDelayMs = writeDelay.max / 1e6;
  const uncompressedSealed = encryptCache(key, Buffer.from(JSON.stringify(contacts))).length;

  const before = heapMB();
  const reads: number[] = [];
  const firsts: number[] = [];
  let maxDelayMs = 0;
  let decoded: HeldContacts | undefined;
  for (let i = 0; i < 3; i++) {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    started = performance.now();
    const opened = await openCache(decryptCache(key, (await readIfThere(file)) ?? Buffer.alloc(0)));
    firsts.push(performance.now() - started);
    decoded = await opened.whole();
    reads.push(performance.now() - started);
    delay.disable();
    maxDelayMs = Math.max(maxDelayMs, delay.max / 1e6);
    if (decoded.contacts.length !== CACHE_CONTACTS) {
      throw new Error('the cache came back incomplete');
    }
  }
  const plainJson = JSON.stringify(contacts);
  started = performance.now();
  JSON.parse(plainJson);
  const oneParseMs = performance.now() - started;
  fs.rmSync(path.dirname(file), { recursive: true, force: true });

  started = performance.now();
  const store = new ContactStore(
    { listContacts: () => Promise.reject(new Error('no network in this figure')) },
    { held: decoded },
  );
  await store.ensure(100);
  const firstRowsMs = performance.now() - started;
  // The cache's contacts and the store's maps over them (the contacts built for writing were held before).
  const heldMB = heapMB() - before;
  const target = demoContact(98_764).email as string;
  started = performance.now();
  const words = queryWords(target);
  const found = store.contacts.filter((c) => matchRank(c, words) !== undefined);
  const searchMs = performance.now() - started;
  if (found[0]?.email !== target) {
    throw new Error('contact 98,765 not found');
  }
  store.dispose();

  const firstMs = [...firsts].sort((a, b) => a - b)[1] ?? Number.NaN;
  const readMs = [...reads].sort((a, b) => a - b)[1] ?? Number.NaN;
  const kb = (bytes: number): number => Math.round(bytes / 1024);
  console.log(
    `cache of ${CACHE_CONTACTS} contacts: JSON ${kb(jsonBytes)} KB, encrypted file ${kb(sealed.length)} KB gzip-compressed (${kb(uncompressedSealed)} KB without: ×${(uncompressedSealed / sealed.length).toFixed(1)} smaller)`,
  );
  console.log(
    `  written in ${Math.round(writeMs)} ms (longest event-loop delay ${Math.round(writeMaxDelayMs)} ms); read + decrypted, first 1,000 ready in ${firstMs.toFixed(1)} ms, all parsed in ${Math.round(readMs)} ms (medians of 3), longest event-loop delay meanwhile ${Math.round(maxDelayMs)} ms (one JSON.parse of the whole: ${Math.round(oneParseMs)} ms, ×${(oneParseMs / maxDelayMs).toFixed(1)})`,
  );
  console.log(
    `  a store started from it: first rows in ${firstRowsMs.toFixed(1)} ms; search for contact 98,765 over all held ${Math.round(searchMs)} ms; heap for ${CACHE_CONTACTS} held +${Math.round(heldMB)} MB`,
  );
  return {
    cacheJsonKB: kb(jsonBytes),
    cacheFileKB: kb(sealed.length),
    cacheUncompressedKB: kb(uncompressedSealed),
    cacheWriteMs: Math.round(writeMs),
    cacheWriteMaxEventLoopDelayMs: Math.round(writeMaxDelayMs),
    cacheFirstPartMs: Number(firstMs.toFixed(1)),
    cacheReadMs: Math.round(readMs),
    cacheReadMaxEventLoopDelayMs: Math.round(maxDelayMs),
    cacheOneJsonParseMs: Math.round(oneParseMs),
    cacheStoreFirstRowsMs: Number(firstRowsMs.toFixed(1)),
    cacheSearch98765Ms: Math.round(searchMs),
    cacheHeldHeapMB: Math.round(heldMB),
  };
}
