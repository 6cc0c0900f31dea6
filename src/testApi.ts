import * as vscode from 'vscode';
import type { Contact, ContactFields } from './api/types';
import { createOnce, deleteOnce, updateChecked } from './contacts/contactWriter';
import { TokenStore } from './auth/tokenStore';
import type { ContactItem } from './commands/contactPicker';
import { ContactCache } from './contacts/contactCache';
import { LinqSession } from './contacts/linqSession';
import type { ExportResult } from './export/exportContacts';
import { exportTo } from './export/exportContacts';
import type { ExportFormat } from './export/exportFormats';
import type { Logger } from './log/logger';
import type { ContactsProvider, ContactsTreeNode } from './tree/contactsProvider';
import type { RowsSnapshot } from './tree/rowFeed';
import type { Grouping } from './tree/viewRows';
import type { PinsAndRecents } from './contacts/pinsAndRecents';
import { windowPrompter, type Prompter } from './ui/prompter';
import type { PanelRegistry } from './webview/panelRegistry';
import type { FormView } from './webview/protocol';

/** The contact picker as the tests read it. */
export type ContactPickerView = Pick<
  vscode.QuickPick<ContactItem>,
  'items' | 'activeItems' | 'busy' | 'title' | 'value'
>;

/** Another window over the same secrets and storage folder: its own session and encrypted cache. */
export interface TestWindow {
  /** Connects as a window's view would, and waits until the cache (if any) is read whole. */
  open(): Promise<void>;
  /** What a window's view starts once its first rows show: the refresh of contacts from the cache, the prefetch. */
  start(): void;
  knownContacts(): readonly Contact[];
  /** Writes this window's cache of what it holds now, as a window does after a change. */
  saveCache(): Promise<void>;
  /** Writes to Linq from this window, as its form and commands do (the cache is then written for the others). */
  create(fields: ContactFields): Promise<Contact | undefined>;
  update(id: number, fields: ContactFields): Promise<Contact | undefined>;
  remove(id: number): Promise<void>;
  dispose(): void;
}

/**
 * Internal API for the extension's own in-host tests, returned by `activate` only in `ExtensionMode.Test`
 * (never to other extensions in normal use). It holds closures and plain data only: nothing returns the token
 * and no object reachable from it holds the token store, session or client.
 */
export interface LinqContactsTestApi {
  readonly tokens: {
    set(value: string): Promise<void>;
    clear(): Promise<void>;
    has(): Promise<boolean>;
    readonly onDidChange: vscode.Event<void>;
  };
  readonly session: {
    knownContacts(): readonly Contact[];
    /** Drops the store but keeps the cache: the next need connects again, as a newly opened window does. */
    reopen(): void;
  };
  readonly provider: {
    getChildren(node?: ContactsTreeNode): Promise<ContactsTreeNode[]>;
    getTreeItem(node: ContactsTreeNode): vscode.TreeItem;
    resolveTreeItem(item: vscode.TreeItem, node: ContactsTreeNode): vscode.TreeItem;
    idle(): Promise<void>;
    loadMore(): Promise<void>;
    setFilter(text: string): void;
    setGrouping(grouping: Grouping): void;
    /** The badge's count of contacts new since the view was last shown. */
    readonly newCount: number;
    /** What the view has loaded: plain data. */
    readonly rows: RowsSnapshot;
  };
  /** Every tab (New Contact forms have no id); `receive` hands it a message as its webview would send. */
  openPanels(): Array<{
    readonly contactId: number | undefined;
    readonly shownContact: Contact | undefined;
    readonly form: FormView | undefined;
    readonly panel: vscode.WebviewPanel;
    receive(message: unknown): Promise<void>;
  }>;
  /** The encrypted cache: the folder it lives in, and a way to write a waiting save now. */
  readonly cache: {
    readonly folder: string;
    flush(): Promise<void>;
  };
  /** A second window over the same secrets and storage folder (the windows tests). */
  openWindow(): TestWindow;
  /** The scripted prompts: the next modal question's answer, the next open dialog's file, the picker shown. */
  readonly prompts: {
    answerNextConfirm(answer: boolean): void;
    chooseNextFile(file: vscode.Uri | undefined): void;
    shownPicker(): ContactPickerView | undefined;
  };
  /** Export Contacts without its two questions (the format and the save dialog). */
  exportTo(
    format: ExportFormat,
    target: vscode.Uri,
    cancel?: vscode.CancellationToken,
  ): Thenable<ExportResult | undefined>;
}

/**
 * The prompter the in-host tests script: a queued answer stands in for a click on a modal dialog or a file in
 * the open dialog (neither can be clicked from the extension host); pickers are real, and the one shown is
 * kept for the tests to read. Without a queued answer it asks as VS Code does.
 */
export class ScriptedPrompter implements Prompter {
  private readonly answers: boolean[] = [];
  private readonly files: Array<vscode.Uri | undefined> = [];
  shown: ContactPickerView | undefined;

  answerNextConfirm(answer: boolean): void {
    this.answers.push(answer);
  }

  chooseNextFile(file: vscode.Uri | undefined): void {
    this.files.push(file);
  }

  confirm(...args: Parameters<Prompter['confirm']>): Promise<boolean> {
    const queued = this.answers.shift();
    return queued === undefined ? windowPrompter.confirm(...args) : Promise.resolve(queued);
  }

  openFile(options: vscode.OpenDialogOptions): Promise<vscode.Uri | undefined> {
    return this.files.length > 0 ? Promise.resolve(this.files.shift()) : windowPrompter.openFile(options);
  }

  createQuickPick<T extends vscode.QuickPickItem>(): vscode.QuickPick<T> {
    const pick = windowPrompter.createQuickPick<T>();
    const view = pick as unknown as ContactPickerView;
    this.shown = view;
    pick.onDidHide(() => {
      if (this.shown === view) {
        this.shown = undefined;
      }
    });
    return pick;
  }
}

/** The parts the test API reads, as `activate` built them. */
export interface TestedParts {
  readonly context: vscode.ExtensionContext;
  readonly tokens: TokenStore;
  readonly session: LinqSession;
  readonly cache: ContactCache;
  readonly provider: ContactsProvider;
  readonly tabs: PanelRegistry;
  readonly prompter: ScriptedPrompter;
  readonly log: Logger;
  readonly pins: PinsAndRecents;
}

/** Another window's session and cache over the same secrets and folder. */
function openWindow({ context, log }: TestedParts): TestWindow {
  const tokens = new TokenStore(context.secrets);
  const cache = new ContactCache(context.secrets, context.globalStorageUri.fsPath, log);
  const session = new LinqSession(tokens, log, cache);
  return {
    open: async () => {
      await (
        await session.store()
      )?.filled;
    },
    start: () => session.prefetch(),
    knownContacts: () => [...session.knownContacts()],
    saveCache: async () => {
      session.keepCacheNow();
      await cache.flush();
    },
    create: async (fields) => {
      const result = await createOnce(await session.writeTarget(), fields, undefined, { checkDuplicates: false });
      return result.kind === 'created' ? result.contact : undefined;
    },
    update: async (id, fields) => {
      const target = await session.writeTarget();
      const result = await updateChecked(target, id, undefined, fields, undefined, { overwrite: true });
      return result.kind === 'updated' ? result.contact : undefined;
    },
    remove: async (id) => {
      await deleteOnce(await session.writeTarget(), id);
    },
    dispose: () => {
      // As a window closes: a write still waiting is made first, while the token it checks is still followed.
      void cache.flush().finally(() => {
        session.dispose();
        cache.dispose();
        tokens.dispose();
      });
    },
  };
}

/** The test API, built from closures over the parts (see `LinqContactsTestApi`). */
export function testApi(parts: TestedParts): LinqContactsTestApi {
  const { tokens, session, provider, tabs, prompter, cache } = parts;
  return {
    tokens: {
      set: (value) => tokens.set(value),
      clear: () => tokens.clear(),
      has: async () => (await tokens.get()) !== undefined,
      onDidChange: (listener, thisArg, disposables) => tokens.onDidChange(listener, thisArg, disposables),
    },
    session: { knownContacts: () => [...session.knownContacts()], reopen: () => session.reopen() },
    provider: {
      getChildren: (node) => provider.getChildren(node),
      getTreeItem: (node) => provider.getTreeItem(node),
      resolveTreeItem: (item, node) => provider.resolveTreeItem(item, node),
      idle: async () => {
        while (provider.loading) {
          await provider.loadMore();
        }
      },
      loadMore: () => provider.loadMore(),
      setFilter: (text) => provider.setFilter(text),
      setGrouping: (grouping) => provider.setGrouping(grouping),
      get newCount() {
        return provider.newCount;
      },
      get rows() {
        return provider.rowsSnapshot;
      },
    },
    openPanels: () =>
      tabs.allPanels().map((p) => ({
        contactId: p.contactId,
        shownContact: p.shownContact,
        form: p.shownForm,
        panel: p.panel,
        receive: (message: unknown) => p.receive(message),
      })),
    cache: { folder: cache.folder, flush: () => cache.flush() },
    openWindow: () => openWindow(parts),
    prompts: {
      answerNextConfirm: (answer) => prompter.answerNextConfirm(answer),
      chooseNextFile: (file) => prompter.chooseNextFile(file),
      shownPicker: () => prompter.shown,
    },
    exportTo: (format, target, cancel) => exportTo(session, format, target, cancel),
  };
}
