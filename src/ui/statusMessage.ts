import * as vscode from 'vscode';

/**
 * A short confirmation in the status bar with a check mark. Contact text in it cannot name an icon: a `$(` in
 * it is broken with a zero-width space.
 */
export function showDone(text: string, ms = 3000): vscode.Disposable {
  return vscode.window.setStatusBarMessage(`$(check) ${text.replace(/\$\(/g, '$\u200b(')}`, ms);
}
