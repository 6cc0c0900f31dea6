import type { Contact } from '../../api/types';
import { normalizePhone } from '../../format/phone';
import { MAX_SHARED_DELETES } from '../../cache/cacheCodec';
import { ContactIndex } from './contactIndex';
import { newer } from './contactVersions';

/**
 * The contacts of one connection, each once: in the API's order, by id, and by email and phone (the index),
 * with what the writes made here did to them (created ones first, deleted ones gone for good). It knows
 * nothing of pages or requests: the scheduler delivers, the writes and the refresh merge change it.
 */
export class ContactCollection {
  /** Replaced (never changed in place) when a contact in it changes or leaves, or the order changes: readers see a new list. Pages only append. */
  private ordered: Contact[] = [];
  private readonly byId = new Map<number, Contact>();
  /** Ids already in `ordered`: a page shifted under us repeats some, and they are dropped. */
  private readonly listed = new Set<number>();
  /** Ids deleted (here, or in another window): a refresh's page fetched before the delete does not bring them back. */
  private readonly gone = new Set<number>();
  /** The same ids, the latest last (what the cache tells other windows). */
  private goneInOrder: number[] = [];
  /** Ids created here, newest first: shown first until a refresh places them where Linq does. */
  private createdIds: number[] = [];
  private readonly index = new ContactIndex();

  constructor(private readonly maxContacts: number) {}

  /** Every contact held, in the API's order (a live view: it grows as pages arrive). */
  get contacts(): readonly Contact[] {
    return this.ordered;
  }

  get size(): number {
    return this.ordered.length;
  }

  /** True once the collection holds as many as it may. */
  get full(): boolean {
    return this.ordered.length >= this.maxContacts;
  }

  /** Contacts put first by `added` and not yet placed by a refresh. */
  get createdHere(): number {
    return this.createdIds.length;
  }

  get(id: number): Contact | undefined {
    return this.byId.get(id);
  }

  /** The first contact held with this email address, ignoring case (the index points, the value decides). */
  byEmail(email: string): Contact | undefined {
    const id = this.index.emailId(this.ordered, email);
    const found = id === undefined ? undefined : this.byId.get(id);
    // A contact remembered after a fetch may have another address now: the index only points the way.
    return found?.email?.toLowerCase() === email.toLowerCase() ? found : undefined;
  }

  /** The first contact held with this phone number (compared as E.164). */
  byPhone(phone: string): Contact | undefined {
    const id = this.index.phoneId(this.ordered, phone);
    const found = id === undefined ? undefined : this.byId.get(id);
    return found?.phoneNumber !== undefined && normalizePhone(found.phoneNumber) === normalizePhone(phone)
      ? found
      : undefined;
  }

  /** Appends a page's contacts in order, dropping ids already listed, up to the cap. */
  deliver(contacts: readonly Contact[]): void {
    for (const contact of contacts) {
      if (this.full) {
        break;
      }
      if (!this.listed.has(contact.id)) {
        this.listed.add(contact.id);
        // A version already held by id (fetched, written, or edited here while the page was on its way) stays
        // when it is newer: a page answered late does not undo a later change.
        const held = this.byId.get(contact.id);
        const kept = held ? newer(held, contact) : contact;
        this.byId.set(contact.id, kept);
        this.ordered.push(kept);
      }
    }
  }

  /**
   * Keeps a contact fetched by id when it is newer than the one held (`newer`). A listed contact that changes is
   * replaced in a new list, as every other change does, so readers that follow the list (a sorted view, a filter) see
   * it; returns true then.
   */
  remember(contact: Contact): boolean {
    const old = this.byId.get(contact.id);
    const kept = newer(old, contact);
    if (kept === old) {
      return false;
    }
    this.byId.set(contact.id, kept);
    this.index.add(kept);
    const at = old ? this.ordered.indexOf(old) : -1;
    if (at < 0) {
      return false;
    }
    this.ordered = this.ordered.slice();
    this.ordered[at] = kept;
    return true;
  }

  /** A contact created here: first in the list; returns true when it was not held before. */
  added(contact: Contact): boolean {
    const at = this.ordered.findIndex((c) => c.id === contact.id);
    const rest = at >= 0 ? [...this.ordered.slice(0, at), ...this.ordered.slice(at + 1)] : this.ordered;
    if (at >= 0) {
      this.index.removedAt(at);
    } else {
      this.createdIds = [contact.id, ...this.createdIds];
    }
    this.ordered = [contact, ...rest];
    this.listed.add(contact.id);
    this.byId.set(contact.id, contact);
    this.index.putFirst(contact);
    return at < 0;
  }

  /** A contact updated here: replaced wherever it is held. */
  updated(contact: Contact): void {
    const old = this.byId.get(contact.id);
    this.byId.set(contact.id, contact);
    this.ordered = this.ordered.map((c) => (c === old || c.id === contact.id ? contact : c));
    // Its new email or phone points to it; the old ones are refused by the lookups' own check.
    this.index.add(contact);
  }

  /** A contact deleted: it leaves the list for good; returns true when it was listed. */
  removed(id: number): boolean {
    this.byId.delete(id);
    this.markGone([id]);
    this.createdIds = this.createdIds.filter((c) => c !== id);
    const at = this.ordered.findIndex((c) => c.id === id);
    this.listed.add(id);
    if (at < 0) {
      return false;
    }
    this.ordered = [...this.ordered.slice(0, at), ...this.ordered.slice(at + 1)];
    this.index.removedAt(at);
    return true;
  }

  /** Ids deleted (here, or in another window: the merge of its cache drops them from the list): never brought back. */
  markGone(ids: readonly number[]): void {
    for (const id of ids) {
      if (!this.gone.has(id)) {
        this.gone.add(id);
        this.goneInOrder.push(id);
      }
    }
    if (this.goneInOrder.length > 2 * MAX_SHARED_DELETES) {
      this.goneInOrder = this.goneInOrder.slice(-MAX_SHARED_DELETES);
    }
  }

  /** The ids deleted lately, the latest last (at most `MAX_SHARED_DELETES`). */
  recentlyGone(): number[] {
    return this.goneInOrder.slice(-MAX_SHARED_DELETES);
  }

  /** True when the id was deleted here. */
  isGone(id: number): boolean {
    return this.gone.has(id);
  }

  /** The contacts created here still held and not in `fresh` (a refresh has not placed them yet), newest first. */
  unplacedCreates(fresh: ReadonlySet<number>): Contact[] {
    this.createdIds = this.createdIds.filter((id) => !fresh.has(id) && this.byId.has(id));
    return this.createdIds.map((id) => this.byId.get(id)).filter((c): c is Contact => c !== undefined);
  }

  /** A refresh's list replaces the held one: what it no longer holds is forgotten, the index starts over. */
  replace(next: Contact[]): void {
    const kept = new Set(next.map((c) => c.id));
    for (const contact of this.ordered) {
      if (!kept.has(contact.id)) {
        this.byId.delete(contact.id);
      }
    }
    for (const contact of next) {
      this.byId.set(contact.id, contact);
      this.listed.add(contact.id);
    }
    this.ordered = next;
    this.index.reset();
  }
}
