import { CONTACT_FIELD_NAMES, type Contact, type ContactFieldName, type ContactFields } from '../api/types';

/** The form's fields: the writable ones and the owner's email. */
export type DraftField = ContactFieldName | 'ownerEmail';

/** The form's fields, in order (also the webview's: `protocol.ts` and `media/detail.ts` use them). */
export const DRAFT_FIELDS: readonly DraftField[] = [...CONTACT_FIELD_NAMES, 'ownerEmail'];

/** What the form holds: every field as text, `''` when empty. */
export type Draft = Readonly<Record<DraftField, string>>;

/** Linq requires one of these in every create and update. */
export const IDENTIFYING_FIELDS: readonly ContactFieldName[] = ['firstName', 'lastName', 'email', 'phoneNumber'];

/** Longest value sent for any field (Linq's columns; longer is refused before sending). */
export const MAX_FIELD_CHARS = 255;

/** Why the client refuses a draft before sending; the UI words it. */
export interface DraftProblem {
  /** The field at fault; `undefined` for "one of the four". */
  readonly field: DraftField | undefined;
  readonly problem: 'needOne' | 'email' | 'tooLong';
}

export function emptyDraft(): Draft {
  return Object.fromEntries(DRAFT_FIELDS.map((field) => [field, ''])) as Record<DraftField, string>;
}

/** A draft from any partial values (unknown keys dropped, non-strings as empty). */
export function toDraft(values: Partial<Record<string, unknown>>): Draft {
  const draft: Record<string, string> = { ...emptyDraft() };
  for (const field of DRAFT_FIELDS) {
    const value = values[field];
    draft[field] = typeof value === 'string' ? value : '';
  }
  return draft as Draft;
}

/** The form's values for an existing contact. */
export function draftFromContact(contact: Contact): Draft {
  return toDraft({ ...contact, ownerEmail: contact.owner?.email });
}

/** One `@`, no spaces, a dot in the domain (the rest is Linq's to judge). */
export function isEmailShape(value: string): boolean {
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value) && !/\.$/.test(value);
}

/** The client's own checks: one of the four, an email's shape (also the owner's), each at most 255 characters. */
export function checkDraft(draft: Draft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!IDENTIFYING_FIELDS.some((f) => draft[f].trim() !== '')) {
    problems.push({ field: undefined, problem: 'needOne' });
  }
  for (const field of ['email', 'ownerEmail'] as const) {
    const value = draft[field].trim();
    if (value !== '' && !isEmailShape(value)) {
      problems.push({ field, problem: 'email' });
    }
  }
  for (const field of DRAFT_FIELDS) {
    if (draft[field].trim().length > MAX_FIELD_CHARS) {
      problems.push({ field, problem: 'tooLong' });
    }
  }
  return problems;
}

/** A create's fields: every non-empty one, trimmed. */
export function createFields(draft: Draft): ContactFields {
  const fields: Partial<Record<ContactFieldName, string>> = {};
  for (const field of CONTACT_FIELD_NAMES) {
    const value = draft[field].trim();
    if (value !== '') {
      fields[field] = value;
    }
  }
  return fields;
}

/**
 * An update's fields: those that differ from `original` (trimmed; a cleared one is `""`). Linq requires one
 * of first name, last name, email and phone in every update: when none of them changed, the current value
 * of the first that has one is added. Empty when nothing changed at all (the owner is compared apart).
 */
export function changedFields(original: Draft, draft: Draft): ContactFields {
  const fields: Partial<Record<ContactFieldName, string>> = {};
  for (const field of CONTACT_FIELD_NAMES) {
    const value = draft[field].trim();
    if (value !== original[field].trim()) {
      fields[field] = value;
    }
  }
  if (Object.keys(fields).length > 0 && !IDENTIFYING_FIELDS.some((f) => f in fields)) {
    const carrier = IDENTIFYING_FIELDS.find((f) => draft[f].trim() !== '');
    if (carrier !== undefined) {
      fields[carrier] = draft[carrier].trim();
    }
  }
  return fields;
}

/** The owner's email when the user changed it (to a non-empty value), else `undefined`. */
export function changedOwner(original: Draft, draft: Draft): string | undefined {
  const value = draft.ownerEmail.trim();
  return value !== '' && value.toLowerCase() !== original.ownerEmail.trim().toLowerCase() ? value : undefined;
}

/** True when the user typed anything that differs from where the form started. */
export function isDirty(original: Draft, draft: Draft): boolean {
  return DRAFT_FIELDS.some((f) => draft[f] !== original[f]);
}

/** The fields whose values differ between two versions of a contact (what Linq changed meanwhile). */
export function fieldsChangedBetween(before: Draft, after: Draft): DraftField[] {
  return DRAFT_FIELDS.filter((f) => before[f].trim() !== after[f].trim());
}
