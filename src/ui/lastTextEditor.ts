import * as vscode from 'vscode';

/** Documents that take no typing: the Output panel, and the like. */
const READ_ONLY_SCHEMES: ReadonlySet<string> = new Set(['output', 'debug', 'vscode-settings']);

function writable(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  return editor !== undefined && !READ_ONLY_SCHEMES.has(editor.document.uri.scheme);
}

/**
 * The text editor a command should write into: the active one, else the one used last (a detail tab or
 * the Contacts view has focus). Its cursors are remembered, so a text editor hidden behind a detail tab
 * in the same group is shown again with the same selections.
 */
export class LastTextEditor implements vscode.Disposable {
  private last: vscode.TextEditor | undefined;
  private selections: readonly vscode.Selection[] = [];
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.note(vscode.window.activeTextEditor);
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor((editor) => this.note(editor)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === this.last) {
          this.selections = e.selections;
        }
      }),
    ];
  }

  private note(editor: vscode.TextEditor | undefined): void {
    if (writable(editor)) {
      this.last = editor;
      this.selections = editor.selections;
    }
  }

  /** True when there is an editor to write into (checked before asking the user anything). */
  get available(): boolean {
    return writable(vscode.window.activeTextEditor) || (this.last !== undefined && !this.last.document.isClosed);
  }

  /** The editor to write into, shown again when it was hidden; `undefined` when none is left. */
  async target(): Promise<vscode.TextEditor | undefined> {
    const active = vscode.window.activeTextEditor;
    if (writable(active)) {
      return active;
    }
    const last = this.last;
    if (!last || last.document.isClosed) {
      return undefined;
    }
    if (vscode.window.visibleTextEditors.includes(last)) {
      return last;
    }
    const selections = this.selections;
    const editor = await vscode.window.showTextDocument(last.document, {
      viewColumn: last.viewColumn,
      preserveFocus: false,
    });
    if (selections.length > 0) {
      editor.selections = [...selections];
    }
    return editor;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }
}
