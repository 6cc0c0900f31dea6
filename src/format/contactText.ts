import type { Contact } from '../api/types';

/** The name to show: full name, else first + last, else email, else "Contact #id". */
export function displayName(contact: Contact): string {
  const parts = [contact.firstName, contact.lastName].filter((p): p is string => p !== undefined);
  return (
    contact.fullName ?? (parts.length > 0 ? parts.join(' ') : undefined) ?? contact.email ?? `Contact #${contact.id}`
  );
}

/** "Title · Company", from what is present (empty when neither is). */
export function titleAndCompany(contact: Contact): string {
  return [contact.title, contact.company].filter((p): p is string => p !== undefined).join(' · ');
}

/** The owner's name as best known. */
export function ownerName(contact: Contact): string | undefined {
  const owner = contact.owner;
  if (!owner) {
    return undefined;
  }
  const parts = [owner.firstName, owner.lastName].filter((p): p is string => p !== undefined);
  return owner.name ?? (parts.length > 0 ? parts.join(' ') : undefined);
}

/**
 * `contextValue` for a contact row: `contact`, plus ` email` / ` phone` when the contact has them, so
 * menus show "Copy Email" and "Copy Phone Number" only where they make sense, and ` pinned` / ` unpinned` when
 * told (Pin or Unpin Contact).
 */
export function contactContextValue(contact: Contact, pinned?: boolean): string {
  return [
    'contact',
    contact.email ? 'email' : undefined,
    contact.phoneNumber ? 'phone' : undefined,
    pinned === undefined ? undefined : pinned ? 'pinned' : 'unpinned',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Lower-cased, accent-folded text for matching. */
export function foldForSearch(text: string): string {
  // Most contact text is ASCII, which has nothing to decompose: lower case is all (several times faster at 100,000).
  return /^\p{ASCII}*$/u.test(text) ? text.toLowerCase() : text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The text a filter or search matches against: name, email, company and title. */
export function searchableText(contact: Contact): string {
  return foldForSearch(
    [displayName(contact), contact.email, contact.company, contact.title].filter(Boolean).join('\n'),
  );
}

/** Shortens very long values for one-line places (rows, quick picks); the detail tab shows them whole. */
export function truncate(text: string, max = 120): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
