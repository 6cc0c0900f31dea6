import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { LinqContactsTestApi, TestWindow } from '../../../src/testApi';
import { ContactSearch } from '../../../src/format/contactMatch';
import { demoContact } from '../../server/contactFactory';
import { waitFor } from '../../support/waitFor';
import { MEMORY_CONTACTS } from '../benchStandIn';

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

/**
 * Where the extension host's memory goes with 100,000 contacts held, measured inside the host (a window's session as
 * `openWindow` makes it, the cache off, against a stand-in of 100,000): its heap as the walk leaves it, then after a
 * full collection (what is live, apart from garbage the host had not collected yet), after a search over all of
 * them (the folded texts search keeps), and after the window is closed (what it leaves behind). The collection is
 * forced through V8's `gc`, made reachable for this bench only (`--expose-gc` set at run time).
 */
export async function measureMemory(api: LinqContactsTestApi, baseUrl: string): Promise<Record<string, number>> {
  const config = vscode.workspace.getConfiguration('linqContacts');
  await config.update('apiBaseUrl', baseUrl, vscode.ConfigurationTarget.Global);
  await config.update('cache', false, vscode.ConfigurationTarget.Global);
  await config.update('prefetchLimit', MEMORY_CONTACTS, vscode.ConfigurationTarget.Global);
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const collected = async (): Promise<NodeJS.MemoryUsage> => {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 200));
    gc();
    return process.memoryUsage();
  };
  const before = await collected();
  // Let go of once closed, so that what it held can be collected.
  let window: TestWindow | undefined = api.openWindow();
  try {
    await window.open();
    window.start();
    await waitFor('every contact held', () => window!.knownContacts().length >= MEMORY_CONTACTS, 300_000);
    // Let the walk's last pages settle, as a user would see it a moment after the view filled.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const walked = process.memoryUsage();
    const live = await collected();
    // A search as Search Contacts makes one (its own arrays are let go with it; the folded texts stay with the contacts).
    const found = new ContactSearch().best(window.knownContacts(), demoContact(98_764).email as string, 200).total;
    if (found !== 1) {
      throw new Error(`the memory bench's search found ${found} contacts, not 1`);
    }
    const searched = await collected();
    window.dispose();
    window = undefined;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const closed = await collected();
    return {
      memoryContacts: MEMORY_CONTACTS,
      memoryBeforeHeapMB: mb(before.heapUsed),
      memoryBeforeRssMB: mb(before.rss),
      memoryWalkedHeapUsedMB: mb(walked.heapUsed),
      memoryWalkedHeapTotalMB: mb(walked.heapTotal),
      memoryWalkedRssMB: mb(walked.rss),
      memoryLiveHeapMB: mb(live.heapUsed),
      memoryLiveHeapTotalMB: mb(live.heapTotal),
      memoryLiveExternalMB: mb(live.external),
      memoryLiveRssMB: mb(live.rss),
      memorySearchedHeapMB: mb(searched.heapUsed),
      memoryClosedHeapMB: mb(closed.heapUsed),
      memoryClosedRssMB: mb(closed.rss),
    };
  } finally {
    window?.dispose();
  }
}
