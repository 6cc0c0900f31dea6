import * as vscode from 'vscode';
import type { Contact } from '../api/types';
import { fieldsChangedBetween, type Draft, type DraftField, type DraftProblem } from '../format/contactDraft';
import { displayName, truncate } from '../format/contactText';
import { oneLine } from '../format/sanitize';
import type { FormView } from './protocol';

/** The form's words: its labels in the contract's words, and what the client's checks say. */

/** The form's labels, in the contract's words. */
export function labelOf(field: DraftField): string {
  const labels: Record<DraftField, () => string> = {
    firstName: () => vscode.l10n.t('First name'),
    lastName: () => vscode.l10n.t('Last name'),
    email: () => vscode.l10n.t('Email'),
    phoneNumber: () => vscode.l10n.t('Phone'),
    company: () => vscode.l10n.t('Company'),
    title: () => vscode.l10n.t('Title'),
    location: () => vscode.l10n.t('Location'),
    ownerEmail: () => vscode.l10n.t('Owner email'),
  };
  return labels[field]();
}

export function problemText(problem: DraftProblem): string {
  switch (problem.problem) {
    case 'needOne':
      return vscode.l10n.t('Fill in at least one of first name, last name, email or phone.');
    case 'email':
      return vscode.l10n.t('An email address has one @, no spaces and a dot in its domain, like name@example.com.');
    case 'tooLong':
      return vscode.l10n.t('At most 255 characters.');
  }
}

/** The input type of the fields that have one other than text. */
export const INPUT_TYPES: Partial<Record<DraftField, 'email' | 'tel'>> = {
  email: 'email',
  ownerEmail: 'email',
  phoneNumber: 'tel',
};

/** Linq already has a contact with the email or phone: open it, or create anyway. */
export function duplicateNotice(existing: Contact): FormView['notice'] {
  return {
    text: vscode.l10n.t(
      'Linq already has a contact with this email or phone number: {0}.',
      truncate(oneLine(displayName(existing)), 80),
    ),
    details: [],
    actions: [
      { id: 'openExisting', label: vscode.l10n.t('Open {0}', truncate(oneLine(displayName(existing)), 40)) },
      { id: 'createAnyway', label: vscode.l10n.t('Create Anyway') },
    ],
  };
}

/** `find` answered about someone else: whether Linq has this contact cannot be told; the user decides. */
export function cannotTellNotice(): FormView['notice'] {
  return {
    text: vscode.l10n.t(
      "Linq's answer to the duplicate check was about another contact, so it cannot be told whether Linq already has this one. Nothing was sent.",
    ),
    details: [],
    actions: [{ id: 'createAnyway', label: vscode.l10n.t('Create Anyway') }],
  };
}

/** A name-only create whose answer was lost: nothing can tell whether Linq made it. */
export function unknownNotice(name: string): FormView['notice'] {
  return {
    text: vscode.l10n.t(
      'Linq did not answer, and without an email or phone number there is no way to tell whether it created {0}. Nothing was sent again: refresh the contacts to see.',
      name,
    ),
    details: [],
    actions: [{ id: 'refresh', label: vscode.l10n.t('Refresh Contacts') }],
  };
}

/** Linq changed the contact after the form opened: what changed (old → new), and the three answers. */
export function conflictNotice(name: string, before: Draft, now: Draft): FormView['notice'] {
  return {
    text: vscode.l10n.t('{0} was changed in Linq after you opened this form. Nothing was saved.', name),
    details: fieldsChangedBetween(before, now).map((f) =>
      vscode.l10n.t('{0}: "{1}" → "{2}"', labelOf(f), truncate(oneLine(before[f]), 80), truncate(oneLine(now[f]), 80)),
    ),
    actions: [
      { id: 'overwrite', label: vscode.l10n.t('Overwrite') },
      { id: 'useLinq', label: vscode.l10n.t("Use Linq's Values") },
      { id: 'keepEditing', label: vscode.l10n.t('Keep Editing') },
    ],
  };
}
