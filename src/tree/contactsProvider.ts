import * as vscode from 'vscode';
import type { Contact } from '../api/types';
import { Commands, ContextKeys, VIEW_ID } from '../constants';
import type { LinqSession } from '../contacts/linqSession';
import { affectsPaging } from '../config';
import type { LinqApiError } from '../api/linqApiError';
import { describeError } from '../errors/describeError';
import type { Logger } from '../log/logger';
import { ContactFilter } from './contactFilter';
import { groupByCompany } from './grouping';
import { ActionNode } from './nodes/actionNode';
import { CompanyNode } from './nodes/companyNode';
import { ContactNode } from './nodes/contactNode';
import { LoadMoreNode } from './nodes/loadMoreNode';
import { RowFeed, type RowsSnapshot } from './rowFeed';
import { applyViewStatus, viewStatus } from './viewStatus';

export type ContactsTreeNode = ContactNode | LoadMoreNode | ActionNode | CompanyNode;

/**
 * The Contacts view: rows fed by the connection's contact store (`RowFeed`), narrowed by the filter
 * (`ContactFilter`), optionally grouped by company (`groupByCompany`), with its message and description
 * (`viewStatus`). Every failure shows in the view with a way out. Starts over when the session resets
 * (token, settings, Refresh).
 */
export class ContactsProvider implements vscode.TreeDataProvider<ContactsTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ContactsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly feed: RowFeed;
  private readonly filterState = new ContactFilter();
  private readonly disposables: vscode.Disposable[];
  private view: vscode.TreeView<ContactsTreeNode> | undefined;
  /** Whether a token is set; `undefined` until read (after a reset). */
  private hasToken: boolean | undefined;
  private groupedValue = false;
  /** The last failure logged and the connection's one auth warning (both start over on a reset). */
  private shownError: LinqApiError | undefined;
  private authNotified = false;
  /** Ends the view's progress bar, while one shows. */
  private endProgress: (() => void) | undefined;

  constructor(
    private readonly session: LinqSession,
    private readonly log?: Logger,
  ) {
    this.feed = new RowFeed(session);
    this.disposables = [
      this.changed,
      this.feed,
      this.feed.onDidChange(() => {
        this.update();
        this.reportProgress();
        this.reportError();
      }),
      this.feed.onDidStartLoading(() => this.reportProgress()),
      session.onDidChange(() => this.reset()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsPaging(e)) {
          this.feed.restartRows();
        }
      }),
    ];
  }

  /** Gives the provider its view, for the view's message and description. */
  attach(view: vscode.TreeView<ContactsTreeNode>): void {
    this.view = view;
    this.updateView();
  }

  /** What the view has loaded, as plain data (tests read it). */
  get rowsSnapshot(): RowsSnapshot {
    return this.feed.snapshot();
  }

  get filter(): string {
    return this.filterState.text;
  }

  get grouped(): boolean {
    return this.groupedValue;
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
    if (node.kind === 'contact' && node.groupKey !== undefined) {
      const company = node.contact.company;
      return new CompanyNode(
        company,
        this.visibleContacts().filter((c) => c.company === company),
      );
    }
    return undefined;
  }

  async getChildren(node?: ContactsTreeNode): Promise<ContactsTreeNode[]> {
    if (node?.kind === 'company') {
      return node.contacts.map((c) => new ContactNode(c, node.company ?? ''));
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
    if (this.filterState.active && !this.feed.complete) {
      this.feed.walkAll();
    }
    this.update();
  }

  setGrouped(grouped: boolean): void {
    this.groupedValue = grouped;
    void vscode.commands.executeCommand('setContext', ContextKeys.grouped, grouped);
    this.update();
  }

  /** Contacts shown now: the rows loaded so far, or every held contact matching the filter. */
  visibleContacts(): readonly Contact[] {
    return this.filterState.active ? this.filterState.matches(this.feed.held) : this.feed.rows;
  }

  /** The view's progress bar while the feed's store has requests in flight (checked on every feed change). */
  private reportProgress(): void {
    if (this.endProgress || !this.feed.busy) {
      if (this.endProgress && !this.feed.busy) {
        this.endProgress();
      }
      return;
    }
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const end = (): void => {
      if (this.endProgress === end) {
        this.endProgress = undefined;
      }
      finish();
    };
    this.endProgress = end;
    void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => done);
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
    this.endProgress?.();
    this.shownError = undefined;
    this.authNotified = false;
    this.filterState.forget();
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
    const contacts = this.visibleContacts();
    const nodes: ContactsTreeNode[] = this.groupedValue
      ? groupByCompany(contacts)
      : contacts.map((c) => new ContactNode(c));
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
      }),
    );
  }

  dispose(): void {
    this.endProgress?.();
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
