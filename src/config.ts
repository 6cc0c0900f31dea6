import * as vscode from 'vscode';
import { DEFAULT_API_BASE_URL } from './api/baseUrl';
import { clampPerPage } from './api/linqClient';
import { Settings } from './constants';

/** The extension's settings, read fresh each time (they can change at any moment). */
export interface LinqSettings {
  readonly apiBaseUrl: string;
  readonly pageSize: number;
}

export function readSettings(): LinqSettings {
  const config = vscode.workspace.getConfiguration(Settings.section);
  return {
    apiBaseUrl: config.get<string>(Settings.apiBaseUrl, DEFAULT_API_BASE_URL) || DEFAULT_API_BASE_URL,
    pageSize: clampPerPage(config.get<number>(Settings.pageSize, 100)),
  };
}

/** True when a configuration change touches a setting that changes what the API returns. */
export function affectsConnection(e: vscode.ConfigurationChangeEvent): boolean {
  return (
    e.affectsConfiguration(`${Settings.section}.${Settings.apiBaseUrl}`) ||
    e.affectsConfiguration(`${Settings.section}.${Settings.pageSize}`)
  );
}
