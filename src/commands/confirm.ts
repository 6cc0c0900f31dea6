import * as vscode from 'vscode';

/** Answers queued by the extension's own in-host tests (a modal dialog cannot be clicked from there). */
const queuedAnswers: boolean[] = [];

/**
 * A modal question with one action and Cancel; true when the action was chosen. In the in-host suite
 * (`ExtensionMode.Test` only) a queued answer stands in for the click; the UI tests click the real dialog.
 */
export async function confirmModal(message: string, action: string, detail?: string): Promise<boolean> {
  const queued = queuedAnswers.shift();
  if (queued !== undefined) {
    return queued;
  }
  const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
  return choice === action;
}

/** Queues the answer to the next modal question (the test API hands this out in `ExtensionMode.Test` only). */
export function queueConfirmAnswer(answer: boolean): void {
  queuedAnswers.push(answer);
}
