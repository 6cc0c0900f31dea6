import type { Contact } from '../api/types';
import { groupByCompany, groupByOwner } from '../format/contactOrder';
import { ContactNode } from './nodes/contactNode';
import { GroupNode } from './nodes/groupNode';

/** How the view groups its rows. */
export type Grouping = 'none' | 'company' | 'owner';

/** What the view's contact rows are made from. */
export interface RowsInput {
  /** The contacts to show, in the view's order. */
  readonly contacts: readonly Contact[];
  /** The pinned contacts held, the filter applied. */
  readonly pinned: readonly Contact[];
  readonly grouping: Grouping;
  readonly collator: Intl.Collator;
  readonly ownerEmail: string | undefined;
  readonly marks: RowMarks;
}

/** What a row says of its contact beyond its fields. */
export interface RowMarks {
  isNew(id: number): boolean;
  isPinned(id: number): boolean;
}

/** A contact's row, under a group row or at the top. */
export function contactRow(contact: Contact, marks: RowMarks, group?: GroupNode): ContactNode {
  return new ContactNode(contact, group?.id, marks.isNew(contact.id), marks.isPinned(contact.id));
}

/** The view's top rows: the Pinned group when there are pins, then the groups, or the contacts themselves. */
export function topRows(input: RowsInput): Array<GroupNode | ContactNode> {
  const rows: Array<GroupNode | ContactNode> = input.pinned.length > 0 ? [GroupNode.pinned(input.pinned)] : [];
  if (input.grouping === 'company') {
    rows.push(...groupByCompany(input.contacts, input.collator).map((g) => GroupNode.company(g)));
  } else if (input.grouping === 'owner') {
    rows.push(...groupByOwner(input.contacts, input.collator, input.ownerEmail).map((g) => GroupNode.owner(g)));
  } else {
    rows.push(...input.contacts.map((c) => contactRow(c, input.marks)));
  }
  return rows;
}
