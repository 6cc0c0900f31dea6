import * as vscode from 'vscode';
import type { LinqContactsTestApi, TestWindow } from '../../../src/testApi';
import { waitFor } from '../../support/waitFor';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Windows over the same storage folder and secrets (`openWindow`: a session and cache of their own, as a second window
 * has), in this extension host, against the bench's stand-in: the time from a write's answer in one window to the
 * change in another (baseline: the write's own round trip, in the same run), and the list requests when three windows
 * start at once with the cache held (baseline: one walk's pages). Requests are counted at `fetch`.
 */
export async function measureWindows(
  api: LinqContactsTestApi,
  baseUrl: string,
  held = 10_000,
  { syncRuns: runs = 5, threeAtOnce = true } = {},
): Promise<Record<string, number>> {
  const config = vscode.workspace.getConfiguration('linqContacts');
  await config.update('apiBaseUrl', baseUrl, vscode.ConfigurationTarget.Global);
  await config.update('cache', true, vscode.ConfigurationTarget.Global);
  await config.update('prefetchLimit', held, vscode.ConfigurationTarget.Global);
  let listRequests = 0;
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(`${baseUrl}/contacts?`)) {
      listRequests++;
    }
    return original(input, init);
  };
  const windows: TestWindow[] = [];
  const open = async (): Promise<TestWindow> => {
    const w = api.openWindow();
    windows.push(w);
    await w.open();
    return w;
  };
  try {
    const writer = await open();
    writer.start();
    await waitFor('every contact held', () => writer.knownContacts().length >= held, 300_000);
    const count = writer.knownContacts().length;
    await writer.saveCache();
    const reader = await open();
    const syncRuns: number[] = [];
    const writeRuns: number[] = [];
    for (let i = 0; i < runs; i++) {
      const target = writer.knownContacts()[100 + i]!;
      const title = `Bench title ${i} ${Date.now()}`;
      const sent = performance.now();
      await writer.update(target.id, { firstName: target.firstName ?? 'Bench', title });
      const answered = performance.now();
      writeRuns.push(answered - sent);
      await waitFor(
        'the other window changed',
        () => reader.knownContacts().find((c) => c.id === target.id)?.title === title,
        60_000,
      );
      syncRuns.push(performance.now() - answered);
    }
    const sync = {
      windowsHeld: count,
      windowsSyncMs: Math.round(median(syncRuns)),
      windowsSyncMaxMs: Math.round(Math.max(...syncRuns)),
      windowsWriteMs: Math.round(median(writeRuns)),
    };
    if (!threeAtOnce) {
      return sync;
    }
    // Three windows at once, the cache held and Linq changed meanwhile: their refreshes.
    await writer.saveCache();
    windows.splice(0).forEach((w) => w.dispose());
    listRequests = 0;
    const three = await Promise.all([open(), open(), open()]);
    three.forEach((w) => w.start());
    await new Promise((r) => setTimeout(r, 5_000));
    const startRequests = listRequests;
    const onePass = Math.ceil(count / 100);
    return {
      ...sync,
      windowsThreeStartRequests: startRequests,
      windowsOneWalkRequests: onePass,
      windowsThreeStartRatio: Number((startRequests / onePass).toFixed(2)),
    };
  } finally {
    globalThis.fetch = original;
    windows.forEach((w) => w.dispose());
  }
}
