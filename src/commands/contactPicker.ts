import * as vscode from 'vscode';
import type { Contact } from '../api/types';
import type { LinqSession } from '../contacts/linqSession';
import { describeError } from '../errors/describeError';
import { displayName, titleAndCompany, truncate } from '../format/contactText';

export interface ContactItem extends vscode.QuickPickItem {
  readonly contact: Contact;
}

function toItem(contact: Contact): ContactItem {
  return {
    label: truncate(displayName(contact), 100),
    description: contact.email !== undefined ? truncate(contact.email, 100) : undefined,
    detail: truncate(titleAndCompany(contact), 120) || undefined,
    contact,
  };
}

export type ContactPickerView = Pick<vscode.QuickPick<ContactItem>, 'items' | 'activeItems' | 'busy' | 'title' | 'value'>;

/** The contact quick pick now open, if any (the extension's tests look at it; nothing else does). */
let openPicker: vscode.QuickPick<ContactItem> | undefined;

export function shownContactPicker(): ContactPickerView | undefined {
  return openPicker;
}

/**
 * How long to wait before refreshing the list while contacts keep arriving: every refresh sends the whole
 * list to the workbench, so the pause grows with it (200 ms up to 2,000 items, 500 ms at 10,000) and the
 * workbench spends a steady share of its time on updates, not more as the list grows.
 */
function refreshDelay(count: number): number {
  return Math.max(200, Math.round(count / 20));
}

/**
 * A quick pick over all the organisation's contacts, matching name, email, company and title as the
 * user types. It opens with what is loaded and fills in the rest from the all-contacts walk, busy
 * with a count until done. Resolves with the chosen contact, or `undefined`.
 */
export function pickContact(session: LinqSession, placeholder: string): Promise<Contact | undefined> {
  const pick = vscode.window.createQuickPick<ContactItem>();
  openPicker = pick;
  pick.placeholder = placeholder;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  // Run from the palette while a detail tab has focus, the workbench hands focus back to that tab's
  // webview a moment after this picker shows; closing on focus-out would close it under the user's hands.
  // Escape still closes it.
  pick.ignoreFocusOut = true;
  // Rows keep arriving while the user scrolls: keep their place.
  pick.keepScrollPosition = true;
  const items: ContactItem[] = [];
  const seen = new Set<number>();
  const add = (contacts: readonly Contact[]): void => {
    for (const contact of contacts) {
      if (!seen.has(contact.id)) {
        seen.add(contact.id);
        items.push(toItem(contact));
      }
    }
  };
  add(session.knownContacts());
  pick.items = items;
  pick.busy = true;
  pick.title = vscode.l10n.t('Linq: Search Contacts ({0} loaded…)', items.length);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let shown = items.length;
  const flush = (): void => {
    timer = undefined;
    if (items.length !== shown) {
      shown = items.length;
      // The workbench highlights the first match of what is typed. Never set `activeItems` from here: this
      // side's view of the highlight lags the user's typing, and restoring it could make Enter choose a
      // contact the user no longer sees.
      pick.items = items;
    }
  };
  const walk = session.loadAll((all, progress, done) => {
    add(all);
    pick.title = done
      ? vscode.l10n.t('Linq: Search Contacts ({0} contacts)', items.length)
      : vscode.l10n.t('Linq: Search Contacts ({0} of {1} loaded…)', items.length, progress?.totalCount ?? '?');
    if (done) {
      clearTimeout(timer);
      flush();
      pick.busy = false;
    } else {
      timer ??= setTimeout(flush, refreshDelay(items.length));
    }
  });
  walk.promise.catch((error: unknown) => {
    pick.busy = false;
    pick.title = vscode.l10n.t('Linq: Search Contacts ({0} loaded) — {1}', items.length, describeError(error));
  });

  return new Promise<Contact | undefined>((resolve) => {
    let chosen: Contact | undefined;
    pick.onDidAccept(() => {
      // What the workbench accepted (its highlighted row), not this side's possibly stale `activeItems`.
      chosen = pick.selectedItems[0]?.contact;
      pick.hide();
    });
    pick.onDidHide(() => {
      if (openPicker === pick) {
        openPicker = undefined;
      }
      clearTimeout(timer);
      walk.dispose();
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}
