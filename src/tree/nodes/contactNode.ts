import * as vscode from 'vscode';
import type { Contact } from '../../api/types';
import { Commands } from '../../constants';
import { contactContextValue, displayName, ownerName, titleAndCompany, truncate } from '../../format/contactText';

/**
 * One contact row. Its id is stable (per group when grouped), so a refresh keeps the selection. A contact new
 * since the user last looked says so before its description and in its accessibility label.
 */
export class ContactNode {
  readonly kind = 'contact';

  constructor(
    readonly contact: Contact,
    /** The id of the group row it is under, if any. */
    readonly groupKey?: string,
    readonly isNew = false,
    /** Pinned contacts offer Unpin Contact, the others Pin Contact. */
    readonly pinned = false,
  ) {}

  get id(): string {
    return this.groupKey === undefined
      ? `contact:${this.contact.id}`
      : `group:${this.groupKey}/contact:${this.contact.id}`;
  }

  /** The row; its tooltip comes later from `resolveTooltip`, on hover, to keep refreshes of many rows light. */
  toTreeItem(): vscode.TreeItem {
    const c = this.contact;
    const item = new vscode.TreeItem(truncate(displayName(c), 80), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const description = truncate(titleAndCompany(c), 80);
    item.description = this.isNew ? vscode.l10n.t('New · {0}', description) : description;
    item.iconPath = new vscode.ThemeIcon('person');
    item.contextValue = contactContextValue(c, this.pinned);
    const label = [displayName(c), titleAndCompany(c)].filter(Boolean).join(', ');
    item.accessibilityInformation = { label: this.isNew ? vscode.l10n.t('{0}, new', label) : label };
    item.command = { command: Commands.openContact, title: vscode.l10n.t('Open Contact'), arguments: [c] };
    return item;
  }

  resolveTooltip(item: vscode.TreeItem): vscode.TreeItem {
    item.tooltip = tooltip(this.contact);
    return item;
  }
}

/** Contact details as Markdown; every contact value goes through `appendText`, so markup stays text. */
function tooltip(c: Contact): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(displayName(c)).appendMarkdown('**\n\n');
  const rows: Array<[string, string | undefined]> = [
    [vscode.l10n.t('Title'), c.title],
    [vscode.l10n.t('Company'), c.company],
    [vscode.l10n.t('Email'), c.email],
    [vscode.l10n.t('Phone'), c.phoneNumber],
    [vscode.l10n.t('Location'), c.location],
    [vscode.l10n.t('Owner'), ownerName(c)],
  ];
  for (const [label, value] of rows) {
    if (value !== undefined) {
      md.appendText(`${label}: `).appendText(truncate(value, 200)).appendMarkdown('  \n');
    }
  }
  md.appendText(vscode.l10n.t('Contact #{0}', c.id));
  return md;
}
