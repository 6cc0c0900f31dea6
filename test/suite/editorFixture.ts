/**
 * Shared by the in-host tests of the editor features (Insert Contact, @-mentions, hover cards, export):
 * one stand-in of 300 contacts with hostile data, every contact held before the tests, and small helpers.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseContact } from '../../src/api/validate';
import type { Contact } from '../../src/api/types';
import { displayName, truncate } from '../../src/format/contactText';
import { oneLine } from '../../src/format/sanitize';
import { hostileIndex, makeContact, type HostileVariant } from '../server/contactFactory';
import type { StandIn } from '../server/linqStandIn';
import { configure, extensionApi, useStandIn, waitFor } from './helpers';

export const TOKEN = 'suite-token';
export const COUNT = 300;

/** The stand-in's contact as the extension holds it after validation. */
export function held(variant: HostileVariant): Contact {
  return parseContact(makeContact(hostileIndex(variant), true));
}

export async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('linqContacts').update(key, value, vscode.ConfigurationTarget.Global);
}

let scratchDocs = 0;

/**
 * A new untitled document with this text, under a name never used before (`openTextDocument({ content })`
 * reuses "Untitled-N" names, and a request can then meet an older document's text).
 */
export async function scratch(text: string, language = 'plaintext'): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.parse(`untitled:linq-scratch-${++scratchDocs}`);
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  return vscode.languages.setTextDocumentLanguage(doc, language);
}

/** A new untitled document with this text, shown. */
export async function editorWith(text: string, language = 'plaintext'): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await scratch(text, language));
}

/** Presses Enter in the quick input (the item on top) until the command that opened it has answered. */
export async function acceptUntilAnswered(command: Thenable<unknown>): Promise<void> {
  let settled = false;
  void Promise.resolve(command).finally(() => (settled = true));
  await waitFor('the picker answered', async () => {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return settled;
  });
}

/** Closes every editor without asking to save (the documents are untitled scratch text). */
export async function closeAll(): Promise<void> {
  while (vscode.window.activeTextEditor) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The completion items of this extension (kind User) at the end of a one-line document. */
export async function mentionsAt(
  text: string,
  language = 'markdown',
): Promise<{ items: vscode.CompletionItem[]; incomplete: boolean; doc: vscode.TextDocument }> {
  const doc = await scratch(text, language);
  const end = doc.lineAt(0).range.end;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    doc.uri,
    end,
    text.endsWith('@') ? '@' : undefined,
  );
  const items = list.items.filter((item) => item.kind === vscode.CompletionItemKind.User);
  return { items, incomplete: list.isIncomplete === true, doc };
}

/** What precedes the `@` of a contact's address: unique per contact in the stand-in. */
export function localPart(contact: Contact): string {
  return (contact.email ?? '').split('@')[0] ?? '';
}

/** A contact's name as a completion item shows it. */
export function shownName(contact: Contact): string {
  return truncate(oneLine(displayName(contact)), 80);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** This extension's hover cards at a position (other providers' hovers are left out). */
export async function cardsAt(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.MarkdownString[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .filter(
      (c): c is vscode.MarkdownString =>
        c instanceof vscode.MarkdownString && c.value.includes('command:linqContacts.'),
    );
}

/** The stand-in and the contacts held, set up before a feature's tests and closed after them. */
export interface EditorFixture {
  readonly standIn: StandIn;
  readonly all: readonly Contact[];
}

/** Registers the shared set-up in the calling `describe`: a stand-in, the token, every contact held. */
export function editorFixture(): EditorFixture {
  const fx: { standIn?: StandIn; all: readonly Contact[] } = { all: [] };
  before(async () => {
    fx.standIn = await useStandIn({ count: COUNT, token: TOKEN, hostile: true });
    await configure({ prefetchLimit: 10_000 });
    const api = await extensionApi();
    await api.tokens.set(TOKEN);
    await api.provider.getChildren();
    fx.all = await waitFor(
      'every contact held',
      () => (api.session.knownContacts().length === COUNT ? api.session.knownContacts() : undefined),
      20_000,
    );
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAll();
  });
  after(async () => {
    await setting('mentions.format', undefined);
    await setting('hovers', undefined);
    const api = await extensionApi();
    await api.tokens.clear();
    await fx.standIn?.close();
  });
  return {
    get standIn(): StandIn {
      if (!fx.standIn) {
        throw new Error('the stand-in starts in before()');
      }
      return fx.standIn;
    },
    get all(): readonly Contact[] {
      return fx.all;
    },
  };
}
