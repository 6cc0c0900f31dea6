import * as vscode from 'vscode';
import { Commands } from '../../constants';

/** The last row while more pages exist: "Load more… (25 of 237)". */
export class LoadMoreNode {
  readonly kind = 'loadMore';
  readonly id = 'loadMore';

  constructor(
    readonly loaded: number,
    /** `undefined` when the server did not say. */
    readonly total: number | undefined,
    readonly loading: boolean,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description =
      this.total === undefined
        ? vscode.l10n.t('{0} loaded', this.loaded)
        : vscode.l10n.t('{0} of {1} loaded', this.loaded, this.total);
    item.iconPath = new vscode.ThemeIcon(this.loading ? 'loading~spin' : 'ellipsis');
    item.contextValue = 'loadMore';
    item.tooltip = vscode.l10n.t('Load the next page of contacts');
    item.command = { command: Commands.loadMore, title: vscode.l10n.t('Load more…') };
    return item;
  }
}
