/**
 * `npm run bench`: the paging engine against the stand-in (its own child process, 10,000 contacts,
 * 50 ms latency, per_page 100, concurrency 4), measured in one run against a naive sequential loop and
 * the ideal for that concurrency (the engine's figures are the median of three runs); then again with faults (every 5th request a 500, every 7th a 429).
 * Then (unless `--engine-only`) the user-facing figures from a real VS Code: see viewBench.ts.
 * Prints figures and, last, one JSON line. Exits non-zero only when it could not run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runInHostSuite } from '../harness/inHostSuite.mjs';
import { setup } from '../harness/setup.mjs';
import { MEMORY_CONTACTS, standIn, TOKEN } from './benchStandIn';
import { benchCache } from './cacheBench';
import { benchAdaptiveWalk, benchEngine } from './engineBench';
import { benchImport } from './importBench';
import { benchSort } from './sortBench';
import { benchView, VIEW_RUNS } from './viewBench';

/**
 * Export and @-mentions, measured inside a real extension host against the child-process stand-in
 * (10,000 contacts, 50 ms): see inHost/editorBench.ts.
 */
async function benchEditor(): Promise<Record<string, number>> {
  const server = await standIn([]);
  const large = await standIn(['--count', String(MEMORY_CONTACTS), '--latency', '20']);
  const resultFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linq-bench-')), 'editor.json');
  try {
    await runInHostSuite(resultFile, {
      testsPath: path.join(__dirname, 'inHost', 'editorBench.js'),
      env: { LINQ_BENCH_BASE_URL: server.baseUrl, LINQ_BENCH_TOKEN: TOKEN, LINQ_BENCH_MEMORY_URL: large.baseUrl },
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
    console.log(
      `several windows, ${f.windowsHeld} held: another window's edit shows in ${f.windowsSyncMs} ms (median of 5, at most ${f.windowsSyncMaxMs} ms) after the write's answer; the write itself ${f.windowsWriteMs} ms. Three windows starting at once with the cache held: ${f.windowsThreeStartRequests} list requests, one walk is ${f.windowsOneWalkRequests} (×${f.windowsThreeStartRatio})`,
    );
    console.log(
      `memory of the extension host, ${f.memoryContacts} held (one window's session, inside the host): heap ${f.memoryBeforeHeapMB} MB live before; ` +
        `as the walk left it ${f.memoryWalkedHeapUsedMB} MB used of ${f.memoryWalkedHeapTotalMB} MB reserved (resident ${f.memoryWalkedRssMB} MB, before ${f.memoryBeforeRssMB} MB); ` +
        `after a full collection ${f.memoryLiveHeapMB} MB live of ${f.memoryLiveHeapTotalMB} MB (${f.memoryLiveExternalMB} MB outside the heap, resident ${f.memoryLiveRssMB} MB); ` +
        `after a search over all ${f.memorySearchedHeapMB} MB; the window closed ${f.memoryClosedHeapMB} MB (resident ${f.memoryClosedRssMB} MB)`,
    );
    console.log(
      `several windows, ${f.at100k_windowsHeld} held: another window's edit shows in ${f.at100k_windowsSyncMs} ms (median of 3, at most ${f.at100k_windowsSyncMaxMs} ms) after the write's answer; the write itself ${f.at100k_windowsWriteMs} ms`,
    );
    return f;
  } finally {
    large.child.kill();
    server.child.kill();
    fs.rmSync(path.dirname(resultFile), { recursive: true, force: true });
  }
}

/**
 * `--cache-only`: only the encrypted cache's figures; `--sort-only`: only a change of the view's order at 100,000; `--walk-only`: only the adaptive walk against the fixed 4; `--import-only`: only the import; `--engine-only`: skip the real VS Code; `--view-only`: only the view runs; `--editor-only`: only export and
 * mentions; `--small`: only the 10,000-contact view run; `--large`: only the 100,000-contact one.
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
  if (process.argv.includes('--sort-only')) {
    console.log(JSON.stringify(await benchSort()));
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
      ...(await benchSort()),
    };
  }
  if (!process.argv.includes('--engine-only')) {
    setup();
  }
  if (!process.argv.includes('--engine-only') && !process.argv.includes('--view-only')) {
    result = { ...result, ...(await benchEditor()) };
  }
  if (!process.argv.includes('--engine-only') && !process.argv.includes('--editor-only')) {
    const wanted = (r: (typeof VIEW_RUNS)[number]): boolean =>
      process.argv.includes('--small')
        ? r.contacts === 10_000
        : !process.argv.includes('--large') || r.contacts > 10_000;
    for (const run of VIEW_RUNS.filter(wanted)) {
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
