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
  readonly labels: { readonly copyEmail: string; readonly copyPhone: string; readonly copyVCard: string; readonly insert: string; readonly refresh: string; readonly avatarAlt: string };
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

export type ToWebviewMessage = ShowContactMessage | StatusMessage;

/** Tab → extension: the script has loaded and wants data. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** Tab → extension: a button was pressed. */
export interface CommandMessage {
  readonly type: 'copyEmail' | 'copyPhone' | 'copyVCard' | 'insert' | 'refresh';
}

export type FromWebviewMessage = ReadyMessage | CommandMessage;

/** State kept by the tab with `setState`, so a restored tab knows which contact it shows. */
export interface PanelState {
  readonly contactId: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const FROM_WEBVIEW_TYPES: ReadonlySet<string> = new Set(['ready', 'copyEmail', 'copyPhone', 'copyVCard', 'insert', 'refresh']);

/** Checks a message from the tab. */
export function isFromWebviewMessage(value: unknown): value is FromWebviewMessage {
  return isRecord(value) && typeof value.type === 'string' && FROM_WEBVIEW_TYPES.has(value.type);
}

/** Checks a saved panel state (it comes back from storage after a reload). */
export function isPanelState(value: unknown): value is PanelState {
  return isRecord(value) && typeof value.contactId === 'number' && Number.isSafeInteger(value.contactId) && value.contactId > 0;
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
    isRecord(c.labels)
  );
}

/** True for an absolute `https:` URL. */
export function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Links allowed in the tab: `mailto:`, `tel:` and `https:` only. */
export function isAllowedHref(value: string): boolean {
  try {
    return ['mailto:', 'tel:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
