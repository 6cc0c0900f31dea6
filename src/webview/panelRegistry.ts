import * as vscode from 'vscode';
import type { Contact } from '../api/types';
import { PANEL_VIEW_TYPE } from '../constants';
import type { LinqSession } from '../contacts/linqSession';
import type { PinsAndRecents } from '../contacts/pinsAndRecents';
import { displayName, truncate } from '../format/contactText';
import { emptyDraft, type Draft } from '../format/contactDraft';
import type { ContactTabs } from '../ui/contactTabs';
import type { Prompter } from '../ui/prompter';
import { ContactPanel } from './contactPanel';

/** What the tabs need from the rest of the extension. */
export interface PanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly session: LinqSession;
  readonly prompter: Prompter;
  /** The pins (the tab's Pin / Unpin button) and the recents (every tab the user opens). */
  readonly pins: PinsAndRecents;
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
 * The detail tabs of this window: one per contact, reused when the contact is opened again, and the New
 * Contact forms not saved yet. The commands reach it as `ContactTabs`; `activate` owns it.
 */
export class PanelRegistry implements ContactTabs, vscode.Disposable {
  private readonly byId = new Map<number, ContactPanel>();
  /** Tabs of contacts not created yet (New Contact forms). */
  private readonly drafts = new Set<ContactPanel>();
  private readonly pinsFollowed: vscode.Disposable;

  constructor(readonly deps: PanelDeps) {
    this.pinsFollowed = deps.pins.onDidChange(() => this.contactPanels().forEach((p) => p.repaint()));
  }

  /** Opens (or brings forward) the contact's tab with its QR code. */
  showQrCode(contact: Contact): void {
    this.show(contact).showQrCode();
  }

  /** A New Contact tab with the form, empty or filled (from a selection, or a draft brought back). */
  newContact(initial: Draft = emptyDraft()): ContactPanel {
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      vscode.l10n.t('New Contact'),
      vscode.ViewColumn.Active,
      webviewOptions(this.deps.extensionUri),
    );
    const created = new ContactPanel(panel, this, undefined, undefined);
    created.startNew(initial);
    return created;
  }

  /** Opens the contact's tab (or brings it forward) with the edit form, unless a form is open there already. */
  edit(contact: Contact, typed?: Draft): ContactPanel {
    const panel = this.show(contact);
    panel.startEdit(typed);
    return panel;
  }

  /** The contact's tab says it was deleted (its form, if any, keeps what was typed). */
  contactDeleted(id: number): void {
    this.byId.get(id)?.showDeleted();
  }

  /** Opens (or brings forward) the tab for a contact; the contact given is shown at once. */
  show(contact: Contact, refetch = false): ContactPanel {
    void this.deps.pins.opened(contact.id);
    const existing = this.byId.get(contact.id);
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
      webviewOptions(this.deps.extensionUri),
    );
    const created = new ContactPanel(panel, this, contact.id, contact);
    if (refetch) {
      void created.refresh();
    }
    return created;
  }

  /**
   * Restores a tab after a window reload: shows the contact as held (the store, or the encrypted cache once
   * the session has read it) and refetches it by id.
   */
  revive(panel: vscode.WebviewPanel, contactId: number): ContactPanel {
    const { session } = this.deps;
    panel.webview.options = webviewOptions(this.deps.extensionUri);
    const revived = new ContactPanel(panel, this, contactId, session.knownContact(contactId));
    if (!revived.shownContact) {
      void session.store().then(
        async (store) => {
          await store?.filled;
          const held = session.knownContact(contactId);
          if (held && !revived.shownContact && !revived.closed) {
            revived.setContact(held);
          }
        },
        () => undefined,
      );
    }
    void revived.refresh();
    return revived;
  }

  /** A tab now shows this contact id (a New Contact form saved, or a tab opened): one tab per contact. */
  placed(panel: ContactPanel, id: number | undefined): void {
    if (id === undefined) {
      this.drafts.add(panel);
      return;
    }
    if (this.drafts.delete(panel)) {
      // A New Contact tab once saved counts as opened.
      void this.deps.pins.opened(id);
    }
    const other = this.byId.get(id);
    if (other !== panel) {
      other?.dispose();
      this.byId.set(id, panel);
    }
  }

  /** A tab closed. */
  closed(panel: ContactPanel): void {
    const id = panel.contactId;
    if (id !== undefined && this.byId.get(id) === panel) {
      this.byId.delete(id);
    }
    this.drafts.delete(panel);
  }

  /** The contact tabs open now (settings changes reload them). */
  contactPanels(): ContactPanel[] {
    return [...this.byId.values()];
  }

  /** Every tab, New Contact forms included. */
  allPanels(): ContactPanel[] {
    return [...this.byId.values(), ...this.drafts];
  }

  dispose(): void {
    this.pinsFollowed.dispose();
    this.allPanels().forEach((p) => p.dispose());
  }
}
