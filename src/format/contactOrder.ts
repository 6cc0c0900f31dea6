import type { Contact } from '../api/types';
import { displayName, ownerName } from './contactText';

/** The orders of the Contacts view (`linqContacts.sortBy`); `linq` is the API's own. */
export const SORT_ORDERS = ['linq', 'name', 'company', 'newest', 'updated'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export function isSortOrder(value: unknown): value is SortOrder {
  return typeof value === 'string' && (SORT_ORDERS as readonly string[]).includes(value);
}

/** Name order as a person expects it: case- and accent-insensitive, numbers in numeric order. */
export function nameCollator(language: string | undefined): Intl.Collator {
  try {
    return new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  } catch {
    // An unknown language tag: the default locale's order.
    return new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  }
}

/**
 * A contact with what its order compares, worked out once (a sort of 100,000 compares each pair ~17 times):
 * `rank` is the contact's place in Linq's order, so ties keep it.
 */
export interface Keyed {
  readonly contact: Contact;
  readonly rank: number;
  readonly label: string;
  /** Company order: the company, `undefined` sorts last. Newest / updated: the time, `NaN` when unreadable. */
  readonly company: string | undefined;
  readonly time: number;
}

export function keyed(contact: Contact, rank: number, order: SortOrder): Keyed {
  const stamp = order === 'newest' ? contact.createdAt : order === 'updated' ? contact.updatedAt : undefined;
  return {
    contact,
    rank,
    label: order === 'name' || order === 'company' ? displayName(contact) : '',
    company: order === 'company' ? contact.company : undefined,
    time: stamp === undefined ? Number.NaN : Date.parse(stamp),
  };
}

/** The comparison of an order over keyed contacts; every tie ends in Linq's order, so the sort is total. */
export function compareFor(order: SortOrder, collator: Intl.Collator): (a: Keyed, b: Keyed) => number {
  const byRank = (a: Keyed, b: Keyed): number => a.rank - b.rank;
  switch (order) {
    case 'linq':
      return byRank;
    case 'name':
      return (a, b) => collator.compare(a.label, b.label) || byRank(a, b);
    case 'company':
      return (a, b) =>
        lastWhenMissing(a.company, b.company, collator) || collator.compare(a.label, b.label) || byRank(a, b);
    case 'newest':
    case 'updated':
      return (a, b) => newestFirst(a.time, b.time) || byRank(a, b);
  }
}

function lastWhenMissing(a: string | undefined, b: string | undefined, collator: Intl.Collator): number {
  if (a === undefined || b === undefined) {
    return a === b ? 0 : a === undefined ? 1 : -1;
  }
  return collator.compare(a, b);
}

/** Newest first; an unreadable date last. */
function newestFirst(a: number, b: number): number {
  const aBad = Number.isNaN(a);
  const bBad = Number.isNaN(b);
  if (aBad || bBad) {
    return aBad === bBad ? 0 : aBad ? 1 : -1;
  }
  return b - a;
}

/** A group of the view (by company or by owner): its key, its label and its contacts, in the order given. */
export interface ContactGroup {
  /** Stable across refreshes (the row ids derive from it); `''` for the group without a value. */
  readonly key: string;
  readonly label: string | undefined;
  readonly contacts: Contact[];
  /** The owner's group of `linqContacts.ownerEmail`. */
  readonly mine?: boolean;
}

/**
 * Contacts under their companies: groups A–Z by label, contacts without one last; rows keep the order given.
 */
export function groupByCompany(contacts: readonly Contact[], collator: Intl.Collator): ContactGroup[] {
  return sortGroups(
    groupBy(contacts, (c) => (c.company === undefined ? undefined : { key: c.company, label: c.company })),
    collator,
  );
}

/**
 * Contacts under their owners (`contact_owner`), keyed by the owner's email in lower case (else the name): A–Z by
 * label, the owner whose email is `ownerEmail` first (`mine`), contacts without an owner last.
 */
export function groupByOwner(
  contacts: readonly Contact[],
  collator: Intl.Collator,
  ownerEmail: string | undefined,
): ContactGroup[] {
  const mine = ownerEmail?.trim().toLowerCase() || undefined;
  const groups = groupBy(contacts, (c) => {
    const email = c.owner?.email?.trim().toLowerCase();
    const name = ownerName(c);
    const key = email ?? (name === undefined ? undefined : `name:${name}`);
    return key === undefined
      ? undefined
      : { key, label: name ?? c.owner?.email ?? key, mine: mine !== undefined && mine === email };
  });
  const sorted = sortGroups(groups, collator);
  const first = sorted.findIndex((g) => g.mine);
  return first > 0 ? [sorted[first] as ContactGroup, ...sorted.filter((_, i) => i !== first)] : sorted;
}

function groupBy(
  contacts: readonly Contact[],
  keyOf: (c: Contact) => { key: string; label: string; mine?: boolean } | undefined,
): ContactGroup[] {
  const groups = new Map<string, ContactGroup>();
  for (const contact of contacts) {
    const found = keyOf(contact);
    const key = found?.key ?? '';
    let group = groups.get(key);
    if (!group) {
      group = { key, label: found?.label, contacts: [], mine: found?.mine === true };
      groups.set(key, group);
    }
    group.contacts.push(contact);
  }
  return [...groups.values()];
}

function sortGroups(groups: ContactGroup[], collator: Intl.Collator): ContactGroup[] {
  return groups.sort((a, b) =>
    a.label === undefined || b.label === undefined
      ? Number(a.label === undefined) - Number(b.label === undefined)
      : collator.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
