import type { Contact } from '../api/types';
import { normalizePhone } from '../format/phone';

/**
 * Email (ignoring case) and phone (E.164) → the first contact held with it, over a store's list in the API's
 * order. Built on first use, then grown by scanning only what is new; the store tells it where a write put or
 * took a contact, so a write never makes it scan the whole list again (an import of 1,000 into 100,000 held
 * stays cheap). The index only points the way: the caller checks the contact still has that value.
 */
export class ContactIndex {
  private readonly emails = new Map<string, number>();
  private readonly phones = new Map<string, number>();
  /** How many contacts at the start of the store's list are in the maps. */
  private indexed = 0;

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

  /** A contact was put first in the list (created here): it is indexed, and the scan position moves with it. */
  putFirst(contact: Contact): void {
    this.add(contact);
    this.indexed++;
  }

  /** The contact at `position` left the list: later ones moved up by one. */
  removedAt(position: number): void {
    if (position < this.indexed) {
      this.indexed--;
    }
  }

  /** Catches up with the list (it only grows at its end between the calls above). */
  private scan(list: readonly Contact[]): void {
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
