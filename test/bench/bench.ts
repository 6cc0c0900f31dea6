/**
 * `npm run bench`: the paging engine against the stand-in (its own child process, 10,000 contacts,
 * 50 ms latency, per_page 100, concurrency 4), measured in one run against a naive sequential loop and
 * the ideal for that concurrency (the engine's figures are the median of three runs); then again with faults (every 5th request a 500, every 7th a 429).
 * Then (unless `--engine-only`) the user-facing figures from a real VS Code: see viewBench.ts.
 * Prints figures and, last, one JSON line. Exits non-zero only when it could not run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { MAX_PER_PAGE, WALK_CONCURRENCY } from '../../src/api/limits';
import { loadAllContacts } from '../support/loadAllContacts';
import { LinqClient } from '../../src/api/linqClient';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { runInHostSuite } from '../harness/inHostSuite.mjs';
import { setup } from '../harness/setup.mjs';
import { benchView, VIEW_RUNS } from './viewBench';
import { ContactStore } from '../../src/contacts/store/contactStore';
import { IMPORT_CONCURRENCY, planImport, runImport } from '../../src/contacts/contactImport';
import { readImportFile } from '../../src/format/importFile';
import { toVCard } from '../../src/format/vcard';
import { parseContact } from '../../src/api/validate';
import { demoContact } from '../server/contactFactory';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { decryptCache, encryptCache, newCacheKey } from '../../src/cache/cacheCipher';
import { encodeCache, openCache, type HeldContacts } from '../../src/cache/cacheCodec';
import { readIfThere, writeAtomically } from '../../src/cache/cacheFile';
import { matchRank, queryWords } from '../../src/format/contactMatch';

const CONTACTS = 10_000;
const LATENCY_MS = 50;
const PER_PAGE = MAX_PER_PAGE;
const CONCURRENCY = WALK_CONCURRENCY;
const TOKEN = 'bench-token';

async function standIn(extra: string[]): Promise<{ baseUrl: string; child: ChildProcess }> {
  const cli = path.join(__dirname, '..', 'server', 'cli.js');
  const child = spawn(
    process.execPath,
    [cli, '--count', String(CONTACTS), '--latency', String(LATENCY_MS), '--token', TOKEN, ...extra],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return listening(child);
}

async function listening(child: ChildProcess): Promise<{ baseUrl: string; child: ChildProcess }> {
  if (!child.stdout) {
    throw new Error('the stand-in has no stdout');
  }
  const stdout = child.stdout;
  const line = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`stand-in exited (${code})`)));
    readline.createInterface({ input: stdout }).once('line', resolve);
  });
  return { baseUrl: (JSON.parse(line) as { baseUrl: string }).baseUrl, child };
}

/** A client whose requests are counted. */
function countingClient(baseUrl: string): { client: LinqClient; requests: () => number } {
  let requests = 0;
  const counting: typeof fetch = (input, init) => {
    requests++;
    return fetch(input, init);
  };
  return {
    client: new LinqClient({ baseUrl, token: TOKEN, fetch: counting, retryLimit: 8 }),
    requests: () => requests,
  };
}

async function engine(
  baseUrl: string,
): Promise<{ firstPageMs: number; allMs: number; contacts: number; unique: number; requests: number }> {
  const { client, requests } = countingClient(baseUrl);
  const started = performance.now();
  let firstPageMs = 0;
  const all = await loadAllContacts(client, {
    perPage: PER_PAGE,
    concurrency: CONCURRENCY,
    onContacts: () => {
      firstPageMs ||= performance.now() - started;
    },
  });
  return {
    firstPageMs,
    allMs: performance.now() - started,
    contacts: all.length,
    unique: new Set(all.map((c) => c.id)).size,
    requests: requests(),
  };
}

async function sequential(baseUrl: string): Promise<number> {
  const { client } = countingClient(baseUrl);
  const started = performance.now();
  for (let page = 1; ; page++) {
    const reply = await client.listContacts(page, PER_PAGE);
    if (reply.contacts.length === 0 || page >= reply.pagination.totalPages) {
      break;
    }
  }
  return performance.now() - started;
}

async function benchEngine(): Promise<Record<string, number>> {
  const plain = await standIn([]);
  let result: Record<string, number>;
  try {
    await engine(plain.baseUrl); // warm-up: connections, JIT
    // The median of three runs, so one noisy run on a shared machine does not decide the figure.
    const runs = [await engine(plain.baseUrl), await engine(plain.baseUrl), await engine(plain.baseUrl)].sort(
      (a, b) => a.allMs - b.allMs,
    );
    const run = runs[1]!;
    const sequentialMs = await sequential(plain.baseUrl);
    const pages = Math.ceil(CONTACTS / PER_PAGE);
    // The floor: pages 1…c in the first round, then c at a time.
    const idealMs = Math.ceil(pages / CONCURRENCY) * LATENCY_MS;
    result = {
      contacts: run.contacts,
      unique: run.unique,
      pages,
      requests: run.requests,
      firstPageMs: Math.round(run.firstPageMs),
      allMs: Math.round(run.allMs),
      sequentialMs: Math.round(sequentialMs),
      idealMs,
      speedup: Number((sequentialMs / run.allMs).toFixed(2)),
      overIdeal: Number((run.allMs / idealMs).toFixed(3)),
    };
  } finally {
    plain.child.kill();
  }
  const faulty = await standIn(['--fail-every', '5', '--rate-limit-every', '7', '--retry-after', '1']);
  try {
    const run = await engine(faulty.baseUrl);
    result = {
      ...result,
      uniqueWithFaults: run.unique,
      contactsWithFaults: run.contacts,
      requestsWithFaults: run.requests,
      allMsWithFaults: Math.round(run.allMs),
    };
  } finally {
    faulty.child.kill();
  }
  result.rssMB = Math.round(process.memoryUsage().rss / 1024 / 1024);
  console.log(
    `engine: first page ${result.firstPageMs} ms, all ${result.contacts} contacts in ${result.allMs} ms (${result.requests} requests)`,
  );
  console.log(`sequential loop: ${result.sequentialMs} ms; ideal at concurrency ${CONCURRENCY}: ${result.idealMs} ms`);
  console.log(
    `speedup ×${result.speedup}, ${result.overIdeal}× ideal; with faults: ${result.uniqueWithFaults} unique in ${result.allMsWithFaults} ms (${result.requestsWithFaults} requests)`,
  );
  return result;
}

/**
 * Export and @-mentions, measured inside a real extension host against the child-process stand-in
 * (10,000 contacts, 50 ms): see inHost/editorBench.ts.
 */
async function benchEditor(): Promise<Record<string, number>> {
  const server = await standIn([]);
  const resultFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linq-bench-')), 'editor.json');
  try {
    await runInHostSuite(resultFile, {
      testsPath: path.join(__dirname, 'inHost', 'editorBench.js'),
      env: { LINQ_BENCH_BASE_URL: server.baseUrl, LINQ_BENCH_TOKEN: TOKEN },
    });
    const out = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { figures?: Record<string, number>; error?: string };
    if (!out.figures) {
      throw new Error(`the editor bench failed in the extension host: ${out.error ?? 'no figures'}`);
    }
    const f = out.figures;
    console.log(
      `export ${f.exportContacts} contacts to CSV (${f.exportBytes} bytes): ${f.exportColdMs} ms from an empty store, ${f.exportOverEngine}× the engine alone (${f.exportEngineMs} ms); ${f.exportWarmMs} ms with every contact held`,
    );
    console.log(
      `@a among ${f.exportContacts} contacts: ${f.mentionItems} items; the provider ${f.mentionProviderMs} ms (the matcher in it ${f.mentionMatcherMs} ms); through VS Code's completion command ${f.mentionCommandMs} ms, the same command with no mention typed ${f.mentionBaselineMs} ms`,
    );
    console.log(
      `  (with every contact held: the CSV text ${f.exportTextMs} ms, writing the file and renaming it ${f.exportWriteMs} ms)`,
    );
    return f;
  } finally {
    server.child.kill();
    fs.rmSync(path.dirname(resultFile), { recursive: true, force: true });
  }
}

const WALK_CONTACTS = 100_000;
const WALK_LATENCY_MS = 20;

/** One cold walk of every contact: fixed at 4 in flight, or adaptive (the client's `AdaptiveLimit`). */
async function walkOnce(
  baseUrl: string,
  fixed: boolean,
): Promise<{ ms: number; requests: number; limited: number; settled: number; contacts: number }> {
  let requests = 0;
  let limited = 0;
  const counting: typeof fetch = async (input, init) => {
    requests++;
    const response = await fetch(input, init);
    if (response.status === 429) {
      limited++;
    }
    return response;
  };
  const client = new LinqClient({ baseUrl, token: TOKEN, fetch: counting, retryLimit: 8 });
  const started = performance.now();
  const all = await loadAllContacts(
    client,
    fixed ? { perPage: PER_PAGE, concurrency: CONCURRENCY } : { perPage: PER_PAGE },
  );
  return {
    ms: performance.now() - started,
    requests,
    limited,
    settled: fixed ? CONCURRENCY : client.walkLimit.limit,
    contacts: all.length,
  };
}

/**
 * The adaptive walk against the fixed 4, in the same run: 100,000 contacts at 20 ms, against a stand-in with no
 * limit and one that answers 429 (`Retry-After: 1`) past 6 requests in flight (each its own child process).
 */
async function benchAdaptiveWalk(): Promise<Record<string, number>> {
  const cli = path.join(__dirname, '..', 'server', 'cli.js');
  const start = (extra: string[]): Promise<{ baseUrl: string; child: ChildProcess }> =>
    listening(
      spawn(
        process.execPath,
        [cli, '--count', String(WALK_CONTACTS), '--latency', String(WALK_LATENCY_MS), '--token', TOKEN, ...extra],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      ),
    );
  const result: Record<string, number> = {};
  for (const [name, extra] of [
    ['free', []],
    ['limit6', ['--max-in-flight', '6']],
  ] as const) {
    const server = await start([...extra]);
    try {
      await walkOnce(server.baseUrl, true); // warm-up
      const fixed = await walkOnce(server.baseUrl, true);
      const adaptive = await walkOnce(server.baseUrl, false);
      Object.assign(result, {
        [`walk_${name}_fixedMs`]: Math.round(fixed.ms),
        [`walk_${name}_adaptiveMs`]: Math.round(adaptive.ms),
        [`walk_${name}_speedup`]: Number((fixed.ms / adaptive.ms).toFixed(2)),
        [`walk_${name}_settledAt`]: adaptive.settled,
        [`walk_${name}_adaptive429Pct`]: Number(((100 * adaptive.limited) / adaptive.requests).toFixed(1)),
        [`walk_${name}_fixed429Pct`]: Number(((100 * fixed.limited) / fixed.requests).toFixed(1)),
        [`walk_${name}_contacts`]: Math.min(fixed.contacts, adaptive.contacts),
      });
      console.log(
        `cold walk of ${WALK_CONTACTS} at ${WALK_LATENCY_MS} ms, ${name === 'free' ? 'no limit' : '429 past 6 in flight'}: fixed 4 ${Math.round(fixed.ms)} ms (${fixed.limited} of ${fixed.requests} requests 429), adaptive ${Math.round(adaptive.ms)} ms (${adaptive.limited} of ${adaptive.requests} 429, settled at ${adaptive.settled}): ×${(fixed.ms / adaptive.ms).toFixed(2)}`,
      );
    } finally {
      server.child.kill();
    }
  }
  return result;
}

const IMPORT_ROWS = 1_000;
const IMPORT_KNOWN = 100;

/**
 * Import Contacts from a .vcf of 1,000 contacts, 100 of them already in Linq (the stand-in's own, under other
 * names), against the child-process stand-in at 50 ms: the plan (a `find` per row: the store is empty) and the
 * creates, at most 4 at a time, measured against the floor `(finds + creates) / 4 × latency` of the same
 * requests. Afterwards every contact is listed to count duplicates of the imported addresses.
 */
async function benchImport(): Promise<Record<string, number>> {
  const server = await standIn([]);
  try {
    const cards: string[] = [];
    for (let i = 0; i < IMPORT_ROWS; i++) {
      const known = i < IMPORT_KNOWN;
      const email = known ? String(demoContact(i * 97).email) : `imported.${i}@bench.example`;
      cards.push(
        toVCard(
          parseContact({
            id: i + 1,
            first_name: `Row${i}`,
            last_name: known ? 'Known' : 'Fresh',
            email,
            company: 'Bench Co',
          }),
        ),
      );
    }
    const read = readImportFile('bench.vcf', cards.join(''));
    const { client, requests } = countingClient(server.baseUrl);
    const target = { client, store: new ContactStore(client) };
    const started = performance.now();
    const plan = await planImport(target, read);
    const planMs = performance.now() - started;
    const findRequests = requests();
    const summary = await runImport(target, plan);
    const totalMs = performance.now() - started;
    const createRequests = requests() - findRequests;
    const floorMs = ((findRequests + createRequests) / IMPORT_CONCURRENCY) * LATENCY_MS;
    const all = await loadAllContacts(countingClient(server.baseUrl).client, {
      perPage: PER_PAGE,
      concurrency: CONCURRENCY,
    });
    const imported = new Set(read.drafts.map((d) => d.email.toLowerCase()));
    const perEmail = new Map<string, number>();
    for (const c of all) {
      const key = c.email?.toLowerCase();
      if (key !== undefined && imported.has(key)) {
        perEmail.set(key, (perEmail.get(key) ?? 0) + 1);
      }
    }
    const duplicates = [...perEmail.values()].reduce((sum, n) => sum + n - 1, 0);
    const result = {
      importRows: IMPORT_ROWS,
      importNew: plan.fresh.length,
      importExisting: plan.existing.length,
      importCreated: summary.created.length,
      importFailed: summary.failed.length,
      importFinds: findRequests,
      importCreates: createRequests,
      importPlanMs: Math.round(planMs),
      importMs: Math.round(totalMs),
      importFloorMs: Math.round(floorMs),
      importOverFloor: Number((totalMs / floorMs).toFixed(3)),
      importDuplicates: duplicates,
      importMissing: imported.size - perEmail.size,
    };
    console.log(
      `import ${IMPORT_ROWS} from a .vcf (${result.importExisting} already in Linq): ${result.importNew} new, ${result.importCreated} created, ${result.importFailed} failed in ${result.importMs} ms (plan ${result.importPlanMs} ms)`,
    );
    console.log(
      `  ${result.importFinds} finds + ${result.importCreates} creates; floor (finds + creates) / ${IMPORT_CONCURRENCY} × ${LATENCY_MS} ms = ${result.importFloorMs} ms: ${result.importOverFloor}× the floor; ${duplicates} duplicates, ${result.importMissing} addresses missing`,
    );
    return result;
  } finally {
    server.child.kill();
  }
}

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
async function benchCache(): Promise<Record<string, number>> {
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
    decoded = await opened.whole;
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

/**
 * `--cache-only`: only the encrypted cache's figures; `--walk-only`: only the adaptive walk against the fixed 4; `--import-only`: only the import; `--engine-only`: skip the real VS Code; `--view-only`: only the view runs; `--editor-only`: only export and
 * mentions; `--small`: only the 10,000-contact view run.
 */
async function main(): Promise<void> {
  let result: Record<string, number> = {};
  if (process.argv.includes('--import-only')) {
    console.log(JSON.stringify(await benchImport()));
    return;
  }
  if (process.argv.includes('--cache-only')) {
    console.log(JSON.stringify(await benchCache()));
    return;
  }
  if (process.argv.includes('--walk-only')) {
    console.log(JSON.stringify(await benchAdaptiveWalk()));
    return;
  }
  if (!process.argv.includes('--view-only') && !process.argv.includes('--editor-only')) {
    result = {
      ...(await benchEngine()),
      ...(await benchAdaptiveWalk()),
      ...(await benchImport()),
      ...(await benchCache()),
    };
  }
  if (!process.argv.includes('--engine-only')) {
    setup();
  }
  if (!process.argv.includes('--engine-only') && !process.argv.includes('--view-only')) {
    result = { ...result, ...(await benchEditor()) };
  }
  if (!process.argv.includes('--engine-only') && !process.argv.includes('--editor-only')) {
    for (const run of VIEW_RUNS.filter((r) => !process.argv.includes('--small') || r.contacts === 10_000)) {
      const figures = await benchView(run, (line) => console.log(line));
      // The 10,000-contact run keeps the plain keys; the others are prefixed with their size.
      const prefix = run.contacts === 10_000 ? '' : `at${run.contacts / 1000}k_`;
      result = { ...result, ...Object.fromEntries(Object.entries(figures).map(([k, v]) => [prefix + k, v])) };
    }
  }
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error('bench could not run:', error);
  process.exit(1);
});
