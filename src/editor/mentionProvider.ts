import * as vscode from 'vscode';
import type { Contact } from '../api/types';
import { mentionFormat, mentionLanguages, readSettings } from '../config';
import type { LinqSession } from '../contacts/linqSession';
import { ContactSearch } from '../format/contactMatch';
import { displayName, titleAndCompany, truncate } from '../format/contactText';
import { formatContact, type InsertFormat } from '../format/insertFormats';
import { oneLine } from '../format/sanitize';

/** Items offered per request at most: enough to choose from, little to send to the workbench. */
export const MENTION_MAX_ITEMS = 50;

/** How long the first mention of a connection waits for the first page at most. */
const FIRST_PAGE_WAIT_MS = 1_500;

/** Waits for `work` at most `ms` (or until cancelled); its failure is left to whoever else awaits it. */
async function waitBriefly(work: Promise<unknown>, ms: number, token: vscode.CancellationToken): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelled: vscode.Disposable | undefined;
  await Promise.race([
    work.catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      cancelled = token.onCancellationRequested(() => resolve());
    }),
  ]);
  clearTimeout(timer);
  cancelled?.dispose();
}

/**
 * `@` at the start of a word (line start, or after a space or opening punctuation: never inside
 * `john@example`), and the query typed after it up to the cursor.
 */
const MENTION_BEFORE_CURSOR = /(?:^|[\s([{<"'`,;:!?*_~>])@([^\s@]*)$/u;

/** The `@query` that ends at `position`, if the text there is a mention being typed. */
export function mentionAt(
  document: vscode.TextDocument,
  position: vscode.Position,
): { range: vscode.Range; query: string } | undefined {
  const before = document.lineAt(position.line).text.slice(0, position.character);
  const match = MENTION_BEFORE_CURSOR.exec(before);
  if (!match) {
    return undefined;
  }
  const query = match[1] ?? '';
  return {
    range: new vscode.Range(position.line, position.character - query.length - 1, position.line, position.character),
    query,
  };
}

/**
 * @-mentions of contacts: `@` and part of a name, email, company or title offers the best matches
 * among the contacts in memory (the search's matcher and order), and accepting one replaces the
 * `@query` with the contact in `linqContacts.mentions.format`, as plain text. `@` alone lists the first
 * contacts: VS Code asks again only while a list is open (quick suggestions are off in Markdown, and a
 * letter cannot be a trigger character there), so the list must open at `@` for typing to narrow it.
 * With a token set it starts the background prefetch and answers with what is loaded (only a
 * connection's very first mention waits, briefly, for the first page), the list marked incomplete (asked
 * again on every keystroke) while contacts are still arriving or when more match than are shown.
 * Without a token it offers nothing and sends nothing.
 */
export class MentionProvider implements vscode.CompletionItemProvider, vscode.Disposable {
  private registration: vscode.Disposable | undefined;
  /** Typing further after `@` narrows the last matches instead of scanning every contact again. */
  private readonly search = new ContactSearch();

  constructor(private readonly session: LinqSession) {
    this.register();
  }

  /** (Re-)registers for the languages of `linqContacts.mentions.languages`. */
  register(): void {
    this.registration?.dispose();
    const selector = mentionLanguages().map((language) => ({ language }));
    this.registration =
      selector.length > 0 ? vscode.languages.registerCompletionItemProvider(selector, this, '@') : undefined;
  }

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionList | undefined> {
    const mention = mentionAt(document, position);
    if (!mention) {
      return undefined;
    }
    // No token: no store, and nothing is sent.
    const store = await this.session.store();
    if (!store) {
      return undefined;
    }
    this.session.prefetch();
    if (store.contacts.length === 0 && readSettings().prefetchLimit > 0) {
      // The very first mention of a connection: the first page is on its way; wait for it a moment,
      // as an empty answer would close the list (VS Code drops it and does not ask again while typing).
      await waitBriefly(store.ensure(1, 'walk'), FIRST_PAGE_WAIT_MS, token);
    }
    const { shown, total } = this.search.best(store.contacts, mention.query, MENTION_MAX_ITEMS);
    const format = mentionFormat(document);
    const incomplete = !store.complete || total > shown.length;
    const items = shown.map((contact, index) =>
      this.toItem(contact, index, mention.range, incomplete ? mention.query : undefined, format),
    );
    return new vscode.CompletionList(items, incomplete);
  }

  /**
   * `query` set (an incomplete list, asked again on every keystroke): the workbench filters on the typed
   * `@query` itself, so every item matches it equally and keeps the matcher's order. `query` unset (every
   * match is in the list): the workbench narrows it locally as the user types, over name, email, company
   * and title.
   */
  private toItem(
    contact: Contact,
    index: number,
    range: vscode.Range,
    query: string | undefined,
    format: InsertFormat,
  ): vscode.CompletionItem {
    const name = truncate(oneLine(displayName(contact)), 80);
    const item = new vscode.CompletionItem(
      { label: name, description: truncate(oneLine(titleAndCompany(contact)), 80) || undefined },
      vscode.CompletionItemKind.User,
    );
    item.detail = contact.email === undefined ? undefined : truncate(oneLine(contact.email), 80);
    // A plain string is inserted as it is: a `$1` or `}` in a name stays text (never a snippet).
    item.insertText = formatContact(contact, format) ?? formatContact(contact, 'name');
    item.range = range;
    item.filterText =
      query !== undefined
        ? `@${query}`
        : `@${[displayName(contact), contact.email, contact.company, contact.title].filter(Boolean).join(' ')}`;
    item.sortText = String(index).padStart(4, '0');
    return item;
  }

  dispose(): void {
    this.registration?.dispose();
  }
}
