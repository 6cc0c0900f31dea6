import * as vscode from 'vscode';
import { ownerEmail } from '../config';
import { asLinqError } from '../api/linqApiError';
import type { Contact } from '../api/types';
import type { LinqSession } from '../contacts/linqSession';
import { deleteOnce } from '../contacts/contactWriter';
import { describeError } from '../errors/describeError';
import { displayName, truncate } from '../format/contactText';
import { oneLine } from '../format/sanitize';
import { emptyDraft } from '../format/contactDraft';
import { parseSelection } from '../format/selectionParse';
import type { ContactTabs } from '../ui/contactTabs';
import type { Prompter } from '../ui/prompter';
import { writeAllowed } from '../ui/writeAllowed';

/** Linq: New Contact… — an empty form in a tab of its own; nothing is sent before Save. */
export async function newContact(session: LinqSession, tabs: ContactTabs): Promise<void> {
  if (await writeAllowed(session)) {
    tabs.newContact({ ...emptyDraft(), ownerEmail: ownerEmail() ?? '' });
  }
}

/** Linq: New Contact from Selection — the form filled from the selected text, for the user to check. */
export async function newContactFromSelection(session: LinqSession, tabs: ContactTabs): Promise<void> {
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
  if (await writeAllowed(session)) {
    const draft = parseSelection(text.slice(0, 100_000));
    tabs.newContact(draft.ownerEmail === '' ? { ...draft, ownerEmail: ownerEmail() ?? '' } : draft);
  }
}

/** Linq: Edit Contact — the contact's tab becomes the form with its current values. */
export async function editContact(
  session: LinqSession,
  tabs: ContactTabs,
  contact: Contact | undefined,
): Promise<void> {
  if (contact && (await writeAllowed(session))) {
    tabs.edit(contact);
  }
}

/**
 * Linq: Delete Contact… — a modal confirmation naming the contact; then one `DELETE`. A 404 means it was
 * already gone (said so). The contact leaves the view, search, mentions and hovers at once.
 */
export async function deleteContact(
  session: LinqSession,
  tabs: ContactTabs,
  prompter: Prompter,
  contact: Contact | undefined,
): Promise<void> {
  if (!contact || !(await writeAllowed(session))) {
    return;
  }
  const name = truncate(oneLine(displayName(contact)), 80);
  const sure = await prompter.confirm(vscode.l10n.t('Delete {0} from Linq?', name), vscode.l10n.t('Delete'), {
    detail: vscode.l10n.t('This deletes the contact for everyone in your organisation. It cannot be undone.'),
  });
  if (!sure) {
    return;
  }
  try {
    const target = await session.writeTarget();
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting {0}…', name) },
      () => deleteOnce(target, contact.id),
    );
    tabs.contactDeleted(contact.id);
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
