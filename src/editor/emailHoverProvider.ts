import * as vscode from 'vscode';
import type { Contact } from '../api/types';
import { hoversEnabled } from '../config';
import { Commands } from '../constants';
import type { LinqSession } from '../contacts/linqSession';
import { displayName, ownerName, titleAndCompany, truncate } from '../format/contactText';
import { oneLine } from '../format/sanitize';
import { HoverFinder } from './hoverFinder';

/** How long a hover waits for Linq's `find` before showing nothing (the answer is kept for the next hover). */
export const HOVER_FIND_WAIT_MS = 2_000;

/** An email address as it appears in text (the hover looks up exactly this, ignoring case). */
const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;

/** The only commands a hover card may run (its `isTrusted`): nothing else, whatever a contact's text holds. */
export const HOVER_COMMANDS: readonly string[] = [
  Commands.openContact,
  Commands.copyEmail,
  Commands.copyPhone,
  Commands.copyVCard,
];

/** One line of contact text for Markdown: cleaned, shortened and escaped, so it shows as the text it is. */
function text(md: vscode.MarkdownString, value: string, max = 120): vscode.MarkdownString {
  // `appendText` escapes Markdown (and `$(icon)` syntax); `&` and `<` become entities so no tag or
  // entity in a contact's text is ever read as HTML.
  return md.appendText(truncate(oneLine(value), max).replace(/&/g, '&amp;').replace(/</g, '&lt;'));
}

function commandLink(md: vscode.MarkdownString, icon: string, label: string, command: string, contactId: number): void {
  const args = encodeURIComponent(JSON.stringify([contactId]));
  md.appendMarkdown(`[$(${icon}) `);
  md.appendText(label);
  md.appendMarkdown(`](command:${command}?${args})`);
}

/** The card for a contact: escaped text, and links to the extension's own commands only. */
export function contactHoverCard(contact: Contact): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  md.supportHtml = false;
  md.appendMarkdown('**');
  text(md, displayName(contact), 80);
  md.appendMarkdown('**');
  const role = titleAndCompany(contact);
  if (role) {
    md.appendMarkdown('  \n');
    text(md, role);
  }
  const rows: Array<[string, string | undefined]> = [
    [vscode.l10n.t('Email'), contact.email],
    [vscode.l10n.t('Phone'), contact.phoneNumber],
    [vscode.l10n.t('Owner'), [ownerName(contact), contact.owner?.email].filter(Boolean).join(' · ') || undefined],
  ];
  for (const [label, value] of rows) {
    if (value !== undefined && oneLine(value) !== '') {
      md.appendMarkdown('  \n');
      text(md, `${label}: ${value}`);
    }
  }
  md.appendMarkdown('\n\n');
  commandLink(md, 'link-external', vscode.l10n.t('Open'), Commands.openContact, contact.id);
  md.appendMarkdown(' · ');
  commandLink(md, 'copy', vscode.l10n.t('Copy email'), Commands.copyEmail, contact.id);
  if (contact.phoneNumber !== undefined) {
    md.appendMarkdown(' · ');
    commandLink(md, 'copy', vscode.l10n.t('Copy phone'), Commands.copyPhone, contact.id);
  }
  md.appendMarkdown(' · ');
  commandLink(md, 'copy', vscode.l10n.t('Copy vCard'), Commands.copyVCard, contact.id);
  return md;
}

/**
 * Hover cards on email addresses in any file: when a contact in memory has the address under the pointer,
 * a card with who it is and links to open or copy. An address no held contact has is asked of Linq's
 * `find` once per connection (only with a token, and not once the whole organisation is held): the card
 * shows when the answer comes within 2 s, and a contact found joins the store. With a token set it also
 * starts the background prefetch. `linqContacts.hovers: false` turns it off.
 */
export class EmailHoverProvider implements vscode.HoverProvider, vscode.Disposable {
  private readonly finder: HoverFinder;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: LinqSession) {
    this.finder = new HoverFinder((email) => session.find({ email }));
    this.subscription = session.onDidChange(() => this.finder.forget());
  }

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token?: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    if (!hoversEnabled(document)) {
      return undefined;
    }
    const range = document.getWordRangeAtPosition(position, EMAIL);
    if (!range) {
      return undefined;
    }
    const address = document.getText(range).replace(/^[.'-]+|[.'-]+$/g, '');
    const known = this.session.knownByEmail(address) ?? this.remembered(address);
    if (known) {
      return new vscode.Hover(contactHoverCard(known), range);
    }
    if (this.finder.answer(address) === null || !(await this.session.hasToken()) || this.session.holdsAll()) {
      this.session.prefetch();
      return undefined;
    }
    this.session.prefetch();
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      this.finder.ask(address),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, HOVER_FIND_WAIT_MS))),
    ]);
    clearTimeout(timer);
    const found = this.session.knownByEmail(address) ?? this.remembered(address);
    return found && !token?.isCancellationRequested ? new vscode.Hover(contactHoverCard(found), range) : undefined;
  }

  /** A contact `find` answered for this address, as the store holds it now (it may have been deleted). */
  private remembered(address: string): Contact | undefined {
    const answer = this.finder.answer(address);
    return answer ? this.session.knownContact(answer.id) : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
