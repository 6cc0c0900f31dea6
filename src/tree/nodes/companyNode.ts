import * as vscode from 'vscode';
import type { Contact } from '../../api/types';
import { truncate } from '../../format/contactText';

/** A company group when contacts are grouped; its description counts the contacts loaded in it. */
export class CompanyNode {
  readonly kind = 'company';

  constructor(
    /** The company, or `undefined` for contacts without one. */
    readonly company: string | undefined,
    readonly contacts: readonly Contact[],
  ) {}

  get id(): string {
    return `company:${this.company ?? ''}`;
  }

  toTreeItem(): vscode.TreeItem {
    const label = this.company === undefined ? vscode.l10n.t('(No company)') : truncate(this.company, 80);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = String(this.contacts.length);
    item.iconPath = new vscode.ThemeIcon('organization');
    item.contextValue = 'company';
    return item;
  }
}
