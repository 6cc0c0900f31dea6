import * as vscode from 'vscode';
import type { Contact } from '../api/types';
import type { TokenStore } from '../auth/tokenStore';
import { Commands } from '../constants';
import type { LinqSession } from '../contacts/linqSession';
import type { PinsAndRecents } from '../contacts/pinsAndRecents';
import { exportContacts } from '../export/exportContacts';
import { isExportFormat } from '../export/exportFormats';
import { isInsertFormat } from '../format/insertFormats';
import type { Logger } from '../log/logger';
import type { ContactsProvider } from '../tree/contactsProvider';
import type { ContactTabs } from '../ui/contactTabs';
import type { LastTextEditor } from '../ui/lastTextEditor';
import type { Prompter } from '../ui/prompter';
import { COPY_KINDS, copyFromContact, type CopyWhat } from '../ui/clipboard';
import { tokenRequired } from '../ui/tokenRequired';
import { pickContact } from './contactPicker';
import { importContacts } from './importContacts';
import { insertContact } from './insertContact';
import { lookupContact } from './lookupContact';
import { orderFrom, sortContacts } from './sortContacts';
import { clearToken, setToken } from './tokenCommands';
import { deleteContact, editContact, newContact, newContactFromSelection } from './writeCommands';

/** The parts commands work with, built by `activate`. */
export interface CommandParts {
  readonly context: vscode.ExtensionContext;
  readonly tokens: TokenStore;
  readonly session: LinqSession;
  readonly provider: ContactsProvider;
  readonly editors: LastTextEditor;
  readonly channel: vscode.LogOutputChannel;
  readonly log: Logger;
  readonly tabs: ContactTabs;
  readonly prompter: Prompter;
  readonly pins: PinsAndRecents;
}

/**
 * A contact from whatever a command was given: a tree row, a contact (the detail tab), a contact id (a
 * hover card's link, `{ "contactId": 5 }` from a keybinding) read from memory, or nothing.
 */
export function contactFrom(session: LinqSession, arg: unknown): Contact | undefined {
  if (typeof arg === 'number') {
    return session.knownContact(arg);
  }
  if (typeof arg === 'object' && arg !== null) {
    if ('kind' in arg && arg.kind === 'contact' && 'contact' in arg) {
      return contactFrom(session, arg.contact);
    }
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
export function formatFrom<T>(arg: unknown, guard: (value: unknown) => value is T): T | undefined {
  return typeof arg === 'object' && arg !== null && 'format' in arg && guard(arg.format) ? arg.format : undefined;
}

/** Registers every contributed command; the returned disposables unregister them. */
export function registerCommands(parts: CommandParts): vscode.Disposable[] {
  const { session, provider, editors, tabs, prompter, pins } = parts;
  const open = (contact: Contact, refetch: boolean): void => tabs.show(contact, refetch);
  const searchFirst = async (placeholder: string): Promise<Contact | undefined> =>
    (await tokenRequired(session)) ? pickContact(session, prompter, placeholder, pins) : undefined;
  const given = async (arg: unknown, ask: string): Promise<Contact | undefined> =>
    contactFrom(session, arg) ?? (await searchFirst(ask));
  const copy = async (arg: unknown, what: CopyWhat): Promise<void> => {
    const contact = contactFrom(session, arg) ?? (await pickContact(session, prompter, COPY_KINDS[what].ask(), pins));
    if (contact) {
      await copyFromContact(contact, what);
    }
  };
  const commands: Record<string, (arg?: unknown) => unknown> = {
    [Commands.setToken]: () => setToken(parts.tokens),
    // The copy and its key go with the token (VS Code keeps secrets after an uninstall: this is the way out).
    // Pins and recents are forgotten first: they are kept under the connection's name, which needs the token.
    [Commands.clearToken]: async () => {
      await pins.forget();
      // The token first: a write under way in another window checks for it before and after writing its file.
      await clearToken(parts.tokens);
      await session.deleteCaches(true);
    },
    [Commands.refresh]: () => session.refresh(),
    [Commands.loadMore]: () => provider.loadMore(),
    [Commands.showLog]: () => parts.channel.show(true),
    [Commands.openContact]: (arg) => {
      const contact = contactFrom(session, arg);
      if (contact) {
        open(contact, false);
      }
    },
    [Commands.lookupById]: (input) => lookupContact(session, open, typeof input === 'string' ? input : undefined),
    [Commands.search]: async () => {
      const contact = await searchFirst(vscode.l10n.t('Search by name, email, company or title'));
      if (contact) {
        open(contact, false);
      }
    },
    [Commands.insertContact]: (arg) =>
      insertContact(
        editors,
        parts.context.globalState,
        () => searchFirst(vscode.l10n.t('Insert whom?')),
        contactFrom(session, arg),
        formatFrom(arg, isInsertFormat),
      ),
    [Commands.export]: (arg) => exportContacts(session, parts.log, formatFrom(arg, isExportFormat)),
    [Commands.newContact]: () => newContact(session, tabs),
    [Commands.newContactFromSelection]: () => newContactFromSelection(session, tabs),
    [Commands.editContact]: async (arg) => editContact(session, tabs, await given(arg, vscode.l10n.t('Edit whom?'))),
    [Commands.deleteContact]: async (arg) =>
      deleteContact(session, tabs, prompter, await given(arg, vscode.l10n.t('Delete whom?'))),
    [Commands.import]: () => importContacts(session, parts.log, prompter),
    [Commands.copyEmail]: (arg) => copy(arg, 'email'),
    [Commands.copyPhone]: (arg) => copy(arg, 'phone'),
    [Commands.copyVCard]: (arg) => copy(arg, 'vcard'),
    [Commands.filter]: async () => {
      const text = await vscode.window.showInputBox({
        title: vscode.l10n.t('Linq: Filter Contacts'),
        prompt: vscode.l10n.t('Show contacts whose name, email, company or title contain this text'),
        value: provider.filter,
      });
      if (text !== undefined) {
        provider.setFilter(text);
      }
    },
    [Commands.clearFilter]: () => provider.setFilter(''),
    [Commands.groupByCompany]: () => provider.setGrouping('company'),
    [Commands.groupByOwner]: () => provider.setGrouping('owner'),
    [Commands.ungroup]: () => provider.setGrouping('none'),
    [Commands.sortBy]: (arg) => sortContacts(prompter, orderFrom(arg)),
    [Commands.pin]: async (arg) => {
      const contact = await given(arg, vscode.l10n.t('Pin whom?'));
      if (contact) {
        await pins.pin(contact.id);
      }
    },
    [Commands.showQrCode]: async (arg) => {
      const contact = await given(arg, vscode.l10n.t('Show whose QR code?'));
      if (contact) {
        tabs.showQrCode(contact);
      }
    },
    [Commands.unpin]: async (arg) => {
      const contact = await given(arg, vscode.l10n.t('Unpin whom?'));
      if (contact) {
        await pins.unpin(contact.id);
      }
    },
  };
  return Object.entries(commands).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
