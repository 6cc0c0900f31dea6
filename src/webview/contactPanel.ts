import * as vscode from 'vscode';
import { asLinqError } from '../api/linqApiError';
import type { Contact } from '../api/types';
import { Commands } from '../constants';
import { readOnlyMode, readSettings } from '../config';
import { describeError } from '../errors/describeError';
import { displayName, truncate } from '../format/contactText';
import { draftFromContact, emptyDraft, type Draft } from '../format/contactDraft';
import { oneLine } from '../format/sanitize';
import { copyFromContact } from '../ui/clipboard';
import { ContactForm, type FormHost } from './contactForm';
import { toContactView } from './contactView';
import { makeNonce, renderPanelHtml } from './panelHtml';
import type { PanelRegistry } from './panelRegistry';
import { isFromWebviewMessage, type FormView, type FromWebviewMessage, type ToWebviewMessage } from './protocol';
import { WebviewChannel } from './webviewChannel';

const COPY_FROM_MESSAGE = { copyEmail: 'email', copyPhone: 'phone', copyVCard: 'vcard' } as const;

/**
 * One contact's tab (or a New Contact form's). The page is a fixed skeleton; the contact arrives as a message
 * once the script says it is ready, and is shown as text. The registry opens, finds and closes tabs.
 */
export class ContactPanel implements vscode.Disposable {
  private readonly channel: WebviewChannel<ToWebviewMessage, FromWebviewMessage>;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshing: AbortController | undefined;
  /** The create or edit form, while the tab shows one. */
  private form: ContactForm | undefined;
  private idValue: number | undefined;
  private disposed = false;
  /** The user asked for the QR code (Show QR Code, the tab's button): the tab shows it under the card. */
  private showingQr = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly registry: PanelRegistry,
    contactId: number | undefined,
    private contact: Contact | undefined,
  ) {
    this.idValue = contactId;
    registry.placed(this, contactId);
    this.channel = new WebviewChannel(
      panel.webview,
      isFromWebviewMessage,
      (message) => this.onMessage(message),
      new Set(['status']),
    );
    panel.webview.html = this.renderHtml();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      this.channel,
    );
  }

  /** True once the tab closed. */
  get closed(): boolean {
    return this.disposed;
  }

  /** Shows the New Contact form, empty or filled. */
  startNew(initial: Draft): void {
    this.form = new ContactForm('new', this.formHost(), emptyDraft(), undefined, initial);
    this.form.show();
  }

  /** The tab says its contact was deleted in Linq (a form, if open, keeps what was typed). */
  showDeleted(): void {
    if (!this.form) {
      this.post({ type: 'status', text: vscode.l10n.t('This contact was deleted from Linq.'), busy: false });
    }
  }

  /** The page, with a fresh nonce; its CSP allows remote images only when avatars are on. */
  private renderHtml(): string {
    const webview = this.panel.webview;
    const { extensionUri } = this.registry.deps;
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    return renderPanelHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'detail.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'detail.css')).toString(),
      nonce: makeNonce(),
      title: vscode.l10n.t('Linq contact'),
      remoteImages: readSettings().showAvatars,
    });
  }

  /**
   * A tab closed with unsaved changes cannot refuse to close: the values stay in memory (never on disk) and
   * a message offers to bring the form back with them (until the window closes).
   */
  private keepUnsavedDraft(): void {
    const form = this.form;
    if (!form?.dirty) {
      return;
    }
    const values = form.values;
    const contact = this.contact;
    const registry = this.registry;
    const name = truncate(oneLine(form.name), 60);
    const reopen = vscode.l10n.t('Reopen');
    void vscode.window
      .showWarningMessage(vscode.l10n.t('Unsaved changes to {0} were discarded.', name), reopen)
      .then((choice) => {
        if (choice === reopen) {
          if (form.mode === 'new' || !contact) {
            registry.newContact(values);
          } else {
            registry.edit(contact, values);
          }
        }
      });
  }

  /** Loads the page again (a new CSP after `showAvatars` changed); the script asks for the contact anew. */
  reload(): void {
    this.channel.reloading();
    this.panel.webview.html = this.renderHtml();
  }

  get shownContact(): Contact | undefined {
    return this.contact;
  }

  /** The contact's id; `undefined` for a New Contact form not saved yet. */
  get contactId(): number | undefined {
    return this.idValue;
  }

  /** The form shown, as plain data (tests read it); `undefined` when the tab shows the contact. */
  get shownForm(): FormView | undefined {
    return this.form?.view();
  }

  /** The form's values as if typed in the tab (the in-host tests stand in for the webview with it). */
  receive(message: unknown): Promise<void> {
    return this.channel.receive(message);
  }

  private formHost(): FormHost {
    return {
      session: this.registry.deps.session,
      prompter: this.registry.deps.prompter,
      post: (form) => this.post({ type: 'form', form }),
      finish: (contact) => this.finishForm(contact),
      leave: () => this.leaveForm(),
    };
  }

  /** Turns the tab into the edit form with the contact's current values (or what was typed before). */
  startEdit(typed?: Draft): void {
    if (!this.contact || (this.form && !typed)) {
      this.form?.show();
      return;
    }
    this.form = new ContactForm('edit', this.formHost(), draftFromContact(this.contact), this.contact, typed);
    this.form.show();
  }

  /** The form saved: the tab shows the contact (a new one now has its id and its name as the title). */
  private finishForm(contact: Contact): void {
    this.form = undefined;
    if (this.idValue === undefined) {
      this.idValue = contact.id;
      this.registry.placed(this, contact.id);
    }
    this.setContact(contact);
    this.post({ type: 'status', text: '', busy: false });
  }

  private leaveForm(): void {
    this.form = undefined;
    if (this.contact) {
      this.setContact(this.contact);
    } else {
      this.dispose();
    }
  }

  /** Refetches the contact; failures show in the tab and keep what was shown. */
  async refresh(): Promise<void> {
    const id = this.idValue;
    if (id === undefined) {
      return;
    }
    this.refreshing?.abort();
    const abort = new AbortController();
    this.refreshing = abort;
    this.post({ type: 'status', text: vscode.l10n.t('Loading…'), busy: true });
    try {
      const contact = await this.registry.deps.session.fetchContact(id, abort.signal);
      if (!abort.signal.aborted) {
        this.setContact(contact);
        this.post({ type: 'status', text: '', busy: false });
      }
    } catch (error) {
      if (!abort.signal.aborted) {
        const e = asLinqError(error);
        const text = e.kind === 'notFound' ? vscode.l10n.t('Contact {0} not found.', id) : describeError(e);
        this.post({ type: 'status', text, busy: false });
      }
    }
  }

  setContact(contact: Contact): void {
    this.contact = contact;
    this.panel.title = truncate(displayName(contact), 40);
    if (!this.form) {
      this.post({ type: 'show', contact: this.view(contact) });
    }
  }

  /** Shows the contact's QR code in the tab (and the tab itself, brought forward). */
  showQrCode(): void {
    this.showingQr = true;
    this.repaint();
  }

  /** Shows the contact again (its pin changed). */
  repaint(): void {
    if (this.contact && !this.form) {
      this.post({ type: 'show', contact: this.view(this.contact) });
    }
  }

  private view(contact: Contact): ReturnType<typeof toContactView> {
    return toContactView(contact, readSettings().showAvatars, !readOnlyMode(), vscode.env.language, {
      pinned: this.registry.deps.pins.isPinned(contact.id),
      qr: this.showingQr,
    });
  }

  private async onMessage(message: FromWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        const kept = this.channel.opened();
        if (this.form) {
          this.form.show();
        } else if (this.contact) {
          this.post({ type: 'show', contact: this.view(this.contact) });
        }
        kept.forEach((m) => this.post(m));
        return;
      }
      case 'edit':
        if (this.contact) {
          await vscode.commands.executeCommand(Commands.editContact, this.contact);
        }
        return;
      case 'delete':
        if (this.contact) {
          await vscode.commands.executeCommand(Commands.deleteContact, this.contact);
        }
        return;
      case 'formChange':
        this.form?.change(message.values);
        return;
      case 'save':
        await this.form?.save(message.values);
        return;
      case 'cancel':
        await this.form?.cancel();
        return;
      case 'notice':
        await this.form?.onNotice(message.action);
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
      case 'pin':
      case 'unpin':
        if (this.contact) {
          await vscode.commands.executeCommand(message.type === 'pin' ? Commands.pin : Commands.unpin, this.contact);
        }
        return;
      case 'qrCode':
        this.showQrCode();
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
    if (!this.disposed) {
      this.channel.post(message);
    }
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.registry.closed(this);
    this.keepUnsavedDraft();
    this.refreshing?.abort();
    this.panel.dispose();
    for (const d of this.disposables) {
      d.dispose();
    }
    this.disposables.length = 0;
  }
}
