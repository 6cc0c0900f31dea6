import * as vscode from 'vscode';
import { setSortOrder, sortOrder } from '../config';
import { isSortOrder, SORT_ORDERS, type SortOrder } from '../format/contactOrder';
import type { Prompter } from '../ui/prompter';

/** The orders as the quick pick names them. */
function orderLabel(order: SortOrder): string {
  switch (order) {
    case 'linq':
      return vscode.l10n.t("Linq's order");
    case 'name':
      return vscode.l10n.t('Name');
    case 'company':
      return vscode.l10n.t('Company');
    case 'newest':
      return vscode.l10n.t('Newest first');
    case 'updated':
      return vscode.l10n.t('Recently updated');
  }
}

interface OrderItem extends vscode.QuickPickItem {
  readonly order: SortOrder;
}

/** An order given by a keybinding's `args` (`"name"` or `{ "order": "name" }`), else `undefined`. */
export function orderFrom(arg: unknown): SortOrder | undefined {
  const value = typeof arg === 'object' && arg !== null && 'order' in arg ? arg.order : arg;
  return isSortOrder(value) ? value : undefined;
}

/**
 * "Linq: Sort Contacts…": a quick pick of the orders, the current one checked; the choice is written to the user's
 * settings (`linqContacts.sortBy`), and the view follows the setting.
 */
export async function sortContacts(prompter: Prompter, given?: SortOrder): Promise<void> {
  const order = given ?? (await pickOrder(prompter));
  if (order !== undefined && order !== sortOrder()) {
    await setSortOrder(order);
  }
}

function pickOrder(prompter: Prompter): Promise<SortOrder | undefined> {
  const current = sortOrder();
  const pick = prompter.createQuickPick<OrderItem>();
  pick.title = vscode.l10n.t('Linq: Sort Contacts');
  pick.placeholder = vscode.l10n.t('Order of the Contacts view');
  pick.items = SORT_ORDERS.map((order) => ({
    order,
    label: order === current ? `$(check) ${orderLabel(order)}` : orderLabel(order),
    description: order === current ? vscode.l10n.t('current') : undefined,
  }));
  pick.activeItems = pick.items.filter((i) => i.order === current);
  return new Promise((resolve) => {
    let chosen: SortOrder | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.order;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}
