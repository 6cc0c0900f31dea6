import * as vscode from 'vscode';
import { DEFAULT_API_BASE_URL } from './api/baseUrl';
import { clampPerPage, DEFAULT_PREFETCH_LIMIT, MAX_CONTACTS, MAX_PER_PAGE } from './api/limits';
import { Settings } from './constants';
import { isSortOrder, type SortOrder } from './format/contactOrder';
import { isInsertFormat, MENTION_FORMATS, type InsertFormat } from './format/insertFormats';

/** The extension's settings, read fresh each time (they can change at any moment). */
export interface LinqSettings {
  /** From the user's own settings only: where the token goes. */
  readonly apiBaseUrl: string;
  readonly pageSize: number;
  /** From the user's own settings only: whether remote avatar images load at all. */
  readonly showAvatars: boolean;
  /** Contacts loaded in the background once the view shows its first rows (0: none). */
  readonly prefetchLimit: number;
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
    prefetchLimit: clampPrefetch(userSetting<number>(config, Settings.prefetchLimit, DEFAULT_PREFETCH_LIMIT)),
  };
}

/** The prefetch limit as a whole number from 0 to `MAX_CONTACTS` (anything else: the default). */
function clampPrefetch(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(MAX_CONTACTS, Math.max(0, Math.trunc(value)))
    : DEFAULT_PREFETCH_LIMIT;
}

/**
 * `linqContacts.readOnly`, from the user's own settings only: nothing but `GET` is sent, and no write
 * command or button is offered. Read live before every write.
 */
export function readOnlyMode(): boolean {
  return userSetting<boolean>(vscode.workspace.getConfiguration(Settings.section), Settings.readOnly, false) === true;
}

/** True when a configuration change touches read-only mode. */
export function affectsReadOnly(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${Settings.section}.${Settings.readOnly}`);
}

/**
 * `linqContacts.cache`, from the user's own settings only: whether the organisation is kept on disk in
 * the encrypted copy. Read again before every write of the copy.
 */
export function cacheEnabled(): boolean {
  return userSetting<boolean>(vscode.workspace.getConfiguration(Settings.section), Settings.cache, true) !== false;
}

/** True when a configuration change touches the encrypted copy. */
export function affectsCache(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${Settings.section}.${Settings.cache}`);
}

/** True when a workspace or folder offers an API base URL (it is ignored; the log says so once). */
export function workspaceOffersBaseUrl(): boolean {
  const inspected = vscode.workspace.getConfiguration(Settings.section).inspect<string>(Settings.apiBaseUrl);
  return inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined;
}

/** True when a configuration change touches where the API is (everything loaded is stale). */
export function affectsConnection(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${Settings.section}.${Settings.apiBaseUrl}`);
}

/** True when a configuration change touches how the view pages or prefetches (nothing is refetched). */
export function affectsPaging(e: vscode.ConfigurationChangeEvent): boolean {
  return (
    e.affectsConfiguration(`${Settings.section}.${Settings.pageSize}`) ||
    e.affectsConfiguration(`${Settings.section}.${Settings.prefetchLimit}`)
  );
}

/** True when a configuration change touches how the detail tab shows images. */
export function affectsAvatars(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${Settings.section}.${Settings.showAvatars}`);
}

/** Where @-mentions are offered (`linqContacts.mentions.languages`): language ids, blanks dropped. */
export function mentionLanguages(): string[] {
  const value = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.mentionsLanguages);
  const list = Array.isArray(value) ? value : DEFAULT_MENTION_LANGUAGES;
  return [...new Set(list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()))];
}

export const DEFAULT_MENTION_LANGUAGES: readonly string[] = ['markdown', 'plaintext', 'git-commit', 'scminput'];

/** What an accepted mention inserts (`linqContacts.mentions.format`), in the document's scope. */
export function mentionFormat(scope?: vscode.ConfigurationScope): InsertFormat {
  const value = vscode.workspace.getConfiguration(Settings.section, scope).get<unknown>(Settings.mentionsFormat);
  return isInsertFormat(value) && MENTION_FORMATS.includes(value) ? value : 'nameAndEmail';
}

/** Whether hover cards are on (`linqContacts.hovers`), in the document's scope. */
export function hoversEnabled(scope?: vscode.ConfigurationScope): boolean {
  return vscode.workspace.getConfiguration(Settings.section, scope).get<unknown>(Settings.hovers) !== false;
}

/** True when a configuration change touches the mention languages (the provider is registered again). */
export function affectsMentionLanguages(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${Settings.section}.${Settings.mentionsLanguages}`);
}

/** The Contacts view's order (`linqContacts.sortBy`), from the user's own settings. */
export function sortOrder(): SortOrder {
  const value = userSetting<unknown>(vscode.workspace.getConfiguration(Settings.section), Settings.sortBy, 'linq');
  return isSortOrder(value) ? value : 'linq';
}

/** Writes the view's order to the user's settings. */
export async function setSortOrder(order: SortOrder): Promise<void> {
  await vscode.workspace
    .getConfiguration(Settings.section)
    .update(Settings.sortBy, order, vscode.ConfigurationTarget.Global);
}

/** True when a configuration change touches the view's order or who "You" is. */
export function affectsOrder(e: vscode.ConfigurationChangeEvent): boolean {
  return (
    e.affectsConfiguration(`${Settings.section}.${Settings.sortBy}`) ||
    e.affectsConfiguration(`${Settings.section}.${Settings.ownerEmail}`)
  );
}

/** Your own Linq user's email (`linqContacts.ownerEmail`), trimmed; `undefined` when not set. */
export function ownerEmail(): string | undefined {
  const value = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.ownerEmail);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
