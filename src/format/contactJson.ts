import type { Contact } from '../api/types';
import { oneLine } from './sanitize';

/** The owner as exported: the API's own field names, `null` where absent. */
export interface ContactOwnerJson {
  readonly id: number | null;
  readonly email: string | null;
  readonly first_name: string | null;
  readonly last_name: string | null;
  readonly name: string | null;
}

/**
 * A contact as exported or inserted as JSON: every documented field under the API's own name, in the
 * documented order, `null` where absent, text passed through the one sanitizer (`oneLine`).
 */
export interface ContactJson {
  readonly id: number;
  readonly first_name: string | null;
  readonly last_name: string | null;
  readonly full_name: string | null;
  readonly email: string | null;
  readonly phone_number: string | null;
  readonly company: string | null;
  readonly title: string | null;
  readonly location: string | null;
  readonly image_url: string | null;
  readonly created_at: string | null;
  readonly updated_at: string | null;
  readonly contact_owner: ContactOwnerJson | null;
}

/** The documented fields of a contact, in order: the JSON keys and the CSV columns. */
export const CONTACT_FIELDS = [
  'id',
  'first_name',
  'last_name',
  'full_name',
  'email',
  'phone_number',
  'company',
  'title',
  'location',
  'image_url',
  'created_at',
  'updated_at',
] as const;

function clean(value: string | undefined): string | null {
  if (value === undefined) {
    return null;
  }
  const text = oneLine(value);
  return text === '' ? null : text;
}

/** The contact in the API's own shape (see `ContactJson`). */
export function toContactJson(contact: Contact): ContactJson {
  const o = contact.owner;
  return {
    id: contact.id,
    first_name: clean(contact.firstName),
    last_name: clean(contact.lastName),
    full_name: clean(contact.fullName),
    email: clean(contact.email),
    phone_number: clean(contact.phoneNumber),
    company: clean(contact.company),
    title: clean(contact.title),
    location: clean(contact.location),
    image_url: clean(contact.imageUrl),
    created_at: clean(contact.createdAt),
    updated_at: clean(contact.updatedAt),
    contact_owner: o
      ? {
          id: o.id ?? null,
          email: clean(o.email),
          first_name: clean(o.firstName),
          last_name: clean(o.lastName),
          name: clean(o.name),
        }
      : null,
  };
}
