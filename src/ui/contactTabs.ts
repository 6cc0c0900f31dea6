import type { Contact } from '../api/types';
import type { Draft } from '../format/contactDraft';

/**
 * The detail tabs as the commands see them: the webview's registry implements it and `activate` hands it
 * to the commands, so no command imports the webview.
 */
export interface ContactTabs {
  /** Opens (or brings forward) the contact's tab; `refetch` asks Linq for it again. */
  show(contact: Contact, refetch?: boolean): void;
  /** A New Contact tab with the form, empty or filled (from a selection). */
  newContact(initial?: Draft): void;
  /** The contact's tab with the edit form. */
  edit(contact: Contact): void;
  /** The contact's tab with its QR code. */
  showQrCode(contact: Contact): void;
  /** The contact's tab says it was deleted. */
  contactDeleted(id: number): void;
}
