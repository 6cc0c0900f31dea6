import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LastTextEditor } from '../../src/ui/lastTextEditor';
import { waitFor } from './helpers';

describe('LastTextEditor: the text editor a command writes into', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('after a webview took focus, it is the text editor used last, shown again with its cursors', async () => {
    const editors = new LastTextEditor();
    try {
      const doc = await vscode.workspace.openTextDocument({ content: 'one\ntwo\nthree', language: 'plaintext' });
      const editor = await vscode.window.showTextDocument(doc);
      editor.selections = [new vscode.Selection(1, 1, 1, 2), new vscode.Selection(2, 0, 2, 0)];
      const panel = vscode.window.createWebviewPanel('linqTest.other', 'Other', vscode.ViewColumn.Active, {});
      try {
        // The panel takes the focus when the workbench has shown it: wait for that, as a user would.
        await waitFor('the webview has the focus', () => vscode.window.activeTextEditor === undefined);
        assert.equal(editors.available, true);
        const target = await editors.target();
        assert.equal(target?.document, doc);
        assert.deepEqual(
          target?.selections.map((s) => [s.start.line, s.start.character, s.end.line, s.end.character]),
          [
            [1, 1, 1, 2],
            [2, 0, 2, 0],
          ],
        );
      } finally {
        panel.dispose();
      }
    } finally {
      editors.dispose();
    }
  });
});
