import * as vscode from 'vscode';
import type { Contact } from '../api/types';
import { displayName, truncate } from '../format/contactText';
import { oneLine } from '../format/sanitize';
import { toVCard } from '../format/vcard';
import { showDone } from './statusMessage';

/** What can be copied from a contact. */
export type CopyWhat = 'email' | 'phone' | 'vcard';

/** For each kind of copy: the text that goes to the clipboard (`undefined`: the contact has none) and the words around it. */
export const COPY_KINDS: Record<
  CopyWhat,
  {
    value(contact: Contact): string | undefined;
    missing(name: string): string;
    done(name: string): string;
    ask(): string;
  }
> = {
  email: {
    value: (c) => (c.email === undefined ? undefined : oneLine(c.email) || undefined),
    missing: (name) => vscode.l10n.t('{0} has no email address.', name),
    done: (name) => vscode.l10n.t('Copied email of {0}', name),
    ask: () => vscode.l10n.t('Copy whose email?'),
  },
  phone: {
    value: (c) => (c.phoneNumber === undefined ? undefined : oneLine(c.phoneNumber) || undefined),
    missing: (name) => vscode.l10n.t('{0} has no phone number.', name),
    done: (name) => vscode.l10n.t('Copied phone number of {0}', name),
    ask: () => vscode.l10n.t('Copy whose phone number?'),
  },
  vcard: {
    value: (c) => toVCard(c),
    missing: (name) => name,
    done: (name) => vscode.l10n.t('Copied vCard of {0}', name),
    ask: () => vscode.l10n.t('Copy whose vCard?'),
  },
};

/**
 * Copies exactly one value of a contact and confirms in the status bar. Email and phone go as one line
 * without control characters or bidi overrides, so a paste into a terminal runs nothing. A contact
 * without that value gets a short message and the clipboard is left as it was. Returns whether
 * something was copied.
 */
export async function copyFromContact(contact: Contact, what: CopyWhat): Promise<boolean> {
  const kind = COPY_KINDS[what];
  const name = truncate(oneLine(displayName(contact)), 60);
  const value = kind.value(contact);
  if (value === undefined) {
    void vscode.window.showInformationMessage(kind.missing(name));
    return false;
  }
  await vscode.env.clipboard.writeText(value);
  showDone(kind.done(name));
  return true;
}
