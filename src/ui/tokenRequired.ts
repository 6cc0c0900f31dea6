import * as vscode from 'vscode';
import type { LinqSession } from '../contacts/linqSession';

/** True when a token is set; otherwise says so (one warning, no request) and returns false. */
export async function tokenRequired(session: LinqSession): Promise<boolean> {
  if (await session.hasToken()) {
    return true;
  }
  void vscode.window.showWarningMessage(vscode.l10n.t('Set your Linq API token first.'));
  return false;
}
