import * as vscode from 'vscode';
import type { Contact } from '../../api/types';
import type { ContactGroup } from '../../format/contactOrder';
import { truncate } from '../../format/contactText';

/** What a group gathers: a company, an owner, or the pinned contacts. */
export type GroupKind = 'company' | 'owner' | 'pinned';

/** A group row (company, owner, or Pinned): expanded, with how many contacts it holds. */
export class GroupNode {
  readonly kind = 'group';

  constructor(
    readonly group: GroupKind,
    /** Stable across refreshes; `''` for the group without a value. */
    readonly key: string,
    readonly label: string,
    readonly contacts: readonly Contact[],
  ) {}

  static company(group: ContactGroup): GroupNode {
    return new GroupNode('company', group.key, group.label ?? vscode.l10n.t('(No company)'), group.contacts);
  }

  static owner(group: ContactGroup): GroupNode {
    const name = group.label ?? vscode.l10n.t('(No owner)');
    return new GroupNode('owner', group.key, group.mine ? vscode.l10n.t('{0} (You)', name) : name, group.contacts);
  }

  static pinned(contacts: readonly Contact[]): GroupNode {
    return new GroupNode('pinned', '', vscode.l10n.t('Pinned'), contacts);
  }

  /** The group's id; its rows' ids start with it. */
  get id(): string {
    return this.group === 'pinned' ? 'pinned' : `${this.group}:${this.key}`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(truncate(this.label, 80), vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = String(this.contacts.length);
    item.iconPath = new vscode.ThemeIcon(
      this.group === 'company' ? 'organization' : this.group === 'owner' ? 'account' : 'pinned',
    );
    item.contextValue = this.group;
    item.accessibilityInformation = {
      label: vscode.l10n.t('{0}, {1} contacts', this.label, this.contacts.length),
    };
    return item;
  }
}
