import * as vscode from 'vscode';
import type { Contact } from './api/types';
import { TokenStore } from './auth/tokenStore';
import { queueConfirmAnswer } from './commands/confirm';
import { observeContactPickers, type ContactPickerView } from './commands/contactPicker';
import { importFrom } from './commands/importContacts';
import { registerCommands } from './commands/registerCommands';
import {
  affectsAvatars,
  affectsCache,
  affectsMentionLanguages,
  affectsReadOnly,
  cacheEnabled,
  readOnlyMode,
} from './config';
import { ContextKeys, PANEL_VIEW_TYPE, VIEW_ID } from './constants';
import { ContactCopy } from './contacts/contactCopy';
import type { ImportSummary } from './contacts/contactImport';
import { LinqSession } from './contacts/linqSession';
import { EmailHoverProvider } from './editor/emailHoverProvider';
import { LastTextEditor } from './editor/lastTextEditor';
import { MentionProvider } from './editor/mentionProvider';
import { exportTo, type ExportResult } from './export/exportContacts';
import type { ExportFormat } from './export/exportFormats';
import { Logger } from './log/logger';
import { ContactsProvider, type ContactsTreeNode } from './tree/contactsProvider';
import type { RowsSnapshot } from './tree/rowFeed';
import { ContactPanel, type PanelDeps } from './webview/contactPanel';
import { isPanelState, type FormView } from './webview/protocol';

/**
 * Internal API for the extension's own in-host tests, returned by `activate` only in
 * `ExtensionMode.Test` (never to other extensions in normal use). It holds closures and plain data only:
 * nothing returns the token and no object reachable from it holds the token store, session or client.
 */
export interface LinqContactsTestApi {
  readonly tokens: {
    set(value: string): Promise<void>;
    clear(): Promise<void>;
    has(): Promise<boolean>;
    readonly onDidChange: vscode.Event<void>;
  };
  readonly session: {
    knownContacts(): readonly Contact[];
    /** Drops the store but keeps the copy: the next need connects again, as a newly opened window does. */
    reopen(): void;
  };
  readonly provider: {
    getChildren(node?: ContactsTreeNode): Promise<ContactsTreeNode[]>;
    getTreeItem(node: ContactsTreeNode): vscode.TreeItem;
    resolveTreeItem(item: vscode.TreeItem, node: ContactsTreeNode): vscode.TreeItem;
    idle(): Promise<void>;
    loadMore(): Promise<void>;
    setFilter(text: string): void;
    setGrouped(grouped: boolean): void;
    /** What the view has loaded: plain data. */
    readonly rows: RowsSnapshot;
  };
  /** Every tab (New Contact forms have no id); `receive` hands it a message as its webview would send. */
  openPanels(): Array<{
    readonly contactId: number | undefined;
    readonly shownContact: Contact | undefined;
    readonly form: FormView | undefined;
    readonly panel: vscode.WebviewPanel;
    receive(message: unknown): Promise<void>;
  }>;
  /** The encrypted copy: the folder it lives in, and a way to write a waiting save now. */
  readonly copy: {
    readonly folder: string;
    flush(): Promise<void>;
    /** Writes the current contacts from that many windows' copies at once (same secrets, same folder). */
    writeAsWindows(windows: number): Promise<void>;
  };
  /** Answers the next modal question (delete, discard) as if clicked. */
  answerNextConfirm(answer: boolean): void;
  /** Import Contacts without the open dialog; `confirm` answers the question before anything is written. */
  importFrom(file: vscode.Uri, confirm: boolean): Promise<ImportSummary | undefined>;
  shownPicker(): ContactPickerView | undefined;
  /** Export Contacts without its two questions (the format and the save dialog). */
  exportTo(
    format: ExportFormat,
    target: vscode.Uri,
    cancel?: vscode.CancellationToken,
  ): Thenable<ExportResult | undefined>;
}

/** The test API, built from closures over the parts (see `LinqContactsTestApi`). */
function testApi(
  tokens: TokenStore,
  session: LinqSession,
  provider: ContactsProvider,
  copyFolder: string,
): LinqContactsTestApi {
  let shownPicker: ContactPickerView | undefined;
  observeContactPickers((picker, shown) => {
    if (shown) {
      shownPicker = picker;
    } else if (shownPicker === picker) {
      shownPicker = undefined;
    }
  });
  return {
    tokens: {
      set: (value) => tokens.set(value),
      clear: () => tokens.clear(),
      has: async () => (await tokens.get()) !== undefined,
      onDidChange: (listener, thisArg, disposables) => tokens.onDidChange(listener, thisArg, disposables),
    },
    session: { knownContacts: () => [...session.knownContacts()], reopen: () => session.reopen() },
    provider: {
      getChildren: (node) => provider.getChildren(node),
      getTreeItem: (node) => provider.getTreeItem(node),
      resolveTreeItem: (item, node) => provider.resolveTreeItem(item, node),
      idle: async () => {
        while (provider.loading) {
          await provider.loadMore();
        }
      },
      loadMore: () => provider.loadMore(),
      setFilter: (text) => provider.setFilter(text),
      setGrouped: (grouped) => provider.setGrouped(grouped),
      get rows() {
        return provider.rowsSnapshot;
      },
    },
    openPanels: () =>
      ContactPanel.allPanels().map((p) => ({
        contactId: p.contactId,
        shownContact: p.shownContact,
        form: p.shownForm,
        panel: p.panel,
        receive: (message: unknown) => p.receive(message),
      })),
    copy: {
      folder: copyFolder,
      flush: () => session.flushCopy(),
      writeAsWindows: (windows) => session.writeCopyAsWindows(windows),
    },
    answerNextConfirm: queueConfirmAnswer,
    importFrom: (file, confirm) => importFrom(session, file, undefined, () => Promise.resolve(confirm)),
    shownPicker: () => shownPicker,
    exportTo: (format, target, cancel) => exportTo(session, format, target, cancel),
  };
}

export function activate(context: vscode.ExtensionContext): LinqContactsTestApi | undefined {
  // Errors and their technical causes, never the token: no message is built with it, and every line
  // passes through the logger's redaction as a second net.
  const channel = vscode.window.createOutputChannel('Linq Contacts', { log: true });
  const log = new Logger(channel);
  const tokens = new TokenStore(context.secrets);
  const copy = new ContactCopy(context.secrets, context.globalStorageUri.fsPath, log);
  const session = new LinqSession(tokens, log, copy);
  const provider = new ContactsProvider(session, log);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: false });
  provider.attach(view);
  const deps: PanelDeps = { extensionUri: context.extensionUri, session };
  const editors = new LastTextEditor();
  const hovers = new EmailHoverProvider(session);
  const mentions = new MentionProvider(session);

  context.subscriptions.push(
    channel,
    tokens,
    session,
    copy,
    provider,
    view,
    editors,
    mentions,
    hovers,
    vscode.languages.registerHoverProvider('*', hovers),
    ...registerCommands({ context, tokens, session, provider, editors, channel, log, panels: deps }),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Thenable<void> {
        if (isPanelState(state)) {
          ContactPanel.revive(deps, panel, state.contactId);
        } else {
          panel.dispose();
        }
        return Promise.resolve();
      },
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsAvatars(e) || affectsReadOnly(e)) {
        ContactPanel.openPanels().forEach((p) => p.reload());
      }
      if (affectsReadOnly(e)) {
        void vscode.commands.executeCommand('setContext', ContextKeys.readOnly, readOnlyMode());
      }
      if (affectsCache(e)) {
        if (cacheEnabled()) {
          session.keepCopyNow();
        } else {
          void session.deleteCopies(true);
        }
      }
      if (affectsMentionLanguages(e)) {
        mentions.register();
      }
    }),
    { dispose: () => ContactPanel.allPanels().forEach((p) => p.dispose()) },
  );
  void vscode.commands.executeCommand('setContext', ContextKeys.readOnly, readOnlyMode());
  void vscode.commands.executeCommand('setContext', ContextKeys.ready, true);

  // Other extensions get nothing; the extension's own tests get closures that cannot yield the token.
  return context.extensionMode === vscode.ExtensionMode.Test
    ? testApi(tokens, session, provider, copy.folder)
    : undefined;
}

export function deactivate(): void {}
