import * as vscode from 'vscode';
import type { Contact } from './api/types';
import { TokenStore } from './auth/tokenStore';
import { pickContact, shownContactPicker, type ContactPickerView } from './commands/contactPicker';
import { copyFromContact, type CopyWhat } from './commands/copyContact';
import { lookupById } from './commands/lookupCommand';
import { clearToken, setToken } from './commands/tokenCommands';
import { Commands, ContextKeys, PANEL_VIEW_TYPE, VIEW_ID } from './constants';
import { LinqSession } from './contacts/linqSession';
import { ContactsProvider } from './tree/contactsProvider';
import { ContactNode } from './tree/nodes/contactNode';
import { ContactPanel, type PanelDeps } from './webview/contactPanel';
import { isPanelState } from './webview/protocol';

/**
 * Internal API returned by `activate`, for the extension's own tests only (not a public contract):
 * it lets tests set a token without the input box and look at the view's state.
 */
export interface LinqContactsTestApi {
  readonly tokens: TokenStore;
  readonly session: LinqSession;
  readonly provider: ContactsProvider;
  readonly openPanels: () => ContactPanel[];
  readonly shownPicker: () => ContactPickerView | undefined;
}

/** A contact from whatever a command was given: a tree row, a contact, or nothing. */
function contactFrom(arg: unknown): Contact | undefined {
  if (arg instanceof ContactNode) {
    return arg.contact;
  }
  if (typeof arg === 'object' && arg !== null && 'id' in arg && typeof arg.id === 'number') {
    return arg as Contact;
  }
  return undefined;
}

export function activate(context: vscode.ExtensionContext): LinqContactsTestApi {
  const tokens = new TokenStore(context.secrets);
  const session = new LinqSession(tokens);
  // Errors and their technical causes, never the token (it is in no message the client makes).
  const log = vscode.window.createOutputChannel('Linq Contacts', { log: true });
  const provider = new ContactsProvider(session, log);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: false });
  provider.attach(view);
  const deps: PanelDeps = { extensionUri: context.extensionUri, session };
  const open = (contact: Contact, refetch: boolean): void => {
    ContactPanel.show(deps, contact, refetch);
  };

  const copy = async (arg: unknown, what: CopyWhat): Promise<void> => {
    const contact =
      contactFrom(arg) ??
      (await pickContact(
        session,
        what === 'email' ? vscode.l10n.t('Copy whose email?') : what === 'phone' ? vscode.l10n.t('Copy whose phone number?') : vscode.l10n.t('Copy whose vCard?'),
      ));
    if (contact) {
      await copyFromContact(contact, what);
    }
  };

  context.subscriptions.push(
    log,
    tokens,
    session,
    provider,
    view,
    vscode.commands.registerCommand(Commands.setToken, () => setToken(tokens)),
    vscode.commands.registerCommand(Commands.clearToken, () => clearToken(tokens)),
    vscode.commands.registerCommand(Commands.refresh, () => session.reset()),
    vscode.commands.registerCommand(Commands.loadMore, () => provider.loadMore()),
    vscode.commands.registerCommand(Commands.openContact, (arg: unknown) => {
      const contact = contactFrom(arg);
      if (contact) {
        open(contact, false);
      }
    }),
    vscode.commands.registerCommand(Commands.lookupById, (input?: unknown) => lookupById(session, open, typeof input === 'string' ? input : undefined)),
    vscode.commands.registerCommand(Commands.search, async () => {
      if (!(await session.hasToken())) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Set your Linq API token first.'));
        return;
      }
      const contact = await pickContact(session, vscode.l10n.t('Search by name, email, company or title'));
      if (contact) {
        open(contact, false);
      }
    }),
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
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        if (isPanelState(state)) {
          ContactPanel.revive(deps, panel, state.contactId);
        } else {
          panel.dispose();
        }
      },
    }),
    { dispose: () => ContactPanel.openPanels().forEach((p) => p.dispose()) },
  );
  void vscode.commands.executeCommand('setContext', ContextKeys.ready, true);

  return { tokens, session, provider, openPanels: () => ContactPanel.openPanels(), shownPicker: shownContactPicker };
}

export function deactivate(): void {}
