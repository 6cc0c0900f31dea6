import * as vscode from 'vscode';
import type { Contact } from '../api/types';
import type { LinqSession } from '../contacts/linqSession';
import { tokenRequired } from './tokenRequired';
import { asLinqError, describeError } from '../errors/describeError';

/** Why an id typed in the box is refused, or `undefined` when it is a positive whole number. */
export function validateContactId(text: string): string | undefined {
  const value = text.trim();
  if (value === '') {
    return vscode.l10n.t('Enter a contact id (a positive whole number).');
  }
  if (!/^\d+$/.test(value)) {
    return vscode.l10n.t('A contact id has digits only, like 123.');
  }
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) {
    return vscode.l10n.t('A contact id is a whole number from 1 to {0}.', Number.MAX_SAFE_INTEGER);
  }
  return undefined;
}

/**
 * "Linq: Look Up Contact by ID". A contact already loaded opens at once (`open` is told to refetch it
 * in the background); otherwise it is fetched, and an unknown id says so and opens nothing.
 */
export async function lookupById(session: LinqSession, open: (contact: Contact, refetch: boolean) => void, input?: string): Promise<void> {
  if (!(await tokenRequired(session))) {
    return;
  }
  const text =
    input ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Linq: Look Up Contact by ID'),
      prompt: vscode.l10n.t('The contact id, a positive whole number'),
      placeHolder: '123',
      // As the contact picker: a detail tab taking focus back must not close the box.
      ignoreFocusOut: true,
      validateInput: validateContactId,
    }));
  if (text === undefined || validateContactId(text) !== undefined) {
    return;
  }
  const id = Number(text.trim());
  const known = session.knownContact(id);
  if (known) {
    open(known, true);
    return;
  }
  try {
    const contact = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking up contact {0}…', id), cancellable: true },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return session.fetchContact(id, abort.signal);
      },
    );
    open(contact, false);
  } catch (error) {
    const e = asLinqError(error);
    if (e.kind === 'cancelled') {
      return;
    }
    void vscode.window.showWarningMessage(e.kind === 'notFound' ? vscode.l10n.t('Contact {0} not found.', id) : describeError(e));
  }
}
