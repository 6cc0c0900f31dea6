import * as vscode from 'vscode';
import type { Contact } from '../api/types';
import { Commands, PANEL_VIEW_TYPE } from '../constants';
import { readSettings } from '../config';
import { copyFromContact } from '../commands/copyContact';
import type { LinqSession } from '../contacts/linqSession';
import { asLinqError, describeError } from '../errors/describeError';
import { displayName, truncate } from '../format/contactText';
import { toContactView } from './contactView';
import { makeNonce, renderPanelHtml } from './panelHtml';
import { isFromWebviewMessage, type FromWebviewMessage, type ToWebviewMessage } from './protocol';

const COPY_FROM_MESSAGE = { copyEmail: 'email', copyPhone: 'phone', copyVCard: 'vcard' } as const;

/** What a panel needs from the rest of the extension. */
export interface PanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly session: LinqSession;
}

/** Options for the webview: scripts on, resources only from `dist/` and `media/`. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/**
 * One detail tab per contact, reused when the contact is opened again. The page is a fixed skeleton;
 * the contact arrives as a message once the script says it is ready, and is shown as text.
 */
export class ContactPanel implements vscode.Disposable {
  private static readonly open = new Map<number, ContactPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private status: ToWebviewMessage | undefined;
  private refreshing: AbortController | undefined;

  /** Opens (or brings forward) the tab for a contact; the contact given is shown at once. */
  static show(deps: PanelDeps, contact: Contact, refetch = false): ContactPanel {
    const existing = ContactPanel.open.get(contact.id);
    if (existing) {
      existing.panel.reveal(undefined, false);
      existing.setContact(contact);
      if (refetch) {
        void existing.refresh();
      }
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, truncate(displayName(contact), 40), vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
    const created = new ContactPanel(panel, deps, contact.id, contact);
    if (refetch) {
      void created.refresh();
    }
    return created;
  }

  /** Restores a tab after a window reload: shows it again and refetches the contact by id. */
  static revive(deps: PanelDeps, panel: vscode.WebviewPanel, contactId: number): ContactPanel {
    panel.webview.options = webviewOptions(deps.extensionUri);
    const revived = new ContactPanel(panel, deps, contactId, deps.session.knownContact(contactId));
    void revived.refresh();
    return revived;
  }

  /** Open panels, for tests. */
  static openPanels(): ContactPanel[] {
    return [...ContactPanel.open.values()];
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: PanelDeps,
    readonly contactId: number,
    private contact: Contact | undefined,
  ) {
    ContactPanel.open.get(contactId)?.dispose();
    ContactPanel.open.set(contactId, this);
    panel.webview.html = this.renderHtml();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isFromWebviewMessage(message)) {
          void this.onMessage(message);
        }
      }),
    );
  }

  /** The page, with a fresh nonce; its CSP allows remote images only when avatars are on. */
  private renderHtml(): string {
    const webview = this.panel.webview;
    const dist = vscode.Uri.joinPath(this.deps.extensionUri, 'dist');
    const media = vscode.Uri.joinPath(this.deps.extensionUri, 'media');
    return renderPanelHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'detail.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'detail.css')).toString(),
      nonce: makeNonce(),
      title: vscode.l10n.t('Linq contact'),
      remoteImages: readSettings().showAvatars,
    });
  }

  /** Loads the page again (a new CSP after `showAvatars` changed); the script asks for the contact anew. */
  reload(): void {
    this.ready = false;
    this.panel.webview.html = this.renderHtml();
  }

  get shownContact(): Contact | undefined {
    return this.contact;
  }

  /** Refetches the contact; failures show in the tab and keep what was shown. */
  async refresh(): Promise<void> {
    this.refreshing?.abort();
    const abort = new AbortController();
    this.refreshing = abort;
    this.post({ type: 'status', text: vscode.l10n.t('Loading…'), busy: true });
    try {
      const contact = await this.deps.session.fetchContact(this.contactId, abort.signal);
      if (!abort.signal.aborted) {
        this.setContact(contact);
        this.post({ type: 'status', text: '', busy: false });
      }
    } catch (error) {
      if (!abort.signal.aborted) {
        const e = asLinqError(error);
        const text = e.kind === 'notFound' ? vscode.l10n.t('Contact {0} not found.', this.contactId) : describeError(e);
        this.post({ type: 'status', text, busy: false });
      }
    }
  }

  private setContact(contact: Contact): void {
    this.contact = contact;
    this.panel.title = truncate(displayName(contact), 40);
    this.post({ type: 'show', contact: toContactView(contact, readSettings().showAvatars) });
  }

  private async onMessage(message: FromWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.contact) {
          this.post({ type: 'show', contact: toContactView(this.contact, readSettings().showAvatars) });
        }
        if (this.status) {
          this.post(this.status);
        }
        return;
      case 'refresh':
        await this.refresh();
        return;
      case 'insert':
        if (this.contact) {
          // Into the text editor used last (this tab has focus now).
          await vscode.commands.executeCommand(Commands.insertContact, this.contact);
        }
        return;
      case 'copyEmail':
      case 'copyPhone':
      case 'copyVCard':
        if (this.contact) {
          await copyFromContact(this.contact, COPY_FROM_MESSAGE[message.type]);
        }
        return;
    }
  }

  private post(message: ToWebviewMessage): void {
    if (message.type === 'status') {
      this.status = message;
    }
    if (this.ready) {
      void this.panel.webview.postMessage(message);
    }
  }

  dispose(): void {
    if (ContactPanel.open.get(this.contactId) === this) {
      ContactPanel.open.delete(this.contactId);
    }
    this.refreshing?.abort();
    this.panel.dispose();
    for (const d of this.disposables) {
      d.dispose();
    }
    this.disposables.length = 0;
  }
}
