import * as vscode from 'vscode';
import type { TokenStore } from '../auth/tokenStore';

/** "Linq: Set API Token": a password box; an empty entry or Escape changes nothing. */
export async function setToken(tokens: TokenStore): Promise<void> {
  const token = await vscode.window.showInputBox({
    title: vscode.l10n.t('Linq: Set API Token'),
    prompt: vscode.l10n.t('Your Linq integration token. It is kept in VS Code secret storage and sent only to the configured API host.'),
    placeHolder: vscode.l10n.t('Paste the token'),
    password: true,
    ignoreFocusOut: true,
  });
  if (token === undefined || token.trim() === '') {
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
