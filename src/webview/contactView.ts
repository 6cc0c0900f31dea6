import * as vscode from 'vscode';
import type { Contact } from '../api/types';
import { displayName, ownerName } from '../format/contactText';
import { telHref } from '../format/phone';
import { isAllowedHref, isHttpsUrl, mailtoHref } from '../format/links';
import { qrMatrix, qrVCard } from '../format/qrCard';
import type { ContactView, DetailField, QrView } from './protocol';

/** A date in the user's locale, or the raw text when it is not a date. */
function formatDate(value: string, language: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}

function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((w) => [...w][0] ?? '')
    .filter((ch) => /\p{L}|\p{N}/u.test(ch));
  return (letters.slice(0, 2).join('') || '?').toUpperCase();
}

/**
 * Builds what the tab shows: only fields with a value, links only with allowed schemes, the avatar only
 * from https and only when `showAvatars` (a privacy choice: a remote image tells its host who looked).
 */
export function toContactView(
  contact: Contact,
  showAvatars: boolean,
  canWrite = false,
  language: string = vscode.env.language,
  extras: { readonly pinned?: boolean; readonly qr?: boolean } = {},
): ContactView {
  const name = displayName(contact);
  const fields: DetailField[] = [];
  const add = (key: DetailField['key'], label: string, value: string | undefined, href?: string): void => {
    if (value !== undefined) {
      fields.push(href !== undefined && isAllowedHref(href) ? { key, label, value, href } : { key, label, value });
    }
  };
  add('title', vscode.l10n.t('Title'), contact.title);
  add('company', vscode.l10n.t('Company'), contact.company);
  add('email', vscode.l10n.t('Email'), contact.email, contact.email && mailtoHref(contact.email));
  add('phone', vscode.l10n.t('Phone'), contact.phoneNumber, contact.phoneNumber && telHref(contact.phoneNumber));
  add('location', vscode.l10n.t('Location'), contact.location);
  add('owner', vscode.l10n.t('Owner'), ownerName(contact));
  add(
    'ownerEmail',
    vscode.l10n.t("Owner's email"),
    contact.owner?.email,
    contact.owner?.email && mailtoHref(contact.owner.email),
  );
  add('created', vscode.l10n.t('Created'), contact.createdAt && formatDate(contact.createdAt, language));
  add('updated', vscode.l10n.t('Updated'), contact.updatedAt && formatDate(contact.updatedAt, language));
  return {
    id: contact.id,
    name,
    initials: initialsOf(name),
    avatarUrl:
      showAvatars && contact.imageUrl !== undefined && isHttpsUrl(contact.imageUrl) ? contact.imageUrl : undefined,
    fields,
    hasEmail: contact.email !== undefined,
    hasPhone: contact.phoneNumber !== undefined,
    canWrite,
    pinned: extras.pinned === true,
    qr: extras.qr ? qrView(contact) : undefined,
    labels: {
      pin: vscode.l10n.t('Pin'),
      unpin: vscode.l10n.t('Unpin'),
      qrCode: vscode.l10n.t('QR Code'),
      qrAlt: vscode.l10n.t('QR code with the contact card of {0}: scan it with a phone to add the contact', name),
      qrTooLong: vscode.l10n.t('This contact is too long for a QR code.'),
      edit: vscode.l10n.t('Edit'),
      delete: vscode.l10n.t('Delete…'),
      copyEmail: vscode.l10n.t('Copy email'),
      copyPhone: vscode.l10n.t('Copy phone'),
      copyVCard: vscode.l10n.t('Copy as vCard'),
      insert: vscode.l10n.t('Insert into editor…'),
      refresh: vscode.l10n.t('Refresh'),
      avatarAlt: vscode.l10n.t('Photo of {0}', name),
    },
  };
}

/** The contact's QR code (its vCard 3.0), or that it is too long for one. */
function qrView(contact: Contact): QrView {
  return qrMatrix(qrVCard(contact)) ?? { tooLong: true };
}
