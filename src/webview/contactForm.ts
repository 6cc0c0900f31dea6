import * as vscode from 'vscode';
import { ownerEmail } from '../config';
import { asLinqError } from '../api/linqApiError';
import type { Contact } from '../api/types';
import { Commands } from '../constants';
import type { LinqSession } from '../contacts/linqSession';
import { createOnce, updateChecked } from '../contacts/contactWriter';
import { describeError } from '../errors/describeError';
import {
  changedFields,
  changedOwner,
  checkDraft,
  createFields,
  draftFromContact,
  fieldsChangedBetween,
  isDirty,
  type Draft,
  type DraftField,
  type DraftProblem,
} from '../format/contactDraft';
import { displayName, truncate } from '../format/contactText';
import { oneLine } from '../format/sanitize';
import { showDone } from '../ui/statusMessage';
import type { Prompter } from '../ui/prompter';
import {
  cannotTellNotice,
  conflictNotice,
  duplicateNotice,
  INPUT_TYPES,
  labelOf,
  problemText,
  unknownNotice,
} from './formWords';
import type { FormView, NoticeAction } from './protocol';

/** What the form needs from its tab. */
export interface FormHost {
  readonly session: LinqSession;
  /** Asks before discarding what was typed. */
  readonly prompter: Prompter;
  /** Shows the form as it is now. */
  post(form: FormView): void;
  /** The form is done: show this contact in the tab (created, saved, or Linq's version). */
  finish(contact: Contact): void;
  /** Leave the form without saving: back to the contact (edit) or close the tab (new). */
  leave(): void;
}

/**
 * The create or edit form of one tab: what was typed (kept in the extension host, never in the webview's
 * state), the client's checks, and Save with its outcomes — a duplicate in Linq, a conflict with Linq's
 * changes, Linq's refusal in its own words, a create whose answer was lost. Nothing typed is lost in any of
 * these: the values stay in the form until the user saves or discards them.
 */
export class ContactForm {
  private draft: Draft;
  private fieldErrors: Partial<Record<DraftField, string>> = {};
  private problems: string[] = [];
  private notice: FormView['notice'];
  private busy = false;
  /** What the duplicate check found (new) and Linq's version after a conflict (edit). */
  private duplicate: Contact | undefined;
  private conflict: Contact | undefined;
  /** Set once the tab has left the form (saved or cancelled): nothing more is shown from here. */
  private done = false;

  constructor(
    readonly mode: 'new' | 'edit',
    private readonly host: FormHost,
    /** Where the form started (a contact's values, or empty/the selection for a new one). */
    private original: Draft,
    /** The contact as it was when the form opened (edit). */
    private opened: Contact | undefined,
    initial: Draft = original,
  ) {
    this.draft = initial;
  }

  get values(): Draft {
    return this.draft;
  }

  get contactId(): number | undefined {
    return this.opened?.id;
  }

  /** True when something was typed that is not saved. */
  get dirty(): boolean {
    // A new form counts every value as typed (also what a selection filled in): nothing of it is in Linq. The owner
    // filled in from `linqContacts.ownerEmail` is the setting's, not typed.
    const owner = this.draft.ownerEmail.trim();
    const typedOwner = owner === (ownerEmail() ?? '') ? '' : owner;
    return this.mode === 'new' ? hasAny({ ...this.draft, ownerEmail: typedOwner }) : isDirty(this.original, this.draft);
  }

  /** A name for messages: what the form would be called. */
  get name(): string {
    const d = this.draft;
    const name =
      [d.firstName, d.lastName]
        .map((v) => v.trim())
        .filter(Boolean)
        .join(' ') ||
      d.email.trim() ||
      (this.opened ? displayName(this.opened) : vscode.l10n.t('New Contact'));
    return truncate(oneLine(name), 60);
  }

  view(): FormView {
    const heading =
      this.mode === 'new'
        ? vscode.l10n.t('New Contact')
        : vscode.l10n.t('Edit {0}', this.opened ? truncate(oneLine(displayName(this.opened)), 60) : '');
    return {
      mode: this.mode,
      heading,
      fields: (Object.keys(this.draft) as DraftField[]).map((key) => ({
        key,
        label: labelOf(key),
        value: this.draft[key],
        type: INPUT_TYPES[key] ?? 'text',
        ...(this.fieldErrors[key] !== undefined ? { error: this.fieldErrors[key] } : {}),
      })),
      problems: this.problems,
      notice: this.notice,
      busy: this.busy,
      labels: { save: vscode.l10n.t('Save'), cancel: vscode.l10n.t('Cancel') },
    };
  }

  show(): void {
    if (!this.done) {
      this.host.post(this.view());
    }
  }

  private finish(contact: Contact): void {
    this.done = true;
    this.host.finish(contact);
  }

  /** The values typed so far (each change, from the tab). */
  change(values: Draft): void {
    this.draft = values;
  }

  /** Save: the client's checks, then one create or one checked update. */
  async save(values: Draft, how: { overwrite?: boolean; createAnyway?: boolean } = {}): Promise<void> {
    if (this.busy) {
      return;
    }
    this.draft = values;
    this.notice = undefined;
    this.problems = [];
    this.fieldErrors = {};
    const problems = this.problemsOf(values);
    if (problems.length > 0) {
      for (const p of problems) {
        if (p.field === undefined) {
          this.problems.push(problemText(p));
        } else {
          this.fieldErrors[p.field] ??= problemText(p);
        }
      }
      this.show();
      return;
    }
    this.busy = true;
    this.show();
    try {
      if (this.mode === 'new') {
        await this.create(how.createAnyway === true);
      } else {
        await this.update(how.overwrite === true);
      }
    } catch (error) {
      this.showError(error);
    } finally {
      this.busy = false;
    }
    this.show();
  }

  /**
   * The client's checks. An edit checks only what it sends (a contact Linq holds with a 300-character company
   * can still get a new title); one of the four must remain either way.
   */
  private problemsOf(values: Draft): DraftProblem[] {
    const all = checkDraft(values);
    if (this.mode === 'new') {
      return all;
    }
    const sent = new Set<string>(Object.keys(changedFields(this.original, values)));
    if (changedOwner(this.original, values) !== undefined) {
      sent.add('ownerEmail');
    }
    return all.filter((p) => p.field === undefined || sent.has(p.field));
  }

  private showError(error: unknown): void {
    const e = asLinqError(error);
    if (e.kind === 'cancelled') {
      return;
    }
    if (e.kind === 'invalid' && e.details.problems && e.details.problems.length > 0) {
      this.problems = [vscode.l10n.t('Linq did not save it:'), ...e.details.problems];
    } else {
      this.problems = [describeError(e)];
    }
  }

  private async create(anyway: boolean): Promise<void> {
    const target = await this.host.session.writeTarget();
    const owner = this.draft.ownerEmail.trim() || undefined;
    const result = await createOnce(target, createFields(this.draft), owner, {
      checkDuplicates: !anyway,
      knownDuplicateId: this.duplicate?.id,
    });
    switch (result.kind) {
      case 'duplicate':
        this.duplicate = result.existing;
        this.notice = duplicateNotice(result.existing);
        return;
      case 'cannotTell':
        this.notice = cannotTellNotice();
        return;
      case 'unknown':
        this.notice = unknownNotice(this.name);
        return;
      case 'created':
        showDone(vscode.l10n.t('Created {0} in Linq', this.name), 4000);
        this.finish(result.contact);
        return;
    }
  }

  private async update(overwrite: boolean): Promise<void> {
    const opened = this.opened;
    if (!opened) {
      return;
    }
    const fields = changedFields(this.original, this.draft);
    const owner = changedOwner(this.original, this.draft);
    if (Object.keys(fields).length === 0 && owner === undefined) {
      this.finish(opened);
      return;
    }
    const target = await this.host.session.writeTarget();
    const result = await updateChecked(target, opened.id, opened.updatedAt, fields, owner, { overwrite });
    switch (result.kind) {
      case 'conflict': {
        this.conflict = result.current;
        this.notice = conflictNotice(this.name, draftFromContact(opened), draftFromContact(result.current));
        return;
      }
      case 'gone':
        this.problems = [
          vscode.l10n.t('This contact no longer exists in Linq (deleted elsewhere). What you typed is still here.'),
        ];
        return;
      case 'updated':
        showDone(vscode.l10n.t('Saved {0}', this.name), 4000);
        this.finish(result.contact);
        return;
    }
  }

  /** The user's answer to a notice. */
  async onNotice(action: NoticeAction): Promise<void> {
    switch (action) {
      case 'openExisting':
        if (this.duplicate) {
          await vscode.commands.executeCommand(Commands.openContact, this.duplicate);
        }
        return;
      case 'createAnyway':
        await this.save(this.draft, { createAnyway: true });
        return;
      case 'overwrite':
        await this.save(this.draft, { overwrite: true });
        return;
      case 'useLinq':
        this.useLinqValues();
        return;
      case 'keepEditing':
        this.notice = undefined;
        this.show();
        return;
      case 'refresh':
        await vscode.commands.executeCommand(Commands.refresh);
        return;
    }
  }

  /**
   * Takes Linq's values for the fields Linq changed, keeps the user's other edits, and shows what the user
   * had typed in those fields so it can be copied back. The form now edits Linq's current version.
   */
  private useLinqValues(): void {
    const current = this.conflict;
    const opened = this.opened;
    if (!current || !opened) {
      return;
    }
    const linq = draftFromContact(current);
    const changed = fieldsChangedBetween(draftFromContact(opened), linq);
    const replaced: string[] = [];
    const next: Record<DraftField, string> = { ...this.draft };
    for (const f of changed) {
      if (this.draft[f] !== linq[f]) {
        replaced.push(vscode.l10n.t('{0}: "{1}"', labelOf(f), truncate(oneLine(this.draft[f]), 200)));
      }
      next[f] = linq[f];
    }
    this.draft = next;
    this.original = linq;
    this.opened = current;
    this.conflict = undefined;
    this.notice =
      replaced.length > 0
        ? {
            text: vscode.l10n.t("Linq's values are in the form. What you had typed there:"),
            details: replaced,
            actions: [{ id: 'keepEditing', label: vscode.l10n.t('OK') }],
          }
        : undefined;
    this.show();
  }

  /** Cancel: asks first when something was typed; then leaves the form. */
  async cancel(): Promise<void> {
    if (
      this.dirty &&
      !(await this.host.prompter.confirm(
        vscode.l10n.t('Discard your changes to {0}?', this.name),
        vscode.l10n.t('Discard'),
      ))
    ) {
      return;
    }
    this.done = true;
    this.host.leave();
  }
}

function hasAny(draft: Draft): boolean {
  return Object.values(draft).some((v) => v.trim() !== '');
}
