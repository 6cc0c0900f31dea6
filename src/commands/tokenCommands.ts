import * as vscode from 'vscode';
import { tokenProblem } from '../api/token';
import type { TokenStore } from '../auth/tokenStore';

/** Why a typed token cannot be used, or `undefined`. Empty is allowed here: it means "change nothing". */
export function validateToken(value: string): string | undefined {
  const problem = tokenProblem(value);
  if (problem === 'control') {
    return vscode.l10n.t(
      'The token contains a control character (such as a line break or tab inside it). Paste it again without it.',
    );
  }
  if (problem === 'notAscii') {
    return vscode.l10n.t(
      'The token contains characters that cannot be sent to Linq (only letters, digits and ASCII symbols).',
    );
  }
  return undefined;
}

/** "Linq: Set API Token": a password box; an empty entry or Escape changes nothing. */
export async function setToken(tokens: TokenStore): Promise<void> {
  const token = await vscode.window.showInputBox({
    title: vscode.l10n.t('Linq: Set API Token'),
    prompt: vscode.l10n.t(
      'Your Linq integration token. It is kept in VS Code secret storage and sent only to the configured API host.',
    ),
    placeHolder: vscode.l10n.t('Paste the token'),
    password: true,
    ignoreFocusOut: true,
    validateInput: validateToken,
  });
  if (token === undefined || token.trim() === '' || validateToken(token) !== undefined) {
    return;
  }
  await tokens.set(token);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Linq API token saved.'), 3000);
}

/** "Linq: Clear API Token": removes it from secret storage. */
export async function clearToken(tokens: TokenStore): Promise<void> {
  await tokens.clear();
  vscode.window.setStatusBarMessage(vscode.l10n.t('Linq API token cleared.'), 3000);
}
