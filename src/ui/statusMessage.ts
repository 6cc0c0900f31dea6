import * as vscode from 'vscode';

/**
 * A confirmation's text with a check mark. Contact text in it cannot name an icon: a `$(` in it is broken with a
 * zero-width space.
 */
export function doneText(text: string): string {
  return `$(check) ${text.replace(/\$\(/g, '$\u200b(')}`;
}

/** A short confirmation in the status bar (`doneText`), gone after `ms`. */
export function showDone(text: string, ms = 3000): vscode.Disposable {
  return vscode.window.setStatusBarMessage(doneText(text), ms);
}
