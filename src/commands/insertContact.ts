import * as vscode from 'vscode';
import type { Contact } from '../api/types';
import type { LastTextEditor } from '../ui/lastTextEditor';
import { displayName, truncate } from '../format/contactText';
import { formatContact, INSERT_FORMATS, isInsertFormat, type InsertFormat } from '../format/insertFormats';
import { oneLine } from '../format/sanitize';

/** Where the last format chosen is kept (global state: a word like `nameAndEmail`, nothing else). */
export const LAST_FORMAT_KEY = 'linqContacts.insert.lastFormat';

/** The words for each format in the format picker. */
export function insertFormatLabel(format: InsertFormat): string {
  switch (format) {
    case 'name':
      return vscode.l10n.t('Name');
    case 'nameAndEmail':
      return vscode.l10n.t('Name <email>');
    case 'email':
      return vscode.l10n.t('Email');
    case 'phone':
      return vscode.l10n.t('Phone');
    case 'markdownLink':
      return vscode.l10n.t('Markdown link');
    case 'vcard':
      return vscode.l10n.t('vCard 4.0');
    case 'json':
      return vscode.l10n.t('JSON');
  }
}

interface FormatItem extends vscode.QuickPickItem {
  readonly format: InsertFormat;
  readonly text: string;
}

/** Asks for a format, the last one used first; only formats the contact has a value for are offered. */
async function pickFormat(contact: Contact, memory: vscode.Memento): Promise<FormatItem | undefined> {
  const last = memory.get<unknown>(LAST_FORMAT_KEY);
  const order = isInsertFormat(last) ? [last, ...INSERT_FORMATS.filter((f) => f !== last)] : INSERT_FORMATS;
  const items: FormatItem[] = [];
  for (const format of order) {
    const text = formatContact(contact, format);
    if (text !== undefined) {
      const lines = text.split(/\r?\n/);
      items.push({
        label: insertFormatLabel(format),
        description: truncate(lines[0] ?? '', 70) + (lines.length > 2 ? ' …' : ''),
        format,
        text,
      });
    }
  }
  return vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Insert {0} as…', truncate(oneLine(displayName(contact)), 60)),
    placeHolder: vscode.l10n.t('Choose a format'),
  });
}

/** A format given with the command (a keybinding's `args`); a contact without that value gets a message. */
function givenChoice(contact: Contact, format: InsertFormat): { format: InsertFormat; text: string } | undefined {
  const text = formatContact(contact, format);
  if (text === undefined) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        '{0} has nothing to insert as {1}.',
        truncate(oneLine(displayName(contact)), 60),
        insertFormatLabel(format),
      ),
    );
    return undefined;
  }
  return { format, text };
}

/**
 * Linq: Insert Contact…: a contact (the one given, else the search picker's), then a format; the text
 * replaces every selection and goes in at every cursor, literally (an edit, never a snippet: `$1` or `}`
 * in a name stays as it is). With no text editor to write into it says so and asks nothing.
 */
export async function insertContact(
  editors: LastTextEditor,
  memory: vscode.Memento,
  chooseContact: () => Promise<Contact | undefined>,
  given?: Contact,
  givenFormat?: InsertFormat,
): Promise<boolean> {
  if (!editors.available) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a text editor to insert a contact into.'));
    return false;
  }
  const contact = given ?? (await chooseContact());
  if (!contact) {
    return false;
  }
  const choice = givenFormat !== undefined ? givenChoice(contact, givenFormat) : await pickFormat(contact, memory);
  if (!choice) {
    return false;
  }
  await memory.update(LAST_FORMAT_KEY, choice.format);
  const editor = await editors.target();
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a text editor to insert a contact into.'));
    return false;
  }
  const done = await editor.edit((edit) => {
    for (const selection of editor.selections) {
      edit.replace(selection, choice.text);
    }
  });
  if (!done) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The contact could not be inserted: the editor does not accept changes.'),
    );
  }
  return done;
}
