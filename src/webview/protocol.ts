import { DRAFT_FIELDS, type DraftField } from '../format/contactDraft';
import { isAllowedHref, isHttpsUrl } from '../format/links';

/**
 * Messages between the detail tab's script and the extension: one module, imported by both sides.
 * Every message is checked on arrival with the guards below; nothing is trusted by a type cast.
 */

/** One labelled value to show; `href` only for `mailto:`, `tel:` and `https:` links. */
export interface DetailField {
  readonly key: 'title' | 'company' | 'email' | 'phone' | 'location' | 'owner' | 'ownerEmail' | 'created' | 'updated';
  readonly label: string;
  readonly value: string;
  readonly href?: string;
}

/** A QR code to draw (rows of `1` dark and `0` light, the quiet zone not included), or that there is none. */
export type QrView = { readonly size: number; readonly rows: readonly string[] } | { readonly tooLong: true };

/** Everything the tab shows, already formatted in the extension host (dates in the user's locale). */
export interface ContactView {
  readonly id: number;
  readonly name: string;
  readonly initials: string;
  /** Only an `https:` URL, else absent. */
  readonly avatarUrl?: string;
  readonly fields: readonly DetailField[];
  readonly hasEmail: boolean;
  readonly hasPhone: boolean;
  /** False in read-only mode: no Edit or Delete button. */
  readonly canWrite: boolean;
  /** Pinned: the tab offers Unpin, else Pin. */
  readonly pinned: boolean;
  /** The QR code, once the user asked for it. */
  readonly qr?: QrView;
  readonly labels: {
    readonly pin: string;
    readonly unpin: string;
    readonly qrCode: string;
    readonly qrAlt: string;
    readonly qrTooLong: string;
    readonly copyEmail: string;
    readonly copyPhone: string;
    readonly copyVCard: string;
    readonly insert: string;
    readonly refresh: string;
    readonly edit: string;
    readonly delete: string;
    readonly avatarAlt: string;
  };
}

/** What the user may answer to a notice in the form (a duplicate, a conflict, an unknown outcome). */
export type NoticeAction = 'openExisting' | 'createAnyway' | 'overwrite' | 'useLinq' | 'keepEditing' | 'refresh';

const NOTICE_ACTIONS: ReadonlySet<string> = new Set([
  'openExisting',
  'createAnyway',
  'overwrite',
  'useLinq',
  'keepEditing',
  'refresh',
]);

/** The create or edit form, with the values to show and what Linq or the checks said. */
export interface FormView {
  readonly mode: 'new' | 'edit';
  readonly heading: string;
  readonly fields: ReadonlyArray<{
    readonly key: DraftField;
    readonly label: string;
    readonly value: string;
    readonly error?: string;
    readonly type: 'text' | 'email' | 'tel';
  }>;
  /** Messages for the whole form (Linq's own words on a refusal), shown as text. */
  readonly problems: readonly string[];
  readonly notice?: {
    readonly text: string;
    readonly details: readonly string[];
    readonly actions: ReadonlyArray<{ readonly id: NoticeAction; readonly label: string }>;
  };
  readonly busy: boolean;
  readonly labels: { readonly save: string; readonly cancel: string };
}

/** Extension → tab: show the form (replacing the card). */
export interface ShowFormMessage {
  readonly type: 'form';
  readonly form: FormView;
}

/** Extension → tab: show this contact. */
export interface ShowContactMessage {
  readonly type: 'show';
  readonly contact: ContactView;
}

/** Extension → tab: a status line (loading, error). */
export interface StatusMessage {
  readonly type: 'status';
  readonly text: string;
  readonly busy: boolean;
}

export type ToWebviewMessage = ShowContactMessage | StatusMessage | ShowFormMessage;

/** Tab → extension: the script has loaded and wants data. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** Tab → extension: a button was pressed. */
export interface CommandMessage {
  readonly type:
    | 'copyEmail'
    | 'copyPhone'
    | 'copyVCard'
    | 'insert'
    | 'refresh'
    | 'edit'
    | 'delete'
    | 'cancel'
    | 'pin'
    | 'unpin'
    | 'qrCode';
}

/** Tab → extension: the form's values (after every change, and with Save). */
export interface FormValuesMessage {
  readonly type: 'formChange' | 'save';
  readonly values: Readonly<Record<DraftField, string>>;
}

/** Tab → extension: the user answered a notice. */
export interface NoticeMessage {
  readonly type: 'notice';
  readonly action: NoticeAction;
}

export type FromWebviewMessage = ReadyMessage | CommandMessage | FormValuesMessage | NoticeMessage;

/** State kept by the tab with `setState`, so a restored tab knows which contact it shows. */
export interface PanelState {
  readonly contactId: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const FROM_WEBVIEW_TYPES: ReadonlySet<string> = new Set([
  'ready',
  'copyEmail',
  'copyPhone',
  'copyVCard',
  'insert',
  'refresh',
  'edit',
  'delete',
  'cancel',
  'pin',
  'unpin',
  'qrCode',
]);

/** Form values as they arrive: every field a string of at most 10,000 characters, nothing else. */
function isFormValues(value: unknown): value is Record<DraftField, string> {
  return (
    isRecord(value) &&
    DRAFT_FIELDS.every((f) => typeof value[f] === 'string' && value[f].length <= 10_000) &&
    Object.keys(value).length === DRAFT_FIELDS.length
  );
}

/** Checks a message from the tab. */
export function isFromWebviewMessage(value: unknown): value is FromWebviewMessage {
  if (!isRecord(value) || typeof value.type !== 'string') {
    return false;
  }
  if (value.type === 'formChange' || value.type === 'save') {
    return isFormValues(value.values);
  }
  if (value.type === 'notice') {
    return typeof value.action === 'string' && NOTICE_ACTIONS.has(value.action);
  }
  return FROM_WEBVIEW_TYPES.has(value.type);
}

function isFormView(value: unknown): value is FormView {
  return (
    isRecord(value) &&
    (value.mode === 'new' || value.mode === 'edit') &&
    typeof value.heading === 'string' &&
    Array.isArray(value.fields) &&
    value.fields.every(
      (f: unknown) =>
        isRecord(f) &&
        typeof f.key === 'string' &&
        (DRAFT_FIELDS as readonly string[]).includes(f.key) &&
        typeof f.label === 'string' &&
        typeof f.value === 'string',
    ) &&
    Array.isArray(value.problems) &&
    value.problems.every((p: unknown) => typeof p === 'string') &&
    typeof value.busy === 'boolean' &&
    isRecord(value.labels) &&
    (value.notice === undefined ||
      (isRecord(value.notice) &&
        typeof value.notice.text === 'string' &&
        Array.isArray(value.notice.details) &&
        Array.isArray(value.notice.actions) &&
        value.notice.actions.every(
          (a: unknown) =>
            isRecord(a) && typeof a.id === 'string' && NOTICE_ACTIONS.has(a.id) && typeof a.label === 'string',
        )))
  );
}

/** Checks a saved panel state (it comes back from storage after a reload). */
export function isPanelState(value: unknown): value is PanelState {
  return (
    isRecord(value) &&
    typeof value.contactId === 'number' &&
    Number.isSafeInteger(value.contactId) &&
    value.contactId > 0
  );
}

function isField(value: unknown): value is DetailField {
  return (
    isRecord(value) &&
    typeof value.key === 'string' &&
    typeof value.label === 'string' &&
    typeof value.value === 'string' &&
    (value.href === undefined || (typeof value.href === 'string' && isAllowedHref(value.href)))
  );
}

/** Checks a message from the extension. */
export function isToWebviewMessage(value: unknown): value is ToWebviewMessage {
  if (!isRecord(value)) {
    return false;
  }
  if (value.type === 'status') {
    return typeof value.text === 'string' && typeof value.busy === 'boolean';
  }
  if (value.type === 'form') {
    return isFormView(value.form);
  }
  if (value.type !== 'show' || !isRecord(value.contact)) {
    return false;
  }
  const c = value.contact;
  return (
    typeof c.id === 'number' &&
    typeof c.name === 'string' &&
    typeof c.initials === 'string' &&
    (c.avatarUrl === undefined || (typeof c.avatarUrl === 'string' && isHttpsUrl(c.avatarUrl))) &&
    Array.isArray(c.fields) &&
    c.fields.every(isField) &&
    typeof c.hasEmail === 'boolean' &&
    typeof c.hasPhone === 'boolean' &&
    typeof c.canWrite === 'boolean' &&
    typeof c.pinned === 'boolean' &&
    (c.qr === undefined || isQrView(c.qr)) &&
    isRecord(c.labels)
  );
}

/** A QR code of at most 177 modules a side, square, of `0` and `1` only; or "too long". */
function isQrView(value: unknown): value is QrView {
  if (!isRecord(value)) {
    return false;
  }
  if (value.tooLong === true) {
    return true;
  }
  const { size, rows } = value;
  return (
    typeof size === 'number' &&
    Number.isSafeInteger(size) &&
    size > 0 &&
    size <= 177 &&
    Array.isArray(rows) &&
    rows.length === size &&
    rows.every((r: unknown) => typeof r === 'string' && r.length === size && /^[01]+$/.test(r))
  );
}
