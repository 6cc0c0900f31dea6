import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { windowPrompter } from '../../src/ui/prompter';
import { PanelRegistry } from '../../src/webview/panelRegistry';
import { EXTENSION_ID } from '../support/extensionId';
import { PinsAndRecents } from '../../src/contacts/pinsAndRecents';
import { MemoryMemento, ownSession } from './ownSession';

describe('PanelRegistry: one tab per contact, and the New Contact forms', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opening a contact twice brings its one tab forward; a draft is a tab of its own; dispose closes all', async () => {
    const own = ownSession();
    const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    const pins = new PinsAndRecents(new MemoryMemento(), () => Promise.resolve('test'));
    const tabs = new PanelRegistry({ extensionUri, session: own.session, prompter: windowPrompter, pins });
    try {
      const ada = { id: 11, fullName: 'Ada Lovelace' };
      const first = tabs.show(ada);
      const again = tabs.show({ ...ada, title: 'Countess' });
      assert.equal(again, first);
      assert.equal(first.shownContact?.title, 'Countess', 'the tab shows the contact given');
      assert.equal(first.panel.title, 'Ada Lovelace');
      tabs.show({ id: 12, fullName: 'Grace Hopper' }).panel.dispose();
      tabs.show(ada);
      await pins.follow();
      assert.deepEqual(pins.recent, [11, 12], 'every tab the user opens leads the recents');
      const draft = tabs.newContact();
      assert.equal(draft.contactId, undefined);
      assert.equal(draft.shownForm?.mode, 'new');
      assert.deepEqual(
        tabs.contactPanels().map((p) => p.contactId),
        [11],
      );
      assert.equal(tabs.allPanels().length, 2);
      first.panel.dispose();
      assert.deepEqual(tabs.contactPanels(), [], 'a closed tab leaves the registry');
      tabs.dispose();
      assert.deepEqual(tabs.allPanels(), []);
      assert.equal(draft.closed, true);
    } finally {
      tabs.dispose();
      own.dispose();
    }
  });
});
