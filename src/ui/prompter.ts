import * as vscode from 'vscode';

/**
 * Every question the extension asks in a dialog or a picker, in one place: `activate` passes it down to the
 * features. VS Code's own dialogs answer in use; the extension's in-host tests hand in one they script.
 */
export interface Prompter {
  /** A modal question with one action and Cancel; true when the action was chosen. */
  confirm(message: string, action: string, options?: ConfirmOptions): Promise<boolean>;
  /** The open dialog for one file; `undefined` when nothing was chosen. */
  openFile(options: vscode.OpenDialogOptions): Promise<vscode.Uri | undefined>;
  /** A quick pick the caller fills and shows (the contact picker). */
  createQuickPick<T extends vscode.QuickPickItem>(): vscode.QuickPick<T>;
}

/** How a modal question looks: a second line, and whether it warns (delete, discard) or informs (import). */
export interface ConfirmOptions {
  readonly detail?: string;
  readonly severity?: 'warning' | 'info';
}

/** The prompter of normal use: VS Code's own dialogs and pickers. */
export const windowPrompter: Prompter = {
  async confirm(message, action, options = {}) {
    const show = options.severity === 'info' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    const choice = await show(message, { modal: true, detail: options.detail }, action);
    return choice === action;
  },
  async openFile(options) {
    return (await vscode.window.showOpenDialog({ ...options, canSelectMany: false }))?.[0];
  },
  createQuickPick: <T extends vscode.QuickPickItem>() => vscode.window.createQuickPick<T>(),
};
