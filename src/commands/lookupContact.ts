import * as vscode from 'vscode';
import { asLinqError } from '../api/linqApiError';
import type { Contact } from '../api/types';
import type { LinqSession } from '../contacts/linqSession';
import { tokenRequired } from '../ui/tokenRequired';
import { describeError } from '../errors/describeError';
import { lookupKey } from '../format/lookupKey';
import { oneLine } from '../format/sanitize';

/** Why an entry is refused in the box, or `undefined` when it is an id, an email or a phone number. */
export function validateLookup(text: string): string | undefined {
  const value = text.trim();
  if (value === '') {
    return vscode.l10n.t('Enter a contact id, an email address or a phone number.');
  }
  if (/^\d+$/.test(value)) {
    return validateContactId(value);
  }
  if (value.includes('@')) {
    return lookupKey(value)
      ? undefined
      : vscode.l10n.t('An email address has one @, no spaces and a dot in its domain, like name@example.com.');
  }
  if (/\d/.test(value) && /^[+\d\s().-]+$/.test(value)) {
    return lookupKey(value) ? undefined : vscode.l10n.t('A phone number has at least 7 digits, like +1 555 123 4567.');
  }
  return vscode.l10n.t('Enter digits only for an id (like 123), an email address, or a phone number.');
}

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
 * "Linq: Look Up Contact…": an id, an email address or a phone number. A contact already loaded opens at
 * once (`open` is told to refetch it in the background); otherwise it is fetched (an id) or found (`find`),
 * and one that does not exist is said so, naming what was typed, and nothing opens.
 */
export async function lookupContact(
  session: LinqSession,
  open: (contact: Contact, refetch: boolean) => void,
  input?: string,
): Promise<void> {
  if (!(await tokenRequired(session))) {
    return;
  }
  const text =
    input ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Linq: Look Up Contact'),
      prompt: vscode.l10n.t(
        'A contact id (digits only), an email address, or a phone number (7 or more digits, in any common format)',
      ),
      placeHolder: vscode.l10n.t('123, name@example.com or +1 555 123 4567'),
      // As the contact picker: a detail tab taking focus back must not close the box.
      ignoreFocusOut: true,
      validateInput: validateLookup,
    }));
  const key = text === undefined || validateLookup(text) !== undefined ? undefined : lookupKey(text);
  if (!key) {
    return;
  }
  const known =
    key.kind === 'id'
      ? session.knownContact(key.id)
      : key.kind === 'email'
        ? session.knownByEmail(key.email)
        : session.knownByPhone(key.phone);
  if (known) {
    open(known, true);
    return;
  }
  const shown =
    key.kind === 'id' ? String(key.id) : oneLine(key.kind === 'email' ? key.email : key.phone).slice(0, 100);
  try {
    const contact = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Looking up {0}…', shown),
        cancellable: true,
      },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return key.kind === 'id'
          ? session.fetchContact(key.id, abort.signal)
          : session.find(key.kind === 'email' ? { email: key.email } : { phone: key.phone }, abort.signal);
      },
    );
    if (contact) {
      open(contact, false);
    } else {
      void vscode.window.showWarningMessage(vscode.l10n.t('No contact in Linq has {0}.', shown));
    }
  } catch (error) {
    const e = asLinqError(error);
    if (e.kind === 'cancelled') {
      return;
    }
    void vscode.window.showWarningMessage(
      e.kind === 'notFound' ? vscode.l10n.t('Contact {0} not found.', shown) : describeError(e),
    );
  }
}
