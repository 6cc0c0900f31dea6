import * as vscode from 'vscode';
import type { Contact } from '../api/types';
import { Commands, ContextKeys, VIEW_ID } from '../constants';
import type { LinqSession } from '../contacts/linqSession';
import type { PinsAndRecents } from '../contacts/pinsAndRecents';
import { affectsOrder, affectsPaging, ownerEmail, sortOrder } from '../config';
import type { LinqApiError } from '../api/linqApiError';
import { describeError } from '../errors/describeError';
import { nameCollator } from '../format/contactOrder';
import type { Logger } from '../log/logger';
import { ContactFilter } from './contactFilter';
import { NewSinceLooked } from './newSinceLooked';
import { ActionNode } from './nodes/actionNode';
import { ContactNode } from './nodes/contactNode';
import type { GroupNode } from './nodes/groupNode';
import { LoadMoreNode } from './nodes/loadMoreNode';
import { PinnedContacts } from './pinnedContacts';
import { RowFeed, type RowsSnapshot } from './rowFeed';
import { SortedContacts } from './sortedContacts';
import { contactRow, topRows, type Grouping, type RowMarks } from './viewRows';
import { applyViewStatus, newContactsBadge, ViewProgress, viewStatus } from './viewStatus';

export type ContactsTreeNode = ContactNode | LoadMoreNode | ActionNode | GroupNode;

/**
 * The Contacts view: rows fed by the connection's contact store (`RowFeed`), narrowed by the filter
 * (`ContactFilter`), in the chosen order (`SortedContacts`), grouped by company or owner, under the pinned ones
 * (`PinnedContacts`), new ones marked (`NewSinceLooked`), with its message and description (`viewStatus`). Every
 * failure shows in the view with a way out. Starts over when the session resets (token, settings, Refresh).
 */
export class ContactsProvider implements vscode.TreeDataProvider<ContactsTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ContactsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly feed: RowFeed;
  private readonly filterState = new ContactFilter();
  private readonly collator = nameCollator(vscode.env.language);
  private readonly sorted = new SortedContacts(this.collator, () => this.update());
  private readonly pinned: PinnedContacts;
  private readonly newSince = new NewSinceLooked();
  private readonly marks: RowMarks;
  private readonly disposables: vscode.Disposable[];
  private view: vscode.TreeView<ContactsTreeNode> | undefined;
  /** Whether a token is set; `undefined` until read (after a reset). */
  private hasToken: boolean | undefined;
  private groupingValue: Grouping = 'none';
  /** The group rows last shown, by id (a row's parent). */
  private groups = new Map<string, GroupNode>();
  /** The last failure logged and the connection's one auth warning (both start over on a reset). */
  private shownError: LinqApiError | undefined;
  private authNotified = false;
  private readonly progress = new ViewProgress(VIEW_ID);

  constructor(
    private readonly session: LinqSession,
    pins: PinsAndRecents,
    private readonly log?: Logger,
  ) {
    this.feed = new RowFeed(session);
    this.pinned = new PinnedContacts(session, pins, () => this.update(), log);
    this.marks = { isNew: (id) => this.newSince.isNew(id), isPinned: (id) => pins.isPinned(id) };
    this.sorted.setOrder(sortOrder());
    this.disposables = [
      this.changed,
      this.feed,
      this.feed.onDidChange(() => {
        if (this.newSince.take(this.feed.arrived)) {
          this.showBadge();
        }
        this.update();
        this.progress.show(this.feed.busy);
        this.reportError();
      }),
      this.feed.onDidStartLoading(() => this.progress.show(this.feed.busy)),
      session.onDidChange(() => this.reset()),
      pins.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsPaging(e)) {
          this.feed.restartRows();
        }
        if (affectsOrder(e)) {
          this.orderChanged();
        }
      }),
    ];
  }

  /** Gives the provider its view, for the view's message, description and badge. */
  attach(view: vscode.TreeView<ContactsTreeNode>): void {
    this.view = view;
    this.newSince.visibility(view.visible);
    this.disposables.push(
      view.onDidChangeVisibility((e) => {
        if (this.newSince.visibility(e.visible)) {
          this.showBadge();
          this.update();
        }
      }),
    );
    this.updateView();
  }

  /** What the view has loaded, as plain data (tests read it). */
  get rowsSnapshot(): RowsSnapshot {
    return this.feed.snapshot();
  }

  get filter(): string {
    return this.filterState.text;
  }

  get grouping(): Grouping {
    return this.groupingValue;
  }

  /** How many contacts the badge counts as new (the view hidden since a refresh brought them). */
  get newCount(): number {
    return this.newSince.count;
  }

  /** True while a Load more is pending. */
  get loading(): boolean {
    return this.feed.isLoading;
  }

  getTreeItem(node: ContactsTreeNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  resolveTreeItem(item: vscode.TreeItem, node: ContactsTreeNode): vscode.TreeItem {
    return node.kind === 'contact' ? node.resolveTooltip(item) : item;
  }

  getParent(node: ContactsTreeNode): ContactsTreeNode | undefined {
    return node.kind === 'contact' && node.groupKey !== undefined ? this.groups.get(node.groupKey) : undefined;
  }

  async getChildren(node?: ContactsTreeNode): Promise<ContactsTreeNode[]> {
    if (node?.kind === 'group') {
      return node.contacts.map((c) => contactRow(c, this.marks, node));
    }
    if (node) {
      return [];
    }
    if (this.hasToken === undefined) {
      await this.refreshTokenState();
    }
    if (!this.hasToken) {
      return [];
    }
    if (!this.feed.started) {
      // The first rows load when the view is first shown; they arrive with the next change event.
      this.firstRows();
    }
    return this.rootNodes();
  }

  /** Shows the next rows; after a failed filter walk, walks again. */
  loadMore(): Promise<void> {
    if (this.filterState.active && this.feed.error && this.feed.loadedAny) {
      this.feed.walkAll();
      return Promise.resolve();
    }
    return this.feed.loadMore();
  }

  /** Narrows the rows to contacts matching `text` (name, email, company or title); empty clears it. */
  setFilter(text: string): void {
    this.filterState.set(text);
    void vscode.commands.executeCommand('setContext', ContextKeys.filtered, this.filterState.active);
    this.sorted.forget();
    this.walkIfNeeded();
    this.update();
  }

  /** Groups the rows by company or owner, or not ('none'). */
  setGrouping(grouping: Grouping): void {
    this.groupingValue = grouping;
    void vscode.commands.executeCommand('setContext', ContextKeys.grouped, grouping !== 'none');
    void vscode.commands.executeCommand('setContext', ContextKeys.groupedBy, grouping);
    this.update();
  }

  /** The filter and any order but Linq's need every contact: they walk the rest. */
  private walkIfNeeded(): void {
    if ((this.filterState.active || this.sorted.order !== 'linq') && !this.feed.complete) {
      this.feed.walkAll();
    }
  }

  private orderChanged(): void {
    this.sorted.setOrder(sortOrder());
    this.walkIfNeeded();
    this.update();
  }

  /**
   * Contacts shown now (in the view's order): every held contact matching the filter, else the rows loaded so far
   * (in an order other than Linq's: the first of the sorted ones).
   */
  visibleContacts(): readonly Contact[] {
    if (this.filterState.active) {
      return this.sorted.follow(this.filterState.matches(this.feed.held));
    }
    return this.sorted.order === 'linq'
      ? this.feed.rows
      : this.sorted.follow(this.feed.held).slice(0, this.feed.rowCount);
  }

  private showBadge(): void {
    if (this.view) {
      this.view.badge = newContactsBadge(this.newSince.count);
    }
  }

  /** A new failure goes to the log; a refused token also gets one warning per connection, with Set API Token. */
  private reportError(): void {
    const error = this.feed.error;
    if (!error || error === this.shownError) {
      return;
    }
    this.shownError = error;
    this.log?.warnError('Contacts view', error);
    if (error.kind === 'auth' && !this.authNotified) {
      this.authNotified = true;
      const setToken = vscode.l10n.t('Set API Token');
      void vscode.window.showWarningMessage(describeError(error), setToken).then((choice) => {
        if (choice === setToken) {
          void vscode.commands.executeCommand(Commands.setToken);
        }
      });
    }
  }

  /** Loads the first rows, and logs how long they took from the view's ask (where the time goes at a start). */
  private firstRows(): void {
    const asked = performance.now();
    void this.feed.loadMore().then(() => {
      if (this.feed.loadedAny) {
        this.walkIfNeeded();
        const from = this.feed.heldSince === undefined ? 'from Linq' : 'from the local copy';
        this.log?.info(
          `First ${this.feed.rows.length} rows ready ${Math.round(performance.now() - asked)} ms after the view asked for them (${from}).`,
        );
      }
    });
  }

  /** Starts over (the session reset): forgets rows and errors, then loads again if the view shows. */
  private reset(): void {
    const shown = this.feed.started;
    this.feed.reset();
    this.progress.end();
    this.shownError = undefined;
    this.authNotified = false;
    this.filterState.forget();
    this.sorted.forget();
    this.pinned.forget();
    this.newSince.forget();
    this.showBadge();
    this.hasToken = undefined;
    void this.refreshTokenState().then(() => {
      if (!this.hasToken) {
        this.update();
      } else if (this.filterState.active) {
        this.setFilter(this.filterState.text);
      } else if (!shown && this.view?.visible) {
        // Nothing to clear (e.g. a first token): fetch at once, and let the rows be the view's first
        // change, so VS Code's 200 ms batching does not hold them back behind an empty refresh.
        this.firstRows();
        this.updateView();
      } else {
        this.update();
      }
    });
  }

  private async refreshTokenState(): Promise<void> {
    this.hasToken = await this.session.hasToken();
    void vscode.commands.executeCommand('setContext', ContextKeys.hasToken, this.hasToken);
  }

  private rootNodes(): ContactsTreeNode[] {
    const nodes: ContactsTreeNode[] = topRows({
      contacts: this.visibleContacts(),
      pinned: this.pinned.contacts().filter((c) => this.filterState.accepts(c)),
      grouping: this.groupingValue,
      collator: this.collator,
      ownerEmail: ownerEmail(),
      marks: this.marks,
    });
    this.groups = new Map(nodes.flatMap((n) => (n.kind === 'group' ? [[n.id, n]] : [])));
    const error = this.feed.error;
    if (error) {
      nodes.push(ActionNode.forError(error));
    } else if (this.feed.hasMore && !this.filterState.active) {
      const total = this.feed.total;
      nodes.push(new LoadMoreNode(this.feed.rows.length, total.known ? total.count : undefined, this.feed.isLoading));
    }
    return nodes;
  }

  /**
   * Refreshes the rows, then the view's message. VS Code batches a view's data and message changes that
   * come within 200 ms of each other: the rows go first, and an unchanged message is not set again, so
   * new rows are never held back.
   */
  private update(): void {
    this.changed.fire(undefined);
    this.updateView();
  }

  private updateView(): void {
    if (!this.view) {
      return;
    }
    const total = this.feed.total;
    applyViewStatus(
      this.view,
      viewStatus({
        hasToken: this.hasToken === true,
        error: this.feed.error,
        loadedAny: this.feed.loadedAny,
        loaded: this.feed.held.length,
        total: total.count,
        complete: this.feed.complete,
        capped: total.capped,
        filter: this.filterState.text,
        matches: this.filterState.active ? this.filterState.matches(this.feed.held).length : 0,
        heldSince: this.feed.heldSince,
        refreshError: this.feed.refreshError,
        sorted: this.sorted.order !== 'linq',
      }),
    );
  }

  dispose(): void {
    this.progress.end();
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
