import * as vscode from 'vscode';
import type { Contact } from '../api/types';
import type { StoreProgress } from '../contacts/store/contactStore';
import type { LinqSession } from '../contacts/linqSession';
import type { PinsAndRecents } from '../contacts/pinsAndRecents';
import { ContactSearch } from '../format/contactMatch';
import { describeError } from '../errors/describeError';
import { displayName, titleAndCompany, truncate } from '../format/contactText';
import type { Prompter } from '../ui/prompter';

/** A row of the picker: a contact, or a separator ("Pinned", "Recently opened", "All contacts"). */
export interface ContactItem extends vscode.QuickPickItem {
  readonly contact?: Contact;
}

function separator(label: string): ContactItem {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}

/**
 * The picker's rows with the box empty: the pinned contacts, then the recently opened ones, then the rest, each once
 * and under a separator when pins or recents show; `undefined` when there are neither (the plain list).
 */
export function pinnedFirst(
  pinned: readonly Contact[],
  recent: readonly Contact[],
  rest: readonly Contact[],
  limit: number,
): ContactItem[] | undefined {
  if (pinned.length === 0 && recent.length === 0) {
    return undefined;
  }
  const seen = new Set<number>();
  const section = (label: string, list: readonly Contact[]): ContactItem[] => {
    const items = list.filter((c) => !seen.has(c.id) && seen.add(c.id)).map(toItem);
    return items.length > 0 ? [separator(label), ...items] : [];
  };
  const items = [
    ...section(vscode.l10n.t('Pinned'), pinned),
    ...section(vscode.l10n.t('Recently opened'), recent),
    ...section(vscode.l10n.t('All contacts'), rest),
  ];
  return items.slice(0, limit);
}

function toItem(contact: Contact): ContactItem {
  return {
    label: truncate(displayName(contact), 100),
    description: contact.email !== undefined ? truncate(contact.email, 100) : undefined,
    detail: truncate(titleAndCompany(contact), 120) || undefined,
    alwaysShow: true,
    contact,
  };
}

/** At most this many rows cross to the workbench per update, however large the organisation. */
export const PICKER_MAX_ITEMS = 200;

/** How long arriving contacts wait before the list is recomputed (typing recomputes at once). */
const ARRIVAL_REFRESH_MS = 200;

/**
 * A quick pick over all the organisation's contacts, matching name, email, company and title as the
 * user types. Matching is done here, in the extension host, over everything loaded: the list holds the
 * best `PICKER_MAX_ITEMS` matches (shown as they are: the workbench does not filter them again), so what
 * crosses to the workbench per update is bounded by the cap, not by the organisation's size. It opens with
 * what is loaded and fills in the rest from the all-contacts walk, busy with counts until done. Resolves
 * with the chosen contact, or `undefined`.
 */
export function pickContact(
  session: LinqSession,
  prompter: Prompter,
  placeholder: string,
  pins?: PinsAndRecents,
): Promise<Contact | undefined> {
  const pick = prompter.createQuickPick<ContactItem>();
  pick.placeholder = placeholder;
  // Our matcher already chose the rows; the workbench only highlights what it can.
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  // Run from the palette while a detail tab has focus, the workbench hands focus back to that tab's
  // webview a moment after this picker shows; closing on focus-out would close it under the user's hands.
  // Escape still closes it.
  pick.ignoreFocusOut = true;
  // Rows keep arriving while the user scrolls: keep their place.
  pick.keepScrollPosition = true;
  // The connection's store, read in place (it holds each contact once, in the API's order).
  let contacts: readonly Contact[] = session.knownContacts();
  let progress: StoreProgress | undefined;
  let done = false;
  let failure: string | undefined;
  let shownIds = '';
  // Typing further narrows the last matches instead of scanning every contact again.
  const search = new ContactSearch();
  const held = (ids: readonly number[]): Contact[] =>
    ids.map((id) => session.knownContact(id)).filter((c): c is Contact => c !== undefined);
  const recompute = (): void => {
    const { shown, total } = search.best(contacts, pick.value, PICKER_MAX_ITEMS);
    const items =
      (pick.value.trim() === '' && pins
        ? pinnedFirst(held(pins.pinned), held(pins.recent), shown, PICKER_MAX_ITEMS)
        : undefined) ?? shown.map(toItem);
    const ids = items.map((i) => i.contact?.id ?? i.label).join(',');
    if (ids !== shownIds) {
      shownIds = ids;
      // The workbench highlights the first match of what is typed. Never set `activeItems` from here: this
      // side's view of the highlight lags the user's typing.
      pick.items = items;
    }
    const loaded = done
      ? vscode.l10n.t('{0} contacts', contacts.length)
      : vscode.l10n.t('{0} of {1} loaded…', contacts.length, progress?.totalCount ?? '?');
    const matches = pick.value.trim() === '' ? loaded : vscode.l10n.t('{0} match · {1}', total, loaded);
    pick.title = failure
      ? vscode.l10n.t('Linq: Search Contacts ({0}) — {1}', matches, failure)
      : vscode.l10n.t('Linq: Search Contacts ({0})', matches);
  };
  pick.busy = true;
  recompute();

  let timer: ReturnType<typeof setTimeout> | undefined;
  const valueChange = pick.onDidChangeValue(() => {
    clearTimeout(timer);
    timer = undefined;
    recompute();
  });
  // A pin or a tab opened meanwhile (in this window) shows at once.
  const marksChange = pins?.onDidChange(() => recompute());
  const walk = session.loadAll((all, p, finished) => {
    contacts = all;
    progress = p;
    if (finished) {
      done = true;
      pick.busy = false;
      clearTimeout(timer);
      timer = undefined;
      recompute();
    } else {
      timer ??= setTimeout(() => {
        timer = undefined;
        recompute();
      }, ARRIVAL_REFRESH_MS);
    }
  });
  walk.promise.catch((error: unknown) => {
    pick.busy = false;
    failure = describeError(error);
    recompute();
  });

  return new Promise<Contact | undefined>((resolve) => {
    let chosen: Contact | undefined;
    pick.onDidAccept(() => {
      // What the workbench accepted (its highlighted row), not this side's possibly stale `activeItems`.
      chosen = pick.selectedItems[0]?.contact;
      pick.hide();
    });
    pick.onDidHide(() => {
      clearTimeout(timer);
      valueChange.dispose();
      marksChange?.dispose();
      walk.dispose();
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}
