import * as vscode from 'vscode';
import type { Contact } from './api/types';
import { TokenStore } from './auth/tokenStore';
import { pickContact, shownContactPicker, type ContactPickerView } from './commands/contactPicker';
import { COPY_KINDS, copyFromContact, type CopyWhat } from './commands/copyContact';
import { insertContact } from './commands/insertContact';
import { lookupById } from './commands/lookupCommand';
import { queueConfirmAnswer } from './commands/confirm';
import { importContacts, importFrom } from './commands/importContacts';
import { clearToken, setToken } from './commands/tokenCommands';
import { deleteContact, editContact, newContact, newContactFromSelection } from './commands/writeCommands';
import type { ImportSummary } from './contacts/contactImport';
import type { FormView } from './webview/protocol';
import { tokenRequired } from './commands/tokenRequired';
import { Commands, ContextKeys, PANEL_VIEW_TYPE, VIEW_ID } from './constants';
import { LinqSession } from './contacts/linqSession';
import { affectsAvatars, affectsMentionLanguages, affectsReadOnly, readOnlyMode } from './config';
import { EmailHoverProvider } from './editor/emailHoverProvider';
import { LastTextEditor } from './editor/lastTextEditor';
import { MentionProvider } from './editor/mentionProvider';
import { exportContacts, exportTo, type ExportResult } from './export/exportContacts';
import { isExportFormat, type ExportFormat } from './export/exportFormats';
import { isInsertFormat } from './format/insertFormats';
import { Logger } from './log/logger';
import { ContactsProvider, type ContactsTreeNode } from './tree/contactsProvider';
import type { RowsSnapshot } from './tree/rowFeed';
import { ContactNode } from './tree/nodes/contactNode';
import { ContactPanel, type PanelDeps } from './webview/contactPanel';
import { isPanelState } from './webview/protocol';

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
    readonly paging: RowsSnapshot;
  };
  /** Every tab (New Contact forms have no id); `receive` hands it a message as its webview would send. */
  openPanels(): Array<{
    readonly contactId: number | undefined;
    readonly shownContact: Contact | undefined;
    readonly form: FormView | undefined;
    readonly panel: vscode.WebviewPanel;
    receive(message: unknown): Promise<void>;
  }>;
  /** Answers the next modal question (delete, discard) as if clicked. */
  answerNextConfirm(answer: boolean): void;
  /** Import Contacts without the open dialog; `confirm` answers the question before anything is written. */
  importFrom(file: vscode.Uri, confirm: boolean): Promise<ImportSummary | undefined>;
  shownPicker(): ContactPickerView | undefined;
  /** Export Contacts without its two questions (the format and the save dialog). */
  exportTo(format: ExportFormat, target: vscode.Uri, cancel?: vscode.CancellationToken): Thenable<ExportResult | undefined>;
}

/** The test API, built from closures over the parts (see `LinqContactsTestApi`). */
function testApi(tokens: TokenStore, session: LinqSession, provider: ContactsProvider): LinqContactsTestApi {
  return {
    tokens: {
      set: (value) => tokens.set(value),
      clear: () => tokens.clear(),
      has: async () => (await tokens.get()) !== undefined,
      onDidChange: (listener, thisArg, disposables) => tokens.onDidChange(listener, thisArg, disposables),
    },
    session: { knownContacts: () => [...session.knownContacts()] },
    provider: {
      getChildren: (node) => provider.getChildren(node),
      getTreeItem: (node) => provider.getTreeItem(node),
      resolveTreeItem: (item, node) => provider.resolveTreeItem(item, node),
      idle: () => provider.idle(),
      loadMore: () => provider.loadMore(),
      setFilter: (text) => provider.setFilter(text),
      setGrouped: (grouped) => provider.setGrouped(grouped),
      get paging() {
        return provider.paging;
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
    answerNextConfirm: queueConfirmAnswer,
    importFrom: (file, confirm) => importFrom(session, file, undefined, () => Promise.resolve(confirm)),
    shownPicker: shownContactPicker,
    exportTo: (format, target, cancel) => exportTo(session, format, target, cancel),
  };
}

/**
 * A contact from whatever a command was given: a tree row, a contact (the detail tab), a contact id (a
 * hover card's link, `{ "contactId": 5 }` from a keybinding) read from memory, or nothing.
 */
function contactFrom(session: LinqSession, arg: unknown): Contact | undefined {
  if (arg instanceof ContactNode) {
    return arg.contact;
  }
  if (typeof arg === 'number') {
    return session.knownContact(arg);
  }
  if (typeof arg === 'object' && arg !== null) {
    if ('contactId' in arg && typeof arg.contactId === 'number') {
      return session.knownContact(arg.contactId);
    }
    if ('id' in arg && typeof arg.id === 'number') {
      return arg as Contact;
    }
  }
  return undefined;
}

/** `{ "format": "email" }` from a keybinding's `args`, else `undefined`. */
function formatFrom<T>(arg: unknown, guard: (value: unknown) => value is T): T | undefined {
  return typeof arg === 'object' && arg !== null && 'format' in arg && guard(arg.format) ? arg.format : undefined;
}

export function activate(context: vscode.ExtensionContext): LinqContactsTestApi | undefined {
  // Errors and their technical causes, never the token: no message is built with it, and every line
  // passes through the logger's redaction as a second net.
  const channel = vscode.window.createOutputChannel('Linq Contacts', { log: true });
  const log = new Logger(channel);
  const tokens = new TokenStore(context.secrets);
  const session = new LinqSession(tokens, log);
  const provider = new ContactsProvider(session, log);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: false });
  provider.attach(view);
  const deps: PanelDeps = { extensionUri: context.extensionUri, session };
  const open = (contact: Contact, refetch: boolean): void => {
    ContactPanel.show(deps, contact, refetch);
  };

  const editors = new LastTextEditor();
  const hovers = new EmailHoverProvider(session);
  const mentions = new MentionProvider(session);
  const searchFirst = async (placeholder: string): Promise<Contact | undefined> => {
    return (await tokenRequired(session)) ? pickContact(session, placeholder) : undefined;
  };

  const copy = async (arg: unknown, what: CopyWhat): Promise<void> => {
    const contact = contactFrom(session, arg) ?? (await pickContact(session, COPY_KINDS[what].ask()));
    if (contact) {
      await copyFromContact(contact, what);
    }
  };

  context.subscriptions.push(
    channel,
    tokens,
    session,
    provider,
    view,
    vscode.commands.registerCommand(Commands.setToken, () => setToken(tokens)),
    vscode.commands.registerCommand(Commands.clearToken, () => clearToken(tokens)),
    vscode.commands.registerCommand(Commands.refresh, () => session.reset()),
    vscode.commands.registerCommand(Commands.loadMore, () => provider.loadMore()),
    vscode.commands.registerCommand(Commands.showLog, () => channel.show(true)),
    vscode.commands.registerCommand(Commands.openContact, (arg: unknown) => {
      const contact = contactFrom(session, arg);
      if (contact) {
        open(contact, false);
      }
    }),
    vscode.commands.registerCommand(Commands.lookupById, (input?: unknown) => lookupById(session, open, typeof input === 'string' ? input : undefined)),
    vscode.commands.registerCommand(Commands.search, async () => {
      const contact = await searchFirst(vscode.l10n.t('Search by name, email, company or title'));
      if (contact) {
        open(contact, false);
      }
    }),
    editors,
    mentions,
    hovers,
    vscode.languages.registerHoverProvider('*', hovers),
    vscode.commands.registerCommand(Commands.insertContact, (arg: unknown) =>
      insertContact(editors, context.globalState, () => searchFirst(vscode.l10n.t('Insert whom?')), contactFrom(session, arg), formatFrom(arg, isInsertFormat)),
    ),
    vscode.commands.registerCommand(Commands.export, (arg: unknown) => exportContacts(session, log, formatFrom(arg, isExportFormat))),
    vscode.commands.registerCommand(Commands.newContact, () => newContact(deps)),
    vscode.commands.registerCommand(Commands.newContactFromSelection, () => newContactFromSelection(deps)),
    vscode.commands.registerCommand(Commands.editContact, async (arg: unknown) => editContact(deps, contactFrom(session, arg) ?? (await searchFirst(vscode.l10n.t('Edit whom?'))))),
    vscode.commands.registerCommand(Commands.deleteContact, async (arg: unknown) => deleteContact(session, contactFrom(session, arg) ?? (await searchFirst(vscode.l10n.t('Delete whom?'))))),
    vscode.commands.registerCommand(Commands.import, () => importContacts(session, log)),
    vscode.commands.registerCommand(Commands.copyEmail, (arg: unknown) => copy(arg, 'email')),
    vscode.commands.registerCommand(Commands.copyPhone, (arg: unknown) => copy(arg, 'phone')),
    vscode.commands.registerCommand(Commands.copyVCard, (arg: unknown) => copy(arg, 'vcard')),
    vscode.commands.registerCommand(Commands.filter, async () => {
      const text = await vscode.window.showInputBox({
        title: vscode.l10n.t('Linq: Filter Contacts'),
        prompt: vscode.l10n.t('Show contacts whose name, email, company or title contain this text'),
        value: provider.filter,
      });
      if (text !== undefined) {
        provider.setFilter(text);
      }
    }),
    vscode.commands.registerCommand(Commands.clearFilter, () => provider.setFilter('')),
    vscode.commands.registerCommand(Commands.groupByCompany, () => provider.setGrouped(true)),
    vscode.commands.registerCommand(Commands.ungroup, () => provider.setGrouped(false)),
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
      if (affectsMentionLanguages(e)) {
        mentions.register();
      }
    }),
    { dispose: () => ContactPanel.allPanels().forEach((p) => p.dispose()) },
  );
  void vscode.commands.executeCommand('setContext', ContextKeys.readOnly, readOnlyMode());
  void vscode.commands.executeCommand('setContext', ContextKeys.ready, true);

  // Other extensions get nothing; the extension's own tests get closures that cannot yield the token.
  return context.extensionMode === vscode.ExtensionMode.Test ? testApi(tokens, session, provider) : undefined;
}

export function deactivate(): void {}
