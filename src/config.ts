import * as vscode from 'vscode';
import { DEFAULT_API_BASE_URL } from './api/baseUrl';
import { MAX_PER_PAGE } from './api/limits';
import { clampPerPage } from './api/linqClient';
import { Settings } from './constants';

/** The extension's settings, read fresh each time (they can change at any moment). */
export interface LinqSettings {
  /** From the user's own settings only: where the token goes. */
  readonly apiBaseUrl: string;
  readonly pageSize: number;
  /** From the user's own settings only: whether remote avatar images load at all. */
  readonly showAvatars: boolean;
}

/**
 * A setting as the user's own (global) settings have it, else its default. Workspace and folder values
 * are never read: a cloned repository's `.vscode/settings.json` must not decide where the token goes.
 * The manifest also marks these keys `"scope": "application"`, which makes VS Code drop such values.
 */
function userSetting<T>(config: vscode.WorkspaceConfiguration, key: string, fallback: T): T {
  const inspected = config.inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

export function readSettings(): LinqSettings {
  const config = vscode.workspace.getConfiguration(Settings.section);
  return {
    apiBaseUrl: userSetting<string>(config, Settings.apiBaseUrl, DEFAULT_API_BASE_URL) || DEFAULT_API_BASE_URL,
    pageSize: clampPerPage(config.get<number>(Settings.pageSize, MAX_PER_PAGE)),
    showAvatars: userSetting<boolean>(config, Settings.showAvatars, true) !== false,
  };
}

/** True when a workspace or folder offers an API base URL (it is ignored; the log says so once). */
export function workspaceOffersBaseUrl(): boolean {
  const inspected = vscode.workspace.getConfiguration(Settings.section).inspect<string>(Settings.apiBaseUrl);
  return inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined;
}

/** True when a configuration change touches a setting that changes what the API returns. */
export function affectsConnection(e: vscode.ConfigurationChangeEvent): boolean {
  return (
    e.affectsConfiguration(`${Settings.section}.${Settings.apiBaseUrl}`) ||
    e.affectsConfiguration(`${Settings.section}.${Settings.pageSize}`)
  );
}

/** True when a configuration change touches how the detail tab shows images. */
export function affectsAvatars(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${Settings.section}.${Settings.showAvatars}`);
}
