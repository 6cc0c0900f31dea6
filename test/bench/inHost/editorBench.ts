/**
 * The in-host half of the editor bench, run inside a real VS Code extension host (code-server) the way
 * the in-host suite is: Export Contacts to CSV end to end with the store empty and again with every
 * contact held, the paging engine alone loading the same contacts in the same host, and @-mention
 * completions with every contact loaded. Writes figures to $LINQ_SUITE_RESULTS; nothing passes or fails.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadAllContacts } from '../../support/loadAllContacts';
import { MAX_PER_PAGE, WALK_CONCURRENCY } from '../../../src/api/limits';
import { LinqClient } from '../../../src/api/linqClient';
import { EXTENSION_ID } from '../../support/extensionId';
import type { LinqContactsTestApi } from '../../../src/testApi';
import { TokenStore } from '../../../src/auth/tokenStore';
import { LinqSession } from '../../../src/contacts/linqSession';
import { MENTION_MAX_ITEMS, MentionProvider } from '../../../src/editor/mentionProvider';
import { exportText } from '../../support/exportText';
import { bestMatches } from '../../../src/format/contactMatch';
import { waitFor } from '../../support/waitFor';
import { MEMORY_CONTACTS } from '../benchStandIn';
import { measureMemory } from './memoryBench';
import { measureWindows } from './windowsBench';

const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed(work: () => Thenable<unknown> | Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function measure(baseUrl: string, token: string): Promise<Record<string, number>> {
  const config = vscode.workspace.getConfiguration('linqContacts');
  await config.update('apiBaseUrl', baseUrl, vscode.ConfigurationTarget.Global);
  // Nothing loads in the background: the cold export has to walk every page itself.
  await config.update('prefetchLimit', 0, vscode.ConfigurationTarget.Global);
  // No encrypted cache: a new connection starts from an empty store, as the export before the cache did.
  await config.update('cache', false, vscode.ConfigurationTarget.Global);
  const extension = vscode.extensions.getExtension<LinqContactsTestApi>(EXTENSION_ID);
  const api = (extension?.isActive ? extension.exports : await extension?.activate()) as LinqContactsTestApi;
  await api.tokens.set(token);
  await waitFor('token', () => api.tokens.has());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-bench-'));
  try {
    // The baseline, in this host and run: the engine alone (client + store) loading every contact.
    const engineRuns: number[] = [];
    let expected = 0;
    for (let i = 0; i < 3; i++) {
      engineRuns.push(
        await timed(async () => {
          expected = (
            await loadAllContacts(new LinqClient({ baseUrl, token }), {
              perPage: MAX_PER_PAGE,
              concurrency: WALK_CONCURRENCY,
            })
          ).length;
        }),
      );
    }
    const coldRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      // Refresh keeps the rows it refreshes: a new connection (the token cleared and set again) starts empty.
      await api.tokens.clear();
      await api.tokens.set(token);
      await waitFor('the store emptied', () => api.session.knownContacts().length === 0);
      const target = vscode.Uri.file(path.join(dir, `cold-${i}.csv`));
      coldRuns.push(await timed(() => api.exportTo('csv', target)));
      if (api.session.knownContacts().length !== expected) {
        throw new Error(`the export held ${api.session.knownContacts().length} contacts, not ${expected}`);
      }
    }
    const warmRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      warmRuns.push(await timed(() => api.exportTo('csv', vscode.Uri.file(path.join(dir, `warm-${i}.csv`)))));
    }
    const bytes = fs.statSync(path.join(dir, 'warm-0.csv')).size;

    // @a among every contact through VS Code's own command (the provider plus the round trip to the
    // workbench and back), alternating with the same command where no mention is typed, so both meet the
    // same conditions; after a pause, so the exports' notifications are gone.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '@a' });
    const at = doc.lineAt(0).range.end;
    const plain = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'a' });
    const completionRuns: number[] = [];
    const baselineRuns: number[] = [];
    let items = 0;
    for (let i = 0; i < RUNS * 2 + 1; i++) {
      const mentionMs = await timed(async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          doc.uri,
          at,
        );
        items = list.items.filter((item) => item.kind === vscode.CompletionItemKind.User).length;
      });
      const plainMs = await timed(() =>
        vscode.commands.executeCommand('vscode.executeCompletionItemProvider', plain.uri, plain.lineAt(0).range.end),
      );
      if (i > 0) {
        // The first round warms up.
        completionRuns.push(mentionMs);
        baselineRuns.push(plainMs);
      }
    }
    const all = api.session.knownContacts();
    const csvBytes = fs.readFileSync(path.join(dir, 'warm-0.csv'));
    const writeRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const temp = vscode.Uri.file(path.join(dir, `write-${i}.part`));
      writeRuns.push(
        await timed(async () => {
          await vscode.workspace.fs.writeFile(temp, csvBytes);
          await vscode.workspace.fs.rename(temp, vscode.Uri.file(path.join(dir, `write-${i}.csv`)), {
            overwrite: true,
          });
        }),
      );
    }
    const textRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      textRuns.push(await timed(() => Promise.resolve(exportText(all, 'csv'))));
    }
    const matcherRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      matcherRuns.push(await timed(() => Promise.resolve(bestMatches(all, 'a', MENTION_MAX_ITEMS))));
    }
    // The provider alone, as the extension host runs it: its own session over a secret store that holds
    // the bench token, every contact loaded (registered last, so the figures above met only the extension's).
    const secrets = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
    const tokens = new TokenStore({
      get: () => Promise.resolve(token),
      store: () => Promise.resolve(),
      delete: () => Promise.resolve(),
      onDidChange: secrets.event,
    });
    const session = new LinqSession(tokens);
    const provider = new MentionProvider(session);
    const providerRuns: number[] = [];
    try {
      await session.loadAll().promise;
      const cancel = new vscode.CancellationTokenSource();
      for (let i = 0; i < RUNS + 1; i++) {
        const ms = await timed(() => provider.provideCompletionItems(doc, at, cancel.token));
        if (i > 0) {
          providerRuns.push(ms);
        }
      }
    } finally {
      provider.dispose();
      session.dispose();
      tokens.dispose();
      secrets.dispose();
    }
    const engineMs = median(engineRuns);
    const exportColdMs = median(coldRuns);
    return {
      exportContacts: expected,
      exportEngineMs: Math.round(engineMs),
      exportColdMs: Math.round(exportColdMs),
      exportOverEngine: Number((exportColdMs / engineMs).toFixed(2)),
      exportWarmMs: Math.round(median(warmRuns)),
      exportBytes: bytes,
      mentionItems: items,
      mentionCommandMs: Number(median(completionRuns).toFixed(1)),
      mentionBaselineMs: Number(median(baselineRuns).toFixed(1)),
      exportTextMs: Math.round(median(textRuns)),
      exportWriteMs: Math.round(median(writeRuns)),
      mentionProviderMs: Number(median(providerRuns).toFixed(1)),
      mentionMatcherMs: Number(median(matcherRuns).toFixed(1)),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await api.tokens.clear();
  }
}

/** The entry point the extension host calls (as for the in-host suite's `run`). */
export async function run(): Promise<void> {
  const file = process.env.LINQ_SUITE_RESULTS;
  const baseUrl = process.env.LINQ_BENCH_BASE_URL ?? '';
  const token = process.env.LINQ_BENCH_TOKEN ?? '';
  try {
    const figures = await measure(baseUrl, token);
    const extension = vscode.extensions.getExtension<LinqContactsTestApi>(EXTENSION_ID);
    const api = (extension?.isActive ? extension.exports : await extension?.activate()) as LinqContactsTestApi;
    await api.tokens.set(token);
    Object.assign(figures, await measureWindows(api, baseUrl));
    const large = process.env.LINQ_BENCH_MEMORY_URL ?? '';
    Object.assign(figures, await measureMemory(api, large));
    // The same windows figure with 100,000 held (three runs).
    const at100k = await measureWindows(api, large, MEMORY_CONTACTS, { syncRuns: 3, threeAtOnce: false });
    Object.assign(figures, Object.fromEntries(Object.entries(at100k).map(([k, v]) => [`at100k_${k}`, v])));
    await api.tokens.clear();
    if (file) {
      fs.writeFileSync(file, JSON.stringify({ figures }));
    }
  } catch (error) {
    if (file) {
      fs.writeFileSync(file, JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
    }
    throw error;
  }
}
