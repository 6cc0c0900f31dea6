import * as vscode from 'vscode';
import { asLinqError } from '../api/linqApiError';
import type { Contact } from '../api/types';
import { readOnlyMode } from '../config';
import type { LinqSession } from '../contacts/linqSession';
import { deleteOnce } from '../contacts/contactWriter';
import { describeError } from '../errors/describeError';
import { displayName, truncate } from '../format/contactText';
import { oneLine } from '../format/sanitize';
import { parseSelection } from '../format/selectionParse';
import { ContactPanel, type PanelDeps } from '../webview/contactPanel';
import { confirmModal } from './confirm';
import { tokenRequired } from './tokenRequired';

/** True when writing is allowed now; in read-only mode says so once and returns false. */
export async function writeAllowed(session: LinqSession): Promise<boolean> {
  if (readOnlyMode()) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Linq Contacts is read-only (the linqContacts.readOnly setting): nothing is written to Linq.'),
    );
    return false;
  }
  return tokenRequired(session);
}

/** Linq: New Contact… — an empty form in a tab of its own; nothing is sent before Save. */
export async function newContact(deps: PanelDeps): Promise<void> {
  if (await writeAllowed(deps.session)) {
    ContactPanel.newContact(deps);
  }
}

/** Linq: New Contact from Selection — the form filled from the selected text, for the user to check. */
export async function newContactFromSelection(deps: PanelDeps): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const text = editor
    ? editor.selections
        .map((s) => editor.document.getText(s))
        .join('\n')
        .trim()
    : '';
  if (text === '') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a name and email, a signature or a vCard first.'));
    return;
  }
  if (await writeAllowed(deps.session)) {
    ContactPanel.newContact(deps, parseSelection(text.slice(0, 100_000)));
  }
}

/** Linq: Edit Contact — the contact's tab becomes the form with its current values. */
export async function editContact(deps: PanelDeps, contact: Contact | undefined): Promise<void> {
  if (contact && (await writeAllowed(deps.session))) {
    ContactPanel.edit(deps, contact);
  }
}

/**
 * Linq: Delete Contact… — a modal confirmation naming the contact; then one `DELETE`. A 404 means it was
 * already gone (said so). The contact leaves the view, search, mentions and hovers at once.
 */
export async function deleteContact(session: LinqSession, contact: Contact | undefined): Promise<void> {
  if (!contact || !(await writeAllowed(session))) {
    return;
  }
  const name = truncate(oneLine(displayName(contact)), 80);
  const sure = await confirmModal(
    vscode.l10n.t('Delete {0} from Linq?', name),
    vscode.l10n.t('Delete'),
    vscode.l10n.t('This deletes the contact for everyone in your organisation. It cannot be undone.'),
  );
  if (!sure) {
    return;
  }
  try {
    const target = await session.writeTarget();
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting {0}…', name) },
      () => deleteOnce(target, contact.id),
    );
    ContactPanel.contactDeleted(contact.id);
    void vscode.window.showInformationMessage(
      outcome === 'deleted'
        ? vscode.l10n.t('Deleted {0}.', name)
        : vscode.l10n.t('{0} was already deleted in Linq.', name),
    );
  } catch (error) {
    const e = asLinqError(error);
    if (e.kind !== 'cancelled') {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} was not deleted: {1}', name, describeError(e)));
    }
  }
}
