import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { LinqClient } from '../../src/api/linqClient';
import { loadAllContacts } from '../support/loadAllContacts';
import { CONCURRENCY, CONTACTS, countingClient, LATENCY_MS, listening, PER_PAGE, standIn, TOKEN } from './benchStandIn';

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

export async function benchEngine(): Promise<Record<string, number>> {
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
export async function benchAdaptiveWalk(): Promise<Record<string, number>> {
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
