import * as vscode from 'vscode';
import type { LinqApiError } from '../../api/linqApiError';
import { Commands, Settings } from '../../constants';

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

  /** The way out of a failure: a new token, the settings, or Retry. */
  static forError(error: LinqApiError): ActionNode {
    if (error.kind === 'auth') {
      return new ActionNode('action:setToken', vscode.l10n.t('Set API Token…'), 'key', {
        command: Commands.setToken,
        title: vscode.l10n.t('Set API Token…'),
      });
    }
    if (error.kind === 'config') {
      return new ActionNode('action:settings', vscode.l10n.t('Open Settings…'), 'settings-gear', {
        command: 'workbench.action.openSettings',
        title: vscode.l10n.t('Open Settings…'),
        arguments: [`${Settings.section}.${Settings.apiBaseUrl}`],
      });
    }
    return new ActionNode('action:retry', vscode.l10n.t('Retry'), 'refresh', {
      command: Commands.loadMore,
      title: vscode.l10n.t('Retry'),
    });
  }
}
