import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LinqContactsTestApi } from '../../src/testApi';
import { Settings } from '../../src/constants';
import { EXTENSION_ID } from '../support/extensionId';
import { startStandIn, type StandIn, type StandInOptions } from '../server/linqStandIn';
import { waitFor } from '../support/waitFor';

/** Activates the extension under test and returns its internal test API. */
export async function extensionApi(): Promise<LinqContactsTestApi> {
  const extension = vscode.extensions.getExtension<LinqContactsTestApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  const api = extension.isActive ? extension.exports : await extension.activate();
  assert.ok(api, 'the test API is handed out in ExtensionMode.Test');
  return api;
}

/** Points the extension at a fresh stand-in (global settings), returning it. */
export async function useStandIn(options: Partial<StandInOptions> = {}): Promise<StandIn> {
  const standIn = await startStandIn(options);
  await configure({ apiBaseUrl: standIn.baseUrl });
  return standIn;
}

export async function configure(settings: {
  apiBaseUrl?: string;
  pageSize?: number;
  showAvatars?: boolean;
  prefetchLimit?: number;
}): Promise<void> {
  const config = vscode.workspace.getConfiguration(Settings.section);
  for (const [key, value] of Object.entries(settings)) {
    await config.update(key, value, vscode.ConfigurationTarget.Global);
  }
}

export { waitFor } from '../support/waitFor';

/** Sets the token and waits for the view's first rows. */
export async function firstRows(token = 'suite-token'): Promise<LinqContactsTestApi> {
  const api = await extensionApi();
  await api.tokens.set(token);
  await waitFor(
    'first rows',
    async () => {
      await api.provider.getChildren();
      await api.provider.idle();
      return api.provider.rows.loadedAny;
    },
    20_000,
  );
  return api;
}
