import * as vscode from 'vscode';
import { readOnlyMode } from '../config';
import type { LinqSession } from '../contacts/linqSession';
import { tokenRequired } from './tokenRequired';

/** True when writing is allowed now; in read-only mode, or without a token, says so once and returns false. */
export async function writeAllowed(session: LinqSession): Promise<boolean> {
  if (readOnlyMode()) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Linq Contacts is read-only (the linqContacts.readOnly setting): nothing is written to Linq.'),
    );
    return false;
  }
  return tokenRequired(session);
}
