import * as vscode from 'vscode';
import { TokenStore } from './auth/tokenStore';
import { registerCommands } from './commands/registerCommands';
import {
  affectsAvatars,
  affectsCache,
  affectsMentionLanguages,
  affectsReadOnly,
  cacheEnabled,
  readOnlyMode,
  readSettings,
} from './config';
import { ContextKeys, PANEL_VIEW_TYPE, VIEW_ID } from './constants';
import { ContactCache } from './contacts/contactCache';
import { LinqSession } from './contacts/linqSession';
import { PinsAndRecents } from './contacts/pinsAndRecents';
import { EmailHoverProvider } from './editor/emailHoverProvider';
import { MentionProvider } from './editor/mentionProvider';
import { Logger } from './log/logger';
import { ScriptedPrompter, testApi, type LinqContactsTestApi } from './testApi';
import { ContactsProvider } from './tree/contactsProvider';
import { LastTextEditor } from './ui/lastTextEditor';
import { windowPrompter } from './ui/prompter';
import { PanelRegistry } from './webview/panelRegistry';
import { isPanelState } from './webview/protocol';

/** Writes a waiting save of the encrypted cache when the window closes. */
let closing: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): LinqContactsTestApi | undefined {
  // Errors and their technical causes, never the token: no message is built with it, and every line
  // passes through the logger's redaction as a second net.
  const channel = vscode.window.createOutputChannel('Linq Contacts', { log: true });
  const log = new Logger(channel);
  const tokens = new TokenStore(context.secrets);
  const cache = new ContactCache(context.secrets, context.globalStorageUri.fsPath, log);
  const session = new LinqSession(tokens, log, cache);
  const pins = new PinsAndRecents(context.globalState, () => tokens.connectionName(readSettings().apiBaseUrl));
  const provider = new ContactsProvider(session, pins, log);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: false });
  provider.attach(view);
  // The extension's own in-host tests answer the dialogs they cannot click; everyone else gets VS Code's.
  const tested = context.extensionMode === vscode.ExtensionMode.Test ? new ScriptedPrompter() : undefined;
  const prompter = tested ?? windowPrompter;
  const tabs = new PanelRegistry({ extensionUri: context.extensionUri, session, prompter, pins });
  const editors = new LastTextEditor();
  const hovers = new EmailHoverProvider(session);
  const mentions = new MentionProvider(session);
  closing = () => cache.flush();

  context.subscriptions.push(
    ...[channel, tokens, session, cache, pins, provider, view, editors, mentions, hovers, tabs],
    session.onDidChange(() => void pins.follow()),
    vscode.languages.registerHoverProvider('*', hovers),
    ...registerCommands({ context, tokens, session, provider, editors, channel, log, tabs, prompter, pins }),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Thenable<void> {
        if (isPanelState(state)) {
          tabs.revive(panel, state.contactId);
        } else {
          panel.dispose();
        }
        return Promise.resolve();
      },
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsAvatars(e) || affectsReadOnly(e)) {
        tabs.contactPanels().forEach((p) => p.reload());
      }
      if (affectsReadOnly(e)) {
        void vscode.commands.executeCommand('setContext', ContextKeys.readOnly, readOnlyMode());
      }
      if (affectsCache(e)) {
        if (cacheEnabled()) {
          session.keepCacheNow();
        } else {
          void session.deleteCaches(true);
        }
      }
      if (affectsMentionLanguages(e)) {
        mentions.register();
      }
    }),
  );
  void vscode.commands.executeCommand('setContext', ContextKeys.readOnly, readOnlyMode());
  void vscode.commands.executeCommand('setContext', ContextKeys.ready, true);
  void pins.follow();

  // Other extensions get nothing; the extension's own tests get closures that cannot yield the token.
  return tested && testApi({ context, tokens, session, cache, provider, tabs, prompter: tested, log, pins });
}

export async function deactivate(): Promise<void> {
  await closing?.();
}
