import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { EXTENSION_ID } from '../support/extensionId';
import { extensionApi } from './helpers';

describe('activation and contributions', () => {
  it('activates and registers every contributed command', async () => {
    await extensionApi();
    const all = await vscode.commands.getCommands(true);
    for (const id of Object.values(Commands)) {
      assert.ok(all.includes(id), `command ${id} is registered`);
    }
  });

  it('contributes exactly the ids and titles of the UX contract', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      activationEvents: string[];
      contributes: {
        commands: Array<{ command: string; title: string; category: string }>;
        views: Record<string, Array<{ id: string; name: string }>>;
      };
    };
    // Restored detail tabs, and the languages where @-mentions are offered by default; never at start-up.
    assert.deepEqual(pkg.activationEvents, [
      'onWebviewPanel:linqContacts.contact',
      'onLanguage:markdown',
      'onLanguage:plaintext',
      'onLanguage:git-commit',
      'onLanguage:scminput',
    ]);
    assert.equal(pkg.contributes.views.linq?.[0]?.id, 'linqContacts');
    const titles = Object.fromEntries(pkg.contributes.commands.map((c) => [c.command, `${c.category}: ${c.title}`]));
    assert.equal(titles['linqContacts.setToken'], 'Linq: Set API Token');
    assert.equal(titles['linqContacts.lookupById'], 'Linq: Look Up Contact…');
    assert.equal(titles['linqContacts.insertContact'], 'Linq: Insert Contact…');
    assert.equal(titles['linqContacts.export'], 'Linq: Export Contacts…');
    assert.equal(titles['linqContacts.newContact'], 'Linq: New Contact…');
    assert.equal(titles['linqContacts.newContactFromSelection'], 'Linq: New Contact from Selection');
    assert.equal(titles['linqContacts.editContact'], 'Linq: Edit Contact');
    assert.equal(titles['linqContacts.deleteContact'], 'Linq: Delete Contact…');
    assert.equal(titles['linqContacts.import'], 'Linq: Import Contacts…');
  });

  it('runs in Restricted Mode and virtual workspaces; only user settings say where the token goes', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      capabilities: unknown;
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    };
    assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
    const props = pkg.contributes.configuration.properties;
    assert.equal(props['linqContacts.apiBaseUrl']?.scope, 'application');
    assert.equal(props['linqContacts.showAvatars']?.scope, 'application');
    assert.equal(props['linqContacts.readOnly']?.scope, 'application');
  });
});
