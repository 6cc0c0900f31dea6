import * as vscode from 'vscode';

/** A row that offers the way out of a state: "Set API Token…", "Retry", "Open Settings". */
export class ActionNode {
  readonly kind = 'action';

  constructor(
    readonly id: string,
    readonly label: string,
    readonly icon: string,
    readonly command: vscode.Command,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = 'action';
    item.command = this.command;
    return item;
  }
}
