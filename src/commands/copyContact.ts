import * as vscode from 'vscode';
import type { Contact } from '../api/types';
import { displayName, truncate } from '../format/contactText';
import { toVCard } from '../format/vcard';

/** What can be copied from a contact. */
export type CopyWhat = 'email' | 'phone' | 'vcard';

/**
 * Copies exactly one value of a contact and confirms in the status bar. A contact without that value
 * gets a short message and the clipboard is left as it was. Returns whether something was copied.
 */
export async function copyFromContact(contact: Contact, what: CopyWhat): Promise<boolean> {
  const name = truncate(displayName(contact), 60);
  const value = what === 'email' ? contact.email : what === 'phone' ? contact.phoneNumber : toVCard(contact);
  if (value === undefined) {
    const text =
      what === 'email'
        ? vscode.l10n.t('{0} has no email address.', name)
        : vscode.l10n.t('{0} has no phone number.', name);
    void vscode.window.showInformationMessage(text);
    return false;
  }
  await vscode.env.clipboard.writeText(value);
  const done =
    what === 'email'
      ? vscode.l10n.t('Copied email of {0}', name)
      : what === 'phone'
        ? vscode.l10n.t('Copied phone number of {0}', name)
        : vscode.l10n.t('Copied vCard of {0}', name);
  vscode.window.setStatusBarMessage(`$(check) ${done.replace(/\$\(/g, '$\u200b(')}`, 3000);
  return true;
}
