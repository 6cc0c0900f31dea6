import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Contact } from '../../src/api/types';
import { formatContact, INSERT_FORMATS } from '../../src/format/insertFormats';
import { extensionApi, waitFor } from './helpers';
import { held, editorWith, acceptUntilAnswered, closeAll, editorFixture } from './editorFixture';

describe('Insert Contact (into the text editor)', () => {
  const fx = editorFixture();

  it('inserts every format at every cursor and over every selection, literally ($1 and ${x} stay text)', async () => {
    const contact = held('snippet');
    assert.match(contact.fullName ?? '', /\$1 \$\{x\} \}/);
    for (const format of INSERT_FORMATS) {
      const editor = await editorWith('one\ntwo\nthree');
      editor.selections = [
        new vscode.Selection(0, 0, 0, 0),
        new vscode.Selection(1, 0, 1, 3),
        new vscode.Selection(2, 5, 2, 5),
      ];
      const done = await vscode.commands.executeCommand<boolean>('linqContacts.insertContact', {
        contactId: contact.id,
        format,
      });
      assert.equal(done, true, format);
      const text = (formatContact(contact, format) ?? '').replace(/\r\n/g, '\n');
      assert.equal(editor.document.getText(), `${text}one\n${text}\nthree${text}`, format);
      await closeAll();
    }
  });

  it('offers the last format used first', async () => {
    const contact = held('snippet');
    for (const format of ['phone', 'markdownLink'] as const) {
      const editor = await editorWith('');
      await vscode.commands.executeCommand('linqContacts.insertContact', { contactId: contact.id, format });
      await closeAll();
      void editor;
      const next = await editorWith('');
      // No format given: the picker opens with the last format on top, and Enter takes it.
      const insert = vscode.commands.executeCommand<boolean>('linqContacts.insertContact', contact);
      await acceptUntilAnswered(insert);
      assert.equal(await insert, true);
      assert.equal(next.document.getText(), formatContact(contact, format));
      await closeAll();
    }
  });

  it('from the palette: the search picker, then the format picker, then the text at the cursor', async () => {
    const api = await extensionApi();
    const target = fx.all[123] as Contact;
    const editor = await editorWith('owner: ');
    editor.selection = new vscode.Selection(0, 7, 0, 7);
    const insert = vscode.commands.executeCommand<boolean>('linqContacts.insertContact');
    const pick = await waitFor('the contact picker', () => api.prompts.shownPicker());
    pick.value = target.email ?? '';
    await waitFor('the contact offered', () => pick.activeItems[0]?.contact?.id === target.id);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor('the contact picker closed', () => api.prompts.shownPicker() === undefined);
    // The format picker: Enter takes the format on top (the last one used by the tests above).
    await acceptUntilAnswered(insert);
    assert.equal(await insert, true);
    assert.equal(editor.document.getText(), `owner: ${formatContact(target, 'markdownLink') ?? ''}`);
  });

  it('from a row of the Contacts view', async () => {
    const api = await extensionApi();
    const rows = await api.provider.getChildren();
    const row = rows.find((node) => node.kind === 'contact');
    assert.ok(row && row.kind === 'contact');
    const editor = await editorWith('');
    const insert = vscode.commands.executeCommand<boolean>('linqContacts.insertContact', row);
    await acceptUntilAnswered(insert);
    assert.equal(editor.document.getText(), formatContact(row.contact, 'markdownLink'));
  });

  it('with no editor open says so and asks nothing', async () => {
    const api = await extensionApi();
    await closeAll();
    const done = await vscode.commands.executeCommand<boolean>('linqContacts.insertContact');
    assert.equal(done, false);
    assert.equal(api.prompts.shownPicker(), undefined, 'no contact picker opened');
  });

  it('inserts into the text editor used last when a detail tab has focus', async () => {
    const api = await extensionApi();
    const editor = await editorWith('to: ');
    editor.selection = new vscode.Selection(0, 4, 0, 4);
    const contact = fx.all[10] as Contact;
    await vscode.commands.executeCommand('linqContacts.openContact', contact);
    await waitFor('the tab open and active', () =>
      api.openPanels().find((p) => p.contactId === contact.id && p.panel.active),
    );
    await waitFor('the detail tab has focus, no text editor', () => vscode.window.activeTextEditor === undefined);
    assert.equal(
      await vscode.commands.executeCommand('linqContacts.insertContact', { contactId: contact.id, format: 'email' }),
      true,
    );
    assert.equal(editor.document.getText(), `to: ${contact.email ?? ''}`);
  });
});
