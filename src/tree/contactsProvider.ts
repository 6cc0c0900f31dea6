import * as vscode from 'vscode';
import type { LinqApiError } from '../api/linqApiError';
import type { Contact } from '../api/types';
import { Commands, ContextKeys, Settings, VIEW_ID } from '../constants';
import type { LinqSession } from '../contacts/linqSession';
import { readSettings } from '../config';
import { asLinqError, describeError } from '../errors/describeError';
import { matchesQuery } from '../format/contactMatch';
import type { Logger } from '../log/logger';
import { PagingState } from './pagingState';
import { ActionNode } from './nodes/actionNode';
import { CompanyNode } from './nodes/companyNode';
import { ContactNode } from './nodes/contactNode';
import { LoadMoreNode } from './nodes/loadMoreNode';

export type ContactsTreeNode = ContactNode | LoadMoreNode | ActionNode | CompanyNode;

/** How long view updates are batched while many pages arrive at once. */
const UPDATE_BATCH_MS = 150;

/**
 * The Contacts view: pages loaded on demand, each contact once, every failure shown in the view with a
 * way out, an optional filter and grouping by company. Reloads whenever the session resets (token,
 * settings, Refresh).
 */
export class ContactsProvider implements vscode.TreeDataProvider<ContactsTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ContactsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private view: vscode.TreeView<ContactsTreeNode> | undefined;
  private state = new PagingState();
  private abort = new AbortController();
  private loading: Promise<void> | undefined;
  private token: boolean | undefined;
  private authNotified = false;
  private filterText = '';
  private groupedValue = false;
  private fill: { dispose(): void; running: boolean } | undefined;
  /** Set when the all-contacts walk stopped at its cap (the organisation holds more). */
  private capped = false;
  private updateTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly session: LinqSession,
    private readonly log?: Logger,
  ) {
    this.disposables.push(session.onDidChange(() => this.reset()));
  }

  /** Gives the provider its view, for the view's message and description. */
  attach(view: vscode.TreeView<ContactsTreeNode>): void {
    this.view = view;
    this.updateView();
  }

  /** What is loaded now (tests and the commands read it). */
  get paging(): PagingState {
    return this.state;
  }

  get filter(): string {
    return this.filterText;
  }

  get grouped(): boolean {
    return this.groupedValue;
  }

  /** Resolves when no page load is in flight. */
  async idle(): Promise<void> {
    while (this.loading) {
      await this.loading;
    }
  }

  getTreeItem(node: ContactsTreeNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  resolveTreeItem(item: vscode.TreeItem, node: ContactsTreeNode): vscode.TreeItem {
    return node.kind === 'contact' ? node.resolveTooltip(item) : item;
  }

  getParent(node: ContactsTreeNode): ContactsTreeNode | undefined {
    if (node instanceof ContactNode && node.groupKey !== undefined) {
      const company = node.contact.company;
      return new CompanyNode(company, this.visibleContacts().filter((c) => c.company === company));
    }
    return undefined;
  }

  async getChildren(node?: ContactsTreeNode): Promise<ContactsTreeNode[]> {
    if (node instanceof CompanyNode) {
      return node.contacts.map((c) => new ContactNode(c, node.company ?? ''));
    }
    if (node) {
      return [];
    }
    if (this.token === undefined) {
      await this.refreshTokenState();
    }
    if (!this.token) {
      return [];
    }
    if (!this.state.loadedAny && !this.state.error && !this.loading) {
      // The first page loads when the view is first shown; rows arrive with the next change event.
      void this.loadMore();
    }
    return this.rootNodes();
  }

  /**
   * Loads the next page and appends it. A call while a page is in flight joins it, so two clicks never
   * fetch one page twice. Failures are shown in the view, never thrown.
   */
  loadMore(): Promise<void> {
    if (this.loading) {
      return this.loading;
    }
    if (this.state.error && this.filterText !== '' && !this.state.complete && !this.fill) {
      // Retry after a failed background walk: walk again.
      this.state.error = undefined;
      this.fillFromAllContacts();
      this.update();
      return Promise.resolve();
    }
    if (this.state.loadedAny && !this.state.hasMore && !this.state.error) {
      return Promise.resolve();
    }
    const state = this.state;
    state.error = undefined;
    const signal = this.abort.signal;
    const pageNumber = state.nextPage;
    this.loading = Promise.resolve(
      vscode.window.withProgress({ location: { viewId: VIEW_ID } }, async () => {
        try {
          const client = await this.session.client();
          if (!client) {
            return;
          }
          const page = await client.listContacts(pageNumber, readSettings().pageSize, { signal });
          if (state !== this.state) {
            return;
          }
          state.applyPage(page, pageNumber);
          this.session.remember(page.contacts);
        } catch (error) {
          if (state === this.state && !signal.aborted) {
            this.fail(asLinqError(error));
          }
        }
      }),
    ).finally(() => {
      if (state === this.state) {
        this.loading = undefined;
        this.update();
      }
    });
    // No tree update here: VS Code batches tree changes that come within 200 ms of each other, so a
    // "loading" refresh now would hold back the rows when the page arrives. The view's own progress bar
    // (withProgress above) shows the load instead.
    return this.loading;
  }

  /** Narrows the rows to contacts matching `text` (name, email, company, title); empty clears it. */
  setFilter(text: string): void {
    this.filterText = text.trim();
    void vscode.commands.executeCommand('setContext', ContextKeys.filtered, this.filterText !== '');
    if (this.filterText !== '' && !this.state.complete) {
      this.fillFromAllContacts();
    }
    this.update();
  }

  setGrouped(grouped: boolean): void {
    this.groupedValue = grouped;
    void vscode.commands.executeCommand('setContext', ContextKeys.grouped, grouped);
    this.update();
  }

  /** Contacts shown now: all loaded ones, or those matching the filter. */
  visibleContacts(): readonly Contact[] {
    const all = this.state.contacts;
    return this.filterText === '' ? all : all.filter((c) => matchesQuery(c, this.filterText));
  }

  /** Starts over from page 1: cancels what is in flight and forgets what was loaded. */
  reset(): void {
    const shown = this.state.loadedAny || this.state.error !== undefined || this.loading !== undefined;
    this.abort.abort();
    this.abort = new AbortController();
    this.state = new PagingState();
    this.loading = undefined;
    this.fill?.dispose();
    this.fill = undefined;
    this.authNotified = false;
    this.capped = false;
    this.token = undefined;
    void this.refreshTokenState().then(() => {
      if (this.filterText !== '') {
        this.setFilter(this.filterText);
      } else if (!shown && this.token && this.view?.visible) {
        // Nothing to clear (e.g. a first token): fetch at once, and let the rows be the view's first
        // change, so VS Code's 200 ms batching does not hold them back behind an empty refresh.
        void this.loadMore();
        this.updateView();
      } else {
        this.update();
      }
    });
  }

  private async refreshTokenState(): Promise<void> {
    this.token = await this.session.hasToken();
    void vscode.commands.executeCommand('setContext', ContextKeys.hasToken, this.token);
  }

  /** Loads every contact in the background (shared walk) so a filter finds matches beyond the pages shown. */
  private fillFromAllContacts(): void {
    if (this.fill) {
      return;
    }
    const state = this.state;
    const fill = { running: true, dispose: () => undefined as void };
    // The walk hands over its whole growing list each page: take only what is new since the last call.
    let taken = 0;
    const subscription = this.session.loadAll((all, progress, done) => {
      if (state !== this.state) {
        return;
      }
      state.addContacts(all.slice(taken));
      taken = all.length;
      if (progress?.capped && !this.capped) {
        this.capped = true;
        this.log?.warn(`Stopped loading at ${all.length} contacts, the most the extension holds.`);
      }
      if (done) {
        state.markComplete(progress?.totalCount ?? all.length);
        fill.running = false;
      }
      this.scheduleUpdate();
    });
    fill.dispose = () => subscription.dispose();
    this.fill = fill;
    void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () =>
      subscription.promise.catch((error: unknown) => {
        fill.running = false;
        if (state === this.state) {
          this.fill = undefined;
          this.fail(asLinqError(error));
        }
      }),
    );
  }

  private fail(error: LinqApiError): void {
    if (error.kind === 'cancelled') {
      return;
    }
    this.state.error = error;
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

  private rootNodes(): ContactsTreeNode[] {
    const contacts = this.visibleContacts();
    const nodes: ContactsTreeNode[] = this.groupedValue ? groupByCompany(contacts) : contacts.map((c) => new ContactNode(c));
    const error = this.state.error;
    if (error) {
      nodes.push(errorAction(error));
    } else if (this.state.hasMore && !this.fill?.running) {
      nodes.push(new LoadMoreNode(this.state.contacts.length, this.state.totalKnown ? this.state.shownTotal : undefined, this.loading !== undefined));
    }
    return nodes;
  }

  private scheduleUpdate(): void {
    this.updateTimer ??= setTimeout(() => {
      this.updateTimer = undefined;
      this.update();
    }, UPDATE_BATCH_MS);
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
    const view = this.view;
    if (!view) {
      return;
    }
    const state = this.state;
    const description = state.loadedAny && this.token ? vscode.l10n.t('{0} contacts', state.shownTotal) : undefined;
    if (view.description !== description) {
      view.description = description;
    }
    let message: string | undefined;
    if (!this.token) {
      message = undefined;
    } else if (state.error) {
      message = describeError(state.error);
    } else if (this.capped && this.filterText === '') {
      message = vscode.l10n.t('Showing the first {0} contacts: the most this extension holds.', state.contacts.length);
    } else if (this.filterText !== '') {
      const matches = this.visibleContacts().length;
      message = this.fill?.running
        ? vscode.l10n.t('Filter "{0}": {1} match so far, searching {2} of {3} contacts…', this.filterText, matches, state.contacts.length, state.shownTotal)
        : this.capped
          ? vscode.l10n.t('Filter "{0}": {1} of the first {2} contacts match (the most this extension holds).', this.filterText, matches, state.contacts.length)
          : vscode.l10n.t('Filter "{0}": {1} of {2} contacts match.', this.filterText, matches, state.shownTotal);
    } else if (state.loadedAny && state.contacts.length === 0) {
      message = vscode.l10n.t('No contacts in your organisation yet.');
    }
    if (view.message !== message) {
      view.message = message;
    }
  }

  dispose(): void {
    this.abort.abort();
    this.fill?.dispose();
    clearTimeout(this.updateTimer);
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}

function groupByCompany(contacts: readonly Contact[]): CompanyNode[] {
  const groups = new Map<string | undefined, Contact[]>();
  for (const contact of contacts) {
    const list = groups.get(contact.company);
    if (list) {
      list.push(contact);
    } else {
      groups.set(contact.company, [contact]);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b)))
    .map(([company, list]) => new CompanyNode(company, list));
}

function errorAction(error: LinqApiError): ActionNode {
  if (error.kind === 'auth') {
    return new ActionNode('action:setToken', vscode.l10n.t('Set API Token…'), 'key', { command: Commands.setToken, title: vscode.l10n.t('Set API Token…') });
  }
  if (error.kind === 'config') {
    return new ActionNode('action:settings', vscode.l10n.t('Open Settings…'), 'settings-gear', {
      command: 'workbench.action.openSettings',
      title: vscode.l10n.t('Open Settings…'),
      arguments: [`${Settings.section}.${Settings.apiBaseUrl}`],
    });
  }
  return new ActionNode('action:retry', vscode.l10n.t('Retry'), 'refresh', { command: Commands.loadMore, title: vscode.l10n.t('Retry') });
}
