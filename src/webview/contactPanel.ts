import * as vscode from 'vscode';
import { asLinqError } from '../api/linqApiError';
import type { Contact } from '../api/types';
import { Commands, PANEL_VIEW_TYPE } from '../constants';
import { readOnlyMode, readSettings } from '../config';
import { copyFromContact } from '../commands/copyContact';
import type { LinqSession } from '../contacts/linqSession';
import { describeError } from '../errors/describeError';
import { displayName, truncate } from '../format/contactText';
import { draftFromContact, emptyDraft, type Draft } from '../format/contactDraft';
import { oneLine } from '../format/sanitize';
import { ContactForm } from './contactForm';
import { toContactView } from './contactView';
import { makeNonce, renderPanelHtml } from './panelHtml';
import { isFromWebviewMessage, type FormView, type FromWebviewMessage, type ToWebviewMessage } from './protocol';

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
  /** Tabs of contacts not created yet (New Contact forms). */
  private static readonly drafts = new Set<ContactPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private status: ToWebviewMessage | undefined;
  private refreshing: AbortController | undefined;
  /** The create or edit form, while the tab shows one. */
  private form: ContactForm | undefined;
  private idValue: number | undefined;
  private disposed = false;

  /** A New Contact tab with the form, empty or filled (from a selection, or a draft brought back). */
  static newContact(deps: PanelDeps, initial: Draft = emptyDraft()): ContactPanel {
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      vscode.l10n.t('New Contact'),
      vscode.ViewColumn.Active,
      webviewOptions(deps.extensionUri),
    );
    const created = new ContactPanel(panel, deps, undefined, undefined);
    created.form = new ContactForm('new', created.formHost(), emptyDraft(), undefined, initial);
    created.form.show();
    return created;
  }

  /** Opens the contact's tab (or brings it forward) with the edit form, unless a form is open there already. */
  static edit(deps: PanelDeps, contact: Contact, typed?: Draft): ContactPanel {
    const panel = ContactPanel.show(deps, contact);
    panel.startEdit(typed);
    return panel;
  }

  /** The contact's tab says it was deleted (its form, if any, keeps what was typed). */
  static contactDeleted(id: number): void {
    const panel = ContactPanel.open.get(id);
    if (panel && !panel.form) {
      panel.post({ type: 'status', text: vscode.l10n.t('This contact was deleted from Linq.'), busy: false });
    }
  }

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
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      truncate(displayName(contact), 40),
      vscode.ViewColumn.Active,
      webviewOptions(deps.extensionUri),
    );
    const created = new ContactPanel(panel, deps, contact.id, contact);
    if (refetch) {
      void created.refresh();
    }
    return created;
  }

  /**
   * Restores a tab after a window reload: shows the contact as held (the store, or the encrypted copy once the
   * session has read it) and refetches it by id.
   */
  static revive(deps: PanelDeps, panel: vscode.WebviewPanel, contactId: number): ContactPanel {
    panel.webview.options = webviewOptions(deps.extensionUri);
    const revived = new ContactPanel(panel, deps, contactId, deps.session.knownContact(contactId));
    if (!revived.contact) {
      void deps.session.store().then(
        async (store) => {
          await store?.filled;
          const held = deps.session.knownContact(contactId);
          if (held && !revived.contact && !revived.disposed) {
            revived.setContact(held);
          }
        },
        () => undefined,
      );
    }
    void revived.refresh();
    return revived;
  }

  /** The contact tabs open now (settings changes reload them; commands and tests read them). */
  static openPanels(): ContactPanel[] {
    return [...ContactPanel.open.values()];
  }

  /** Every tab, New Contact forms included. */
  static allPanels(): ContactPanel[] {
    return [...ContactPanel.open.values(), ...ContactPanel.drafts];
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: PanelDeps,
    contactId: number | undefined,
    private contact: Contact | undefined,
  ) {
    this.idValue = contactId;
    if (contactId === undefined) {
      ContactPanel.drafts.add(this);
    } else {
      ContactPanel.open.get(contactId)?.dispose();
      ContactPanel.open.set(contactId, this);
    }
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
    const deps = this.deps;
    const name = truncate(oneLine(form.name), 60);
    const reopen = vscode.l10n.t('Reopen');
    void vscode.window
      .showWarningMessage(vscode.l10n.t('Unsaved changes to {0} were discarded.', name), reopen)
      .then((choice) => {
        if (choice === reopen) {
          if (form.mode === 'new' || !contact) {
            ContactPanel.newContact(deps, values);
          } else {
            ContactPanel.edit(deps, contact, values);
          }
        }
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

  /** The contact's id; `undefined` for a New Contact form not saved yet. */
  get contactId(): number | undefined {
    return this.idValue;
  }

  /** The form shown, as plain data (tests read it); `undefined` when the tab shows the contact. */
  get shownForm(): FormView | undefined {
    return this.form?.view();
  }

  /** The form's values as if typed in the tab (the in-host tests stand in for the webview with it). */
  async receive(message: unknown): Promise<void> {
    if (isFromWebviewMessage(message)) {
      await this.onMessage(message);
    }
  }

  private formHost(): ConstructorParameters<typeof ContactForm>[1] {
    return {
      session: this.deps.session,
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
      ContactPanel.drafts.delete(this);
      this.idValue = contact.id;
      ContactPanel.open.get(contact.id)?.dispose();
      ContactPanel.open.set(contact.id, this);
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
      const contact = await this.deps.session.fetchContact(id, abort.signal);
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

  private setContact(contact: Contact): void {
    this.contact = contact;
    this.panel.title = truncate(displayName(contact), 40);
    if (!this.form) {
      this.post({ type: 'show', contact: toContactView(contact, readSettings().showAvatars, !readOnlyMode()) });
    }
  }

  private async onMessage(message: FromWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.form) {
          this.form.show();
        } else if (this.contact) {
          this.post({
            type: 'show',
            contact: toContactView(this.contact, readSettings().showAvatars, !readOnlyMode()),
          });
        }
        if (this.status) {
          this.post(this.status);
        }
        return;
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
    if (this.ready && !this.disposed) {
      void this.panel.webview.postMessage(message);
    }
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    if (this.idValue !== undefined && ContactPanel.open.get(this.idValue) === this) {
      ContactPanel.open.delete(this.idValue);
    }
    ContactPanel.drafts.delete(this);
    this.keepUnsavedDraft();
    this.refreshing?.abort();
    this.panel.dispose();
    for (const d of this.disposables) {
      d.dispose();
    }
    this.disposables.length = 0;
  }
}
