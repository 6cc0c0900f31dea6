/** The bench's stand-in in a child process of its own (it must not share the measured event loop), and its figures. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { MAX_PER_PAGE, WALK_CONCURRENCY } from '../../src/api/limits';
import { LinqClient } from '../../src/api/linqClient';

export const CONTACTS = 10_000;
export const LATENCY_MS = 50;
export const PER_PAGE = MAX_PER_PAGE;
export const CONCURRENCY = WALK_CONCURRENCY;
export const TOKEN = 'bench-token';
/** The contacts the in-host memory figures hold (inHost/memoryBench.ts), at 20 ms. */
export const MEMORY_CONTACTS = 100_000;

export async function standIn(extra: string[]): Promise<{ baseUrl: string; child: ChildProcess }> {
  const cli = path.join(__dirname, '..', 'server', 'cli.js');
  const child = spawn(
    process.execPath,
    [cli, '--count', String(CONTACTS), '--latency', String(LATENCY_MS), '--token', TOKEN, ...extra],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return listening(child);
}

export async function listening(child: ChildProcess): Promise<{ baseUrl: string; child: ChildProcess }> {
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
export function countingClient(baseUrl: string): { client: LinqClient; requests: () => number } {
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
