/** What the view bench reads off the machine: the extension hosts' memory and the extension's own log lines. */
import * as fs from 'node:fs';
import { filesUnder } from '../support/filesUnder';

/**
 * Resident memory of the code-server extension hosts, in MB (Linux /proc). The bench runs one
 * code-server at a time, so these are the hosts of its window.
 */
export function extensionHostMB(): number {
  let kb = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!/extensionHost/.test(cmdline)) {
        continue;
      }
      const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += Number(rss?.[1] ?? 0);
    } catch {
      // The process ended while we looked.
    }
  }
  return Math.round(kb / 1024);
}

/** When the last line of the extension's newest log that matches `pattern` was written (ms since the epoch). */
export function lastLogTime(root: string, pattern: RegExp): number {
  const logs = filesUnder(root)
    .filter((f) => f.endsWith('Linq Contacts.log'))
    .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs);
  const newest = logs.at(-1);
  const lines = newest ? fs.readFileSync(newest, 'utf8').split('\n') : [];
  const line = lines.reverse().find((l) => pattern.test(l));
  // "2026-12-02 19:55:43.688 [info] …", in the machine's local time (as the bench's own clock).
  const stamp = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3})/.exec(line ?? '');
  return stamp
    ? new Date(+stamp[1]!, +stamp[2]! - 1, +stamp[3]!, +stamp[4]!, +stamp[5]!, +stamp[6]!, +stamp[7]!).getTime()
    : Number.NaN;
}

/** The number in the last line of the extension's newest log that matches `pattern` (its first group). */
export function lastLogFigure(root: string, pattern: RegExp): number {
  const logs = filesUnder(root)
    .filter((f) => f.endsWith('Linq Contacts.log'))
    .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs);
  const newest = logs.at(-1);
  const lines = newest ? fs.readFileSync(newest, 'utf8').split('\n') : [];
  for (const line of lines.reverse()) {
    const match = pattern.exec(line);
    if (match) {
      return Number(match[1]);
    }
  }
  return Number.NaN;
}

/** The extension host's own view of its memory when the last walk ended (the extension's log line), in MB. */
export function hostMemoryLogged(root: string): {
  hostHeapUsedMB: number;
  hostHeapTotalMB: number;
  hostExternalMB: number;
  hostResidentLoggedMB: number;
} {
  const line = (pattern: RegExp): number => lastLogFigure(root, pattern);
  return {
    hostHeapUsedMB: line(/Memory of the extension host: heap (\d+) MB used/),
    hostHeapTotalMB: line(/Memory of the extension host: heap \d+ MB used of (\d+) MB/),
    hostExternalMB: line(/Memory of the extension host: .*, (\d+) MB outside it/),
    hostResidentLoggedMB: line(/Memory of the extension host: .* (\d+) MB resident/),
  };
}

/** Waits (checking every 100 ms) until `check` holds; throws after `timeoutMs`. */
export async function until(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
