import { CONTACT_TEXT_FIELDS, OWNER_TEXT_FIELDS, type Contact } from '../../api/types';

/**
 * The newer of two versions of one contact by `updated_at` (ISO 8601 text): the held one when it is as new
 * (the same version keeps its object, so an unchanged organisation is no change), the fetched one when unsure.
 */
export function newer(held: Contact | undefined, fetched: Contact): Contact {
  if (held?.updatedAt === undefined || fetched.updatedAt === undefined) {
    return held && sameContact(held, fetched) ? held : fetched;
  }
  return held.updatedAt > fetched.updatedAt || (held.updatedAt === fetched.updatedAt && sameContact(held, fetched))
    ? held
    : fetched;
}

/** True when two versions of a contact hold the same values (a server may change one without a new `updated_at`). */
export function sameContact(a: Contact, b: Contact): boolean {
  return (
    a.id === b.id &&
    CONTACT_TEXT_FIELDS.every((f) => a[f] === b[f]) &&
    (a.owner === b.owner ||
      (a.owner !== undefined &&
        b.owner !== undefined &&
        a.owner.id === b.owner.id &&
        OWNER_TEXT_FIELDS.every((f) => a.owner?.[f] === b.owner?.[f])))
  );
}
