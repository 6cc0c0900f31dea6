import type { Contact } from '../api/types';
import { normalizePhone } from '../format/phone';

/**
 * Email (ignoring case) and phone (E.164) → the first contact held with it, over a store's list in the API's
 * order. Built on first use, then grown by scanning only what is new; a write that reorders or removes
 * contacts starts it over (`reset`). The index only points the way: the caller checks the contact still has
 * that value.
 */
export class ContactIndex {
  private readonly emails = new Map<string, number>();
  private readonly phones = new Map<string, number>();
  private indexed = 0;
  private source: readonly Contact[] | undefined;

  /** Forgets everything (the list was reordered or shrank). */
  reset(): void {
    this.emails.clear();
    this.phones.clear();
    this.indexed = 0;
    this.source = undefined;
  }

  /** Adds one contact (fetched by id, or written) without rescanning the list. */
  add(contact: Contact): void {
    const email = contact.email?.toLowerCase();
    if (email !== undefined && !this.emails.has(email)) {
      this.emails.set(email, contact.id);
    }
    if (contact.phoneNumber !== undefined) {
      const phone = normalizePhone(contact.phoneNumber);
      if (!this.phones.has(phone)) {
        this.phones.set(phone, contact.id);
      }
    }
  }

  /** Catches up with `list` (a new list identity starts over). */
  private scan(list: readonly Contact[]): void {
    if (list !== this.source) {
      this.reset();
      this.source = list;
    }
    for (; this.indexed < list.length; this.indexed++) {
      const contact = list[this.indexed];
      if (contact) {
        this.add(contact);
      }
    }
  }

  emailId(list: readonly Contact[], email: string): number | undefined {
    this.scan(list);
    return this.emails.get(email.toLowerCase());
  }

  phoneId(list: readonly Contact[], phone: string): number | undefined {
    this.scan(list);
    return this.phones.get(normalizePhone(phone));
  }
}
