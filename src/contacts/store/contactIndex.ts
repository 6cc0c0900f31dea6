import type { Contact } from '../../api/types';
import { normalizePhone } from '../../format/phone';

/** Normalised numbers kept across rebuilds: at most this many (a refresh of 250,000 reuses them all). */
const PHONE_MEMO_LIMIT = 300_000;

/**
 * Email (ignoring case) and phone (E.164) → the first contact held with it, over a store's list in the API's
 * order. Each map is built on its first use, then grown by scanning only what is new; the store tells it where
 * a write put or took a contact, so a write never makes it scan the whole list again (an import of 1,000 into
 * 100,000 held stays cheap). A refresh that reorders the list `reset`s it; numbers already normalised are
 * remembered (parsing 100,000 numbers takes seconds, looking them up milliseconds). The index only points
 * the way: the caller checks the contact still has that value.
 */
export class ContactIndex {
  private readonly emails = new Map<string, number>();
  private readonly phones = new Map<string, number>();
  private readonly phoneMemo = new Map<string, string>();
  /** How many contacts at the start of the store's list are in each map. */
  private emailsIndexed = 0;
  private phonesIndexed = 0;

  /** Adds one contact (fetched by id, or written) without rescanning the list. */
  add(contact: Contact): void {
    this.addEmail(contact);
    this.addPhone(contact);
  }

  /** A contact was put first in the list (created here): it is indexed, and the scan positions move with it. */
  putFirst(contact: Contact): void {
    this.add(contact);
    this.emailsIndexed++;
    this.phonesIndexed++;
  }

  /** The contact at `position` left the list: later ones moved up by one. */
  removedAt(position: number): void {
    if (position < this.emailsIndexed) {
      this.emailsIndexed--;
    }
    if (position < this.phonesIndexed) {
      this.phonesIndexed--;
    }
  }

  /** The list was replaced (a refresh): both maps are built again at their next use. */
  reset(): void {
    this.emails.clear();
    this.phones.clear();
    this.emailsIndexed = 0;
    this.phonesIndexed = 0;
    if (this.phoneMemo.size > PHONE_MEMO_LIMIT) {
      this.phoneMemo.clear();
    }
  }

  emailId(list: readonly Contact[], email: string): number | undefined {
    for (; this.emailsIndexed < list.length; this.emailsIndexed++) {
      const contact = list[this.emailsIndexed];
      if (contact) {
        this.addEmail(contact);
      }
    }
    return this.emails.get(email.toLowerCase());
  }

  phoneId(list: readonly Contact[], phone: string): number | undefined {
    for (; this.phonesIndexed < list.length; this.phonesIndexed++) {
      const contact = list[this.phonesIndexed];
      if (contact) {
        this.addPhone(contact);
      }
    }
    return this.phones.get(normalizePhone(phone));
  }

  private addEmail(contact: Contact): void {
    const email = contact.email?.toLowerCase();
    if (email !== undefined && !this.emails.has(email)) {
      this.emails.set(email, contact.id);
    }
  }

  private addPhone(contact: Contact): void {
    if (contact.phoneNumber === undefined) {
      return;
    }
    let phone = this.phoneMemo.get(contact.phoneNumber);
    if (phone === undefined) {
      phone = normalizePhone(contact.phoneNumber);
      this.phoneMemo.set(contact.phoneNumber, phone);
    }
    if (!this.phones.has(phone)) {
      this.phones.set(phone, contact.id);
    }
  }
}
