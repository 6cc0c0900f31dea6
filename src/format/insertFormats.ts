import type { Contact } from '../api/types';
import { toContactJson } from './contactJson';
import { displayName } from './contactText';
import { oneLine } from './sanitize';
import { toVCard } from './vcard';
import { mailtoHref } from './links';

/** The ways a contact can be written into text (Insert Contact; the one-line ones also for mentions). */
export type InsertFormat = 'name' | 'nameAndEmail' | 'email' | 'phone' | 'markdownLink' | 'vcard' | 'json';

export const INSERT_FORMATS: readonly InsertFormat[] = [
  'nameAndEmail',
  'name',
  'email',
  'phone',
  'markdownLink',
  'vcard',
  'json',
];

/** The formats an accepted @-mention may insert (`linqContacts.mentions.format`): one line each. */
export const MENTION_FORMATS: readonly InsertFormat[] = ['nameAndEmail', 'name', 'email', 'phone', 'markdownLink'];

export function isInsertFormat(value: unknown): value is InsertFormat {
  return typeof value === 'string' && (INSERT_FORMATS as readonly string[]).includes(value);
}

/** Escapes what would end or open a Markdown link text: backslash, `[ ] ( )`, and `<` `>` (autolinks, HTML). */
export function escapeMarkdownLinkText(text: string): string {
  return text.replace(/[\\[\]()<>*_`]/g, '\\$&');
}

function nonEmpty(value: string | undefined): string | undefined {
  const text = value === undefined ? '' : oneLine(value);
  return text === '' ? undefined : text;
}

/**
 * The text a format gives for a contact, or `undefined` when the contact has nothing for it (an email
 * format without an email). Every value passes through the one sanitizer (`oneLine`): no control
 * characters, no bidi overrides, no line breaks inside a value. The text is inserted literally, never as
 * a snippet. `nameAndEmail` and `markdownLink` without an email give the name alone.
 */
export function formatContact(contact: Contact, format: InsertFormat): string | undefined {
  const name = oneLine(displayName(contact)) || `Contact #${contact.id}`;
  const email = nonEmpty(contact.email);
  switch (format) {
    case 'name':
      return name;
    case 'nameAndEmail':
      return email === undefined ? name : `${name} <${email}>`;
    case 'email':
      return email;
    case 'phone':
      return nonEmpty(contact.phoneNumber);
    case 'markdownLink':
      return email === undefined
        ? escapeMarkdownLinkText(name)
        : `[${escapeMarkdownLinkText(name)}](${mailtoHref(email)})`;
    case 'vcard':
      return toVCard(contact);
    case 'json':
      return JSON.stringify(toContactJson(contact), undefined, 2);
  }
}
