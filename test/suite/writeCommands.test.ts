import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Contact } from '../../src/api/types';
import { editContact, newContact, newContactFromSelection } from '../../src/commands/writeCommands';
import type { Draft } from '../../src/format/contactDraft';
import type { ContactTabs } from '../../src/ui/contactTabs';
import { ownSession } from './ownSession';

/** The tabs as the commands see them, recording what they were asked to open. */
function recordingTabs(): ContactTabs & { opened: string[]; drafts: Array<Draft | undefined> } {
  const opened: string[] = [];
  const drafts: Array<Draft | undefined> = [];
  return {
    opened,
    drafts,
    show: (contact: Contact) => void opened.push(`show ${contact.id}`),
    newContact: (initial?: Draft) => {
      opened.push('new');
      drafts.push(initial);
    },
    edit: (contact: Contact) => void opened.push(`edit ${contact.id}`),
    contactDeleted: (id: number) => void opened.push(`deleted ${id}`),
    showQrCode: (contact: Contact) => void opened.push(`qr ${contact.id}`),
  };
}

describe('writeCommands: New Contact, New Contact from Selection, Edit Contact', () => {
  afterEach(async () => {
    await vscode.workspace
      .getConfiguration('linqContacts')
      .update('readOnly', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace
      .getConfiguration('linqContacts')
      .update('ownerEmail', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('open the form only with a token and writes allowed', async () => {
    const own = ownSession();
    const tabs = recordingTabs();
    try {
      await newContact(own.session, tabs);
      assert.deepEqual(tabs.opened, [], 'no token: nothing opens');
      await own.tokens.set('a-token');
      await newContact(own.session, tabs);
      await editContact(own.session, tabs, { id: 4 });
      await editContact(own.session, tabs, undefined);
      assert.deepEqual(tabs.opened, ['new', 'edit 4']);
      await vscode.workspace
        .getConfiguration('linqContacts')
        .update('readOnly', true, vscode.ConfigurationTarget.Global);
      await newContact(own.session, tabs);
      assert.deepEqual(tabs.opened, ['new', 'edit 4'], 'read-only: nothing opens');
    } finally {
      own.dispose();
    }
  });

  it('the selection fills the form; without one nothing opens', async () => {
    const own = ownSession();
    const tabs = recordingTabs();
    try {
      await own.tokens.set('a-token');
      const doc = await vscode.workspace.openTextDocument({
        content: 'Ada Lovelace <ada@x.example>',
        language: 'plaintext',
      });
      const editor = await vscode.window.showTextDocument(doc);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await newContactFromSelection(own.session, tabs);
      assert.deepEqual(tabs.opened, []);
      editor.selection = new vscode.Selection(0, 0, 0, 28);
      await newContactFromSelection(own.session, tabs);
      assert.deepEqual(tabs.opened, ['new']);
      assert.equal(tabs.drafts[0]?.firstName, 'Ada');
      assert.equal(tabs.drafts[0]?.email, 'ada@x.example');
    } finally {
      own.dispose();
    }
  });

  it('fills in "Owner email" from linqContacts.ownerEmail, unless the selection named an owner', async () => {
    const own = ownSession();
    const tabs = recordingTabs();
    try {
      await own.tokens.set('a-token');
      await newContact(own.session, tabs);
      assert.equal(tabs.drafts[0]?.ownerEmail, '', 'no setting: empty');
      await vscode.workspace
        .getConfiguration('linqContacts')
        .update('ownerEmail', ' me@company.example ', vscode.ConfigurationTarget.Global);
      await newContact(own.session, tabs);
      assert.equal(tabs.drafts[1]?.ownerEmail, 'me@company.example');
      const doc = await vscode.workspace.openTextDocument({ content: 'Ada Lovelace <ada@x.example>' });
      const editor = await vscode.window.showTextDocument(doc);
      editor.selection = new vscode.Selection(0, 0, 0, 28);
      await newContactFromSelection(own.session, tabs);
      assert.equal(tabs.drafts[2]?.ownerEmail, 'me@company.example');
      assert.equal(tabs.drafts[2]?.email, 'ada@x.example');
    } finally {
      own.dispose();
    }
  });
});
