import type { Contact } from '../api/types';
import { matchRank, queryWords } from '../format/contactMatch';

/**
 * The view's filter: every word of the text somewhere in name, email, company or title (the search's
 * matcher). The store's list only grows, so each call scans only the contacts new since the last one.
 */
export class ContactFilter {
  private textValue = '';
  private words: string[] = [];
  private source: readonly Contact[] | undefined;
  private scanned = 0;
  private matched: Contact[] = [];

  get text(): string {
    return this.textValue;
  }

  get active(): boolean {
    return this.textValue !== '';
  }

  /** Sets the text (trimmed); empty turns the filter off. */
  set(text: string): void {
    this.textValue = text.trim();
    this.words = queryWords(this.textValue);
    this.forget();
  }

  /** Starts over (a new connection's contacts). */
  forget(): void {
    this.source = undefined;
    this.scanned = 0;
    this.matched = [];
  }

  /** True when the contact matches (always, when the filter is off). */
  accepts(contact: Contact): boolean {
    return !this.active || matchRank(contact, this.words) !== undefined;
  }

  /** The matches among `contacts`, in their order. */
  matches(contacts: readonly Contact[]): readonly Contact[] {
    if (contacts !== this.source || contacts.length < this.scanned) {
      this.source = contacts;
      this.scanned = 0;
      this.matched = [];
    }
    for (let i = this.scanned; i < contacts.length; i++) {
      const contact = contacts[i];
      if (contact && matchRank(contact, this.words) !== undefined) {
        this.matched.push(contact);
      }
    }
    this.scanned = contacts.length;
    return this.matched;
  }
}
