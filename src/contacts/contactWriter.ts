import { LinqApiError } from '../api/linqApiError';
import type { Contact, ContactFields, FindQuery } from '../api/types';
import type { RequestOptions } from '../api/linqClient';
import type { ContactStore } from './store/contactStore';

/** What writing needs of the API client (a `LinqClient`). */
export interface WriteClient {
  getContact(id: number, options?: RequestOptions): Promise<Contact>;
  findContact(query: FindQuery, options?: RequestOptions): Promise<Contact | undefined>;
  createContact(fields: ContactFields, ownerEmail?: string, options?: RequestOptions): Promise<Contact>;
  updateContact(id: number, fields: ContactFields, ownerEmail?: string, options?: RequestOptions): Promise<Contact>;
  deleteContact(id: number, options?: RequestOptions): Promise<void>;
}

/** The connection a write goes through: its client, and the store every view reads. */
export interface WriteTarget {
  readonly client: WriteClient;
  readonly store: ContactStore;
}

/** How often a write refused with 429 is sent again after Linq's wait (a 429 means nothing was written). */
const RATE_LIMIT_RETRIES = 5;
/** The wait after a 429 that named none. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;

/** Resolves after `ms`, or rejects as cancelled when the signal aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(LinqApiError.cancelled());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(LinqApiError.cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs a write, sending it again only after a 429 (Linq refused it: nothing was written) and its wait. */
async function withRateLimitRetry<T>(write: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof LinqApiError) || error.kind !== 'rateLimited' || attempt >= RATE_LIMIT_RETRIES) {
        throw error;
      }
      await pause(error.details.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS, signal);
    }
  }
}

/**
 * True when a failed create may still have been made: a time-out, a reset, a 5xx or an unreadable reply
 * after the request was sent. Any 4xx (400, 401, 403, 422, 429) means Linq did not create it.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof LinqApiError)) {
    return true;
  }
  return (
    error.kind === 'offline' || error.kind === 'badData' || (error.kind === 'server' && (error.status ?? 500) >= 500)
  );
}

/** `find`'s question for these fields, or `undefined` when they hold neither email nor phone. */
export function findQueryOf(fields: ContactFields): FindQuery | undefined {
  const email = fields.email?.trim() || undefined;
  const phone = fields.phoneNumber?.trim() || undefined;
  return email === undefined && phone === undefined ? undefined : { email, phone };
}

/**
 * A contact Linq already has with this email or phone: from the store when it holds one, else `find`.
 * A contact found by `find` is kept by id (not placed among the rows).
 */
export async function findExisting(
  target: WriteTarget,
  query: FindQuery,
  signal?: AbortSignal,
): Promise<Contact | undefined> {
  const held =
    (query.email !== undefined ? target.store.byEmail(query.email) : undefined) ??
    (query.phone !== undefined ? target.store.byPhone(query.phone) : undefined);
  if (held) {
    return held;
  }
  const found = await target.client.findContact(query, { signal });
  if (found) {
    target.store.remember(found);
  }
  return found;
}

/**
 * `findExisting` for a write that is about to create: `'cannotTell'` when `find` answered with data that is no
 * answer (another person than the one asked for): nothing then tells whether Linq already has the contact.
 */
export async function existingOrCannotTell(
  target: WriteTarget,
  query: FindQuery,
  signal?: AbortSignal,
): Promise<Contact | 'cannotTell' | undefined> {
  try {
    return await findExisting(target, query, signal);
  } catch (error) {
    if (error instanceof LinqApiError && error.kind === 'badData') {
      return 'cannotTell';
    }
    throw error;
  }
}

export type CreateResult =
  /** Made; `settled` when the answer was lost and `find` showed that Linq made it. */
  | { readonly kind: 'created'; readonly contact: Contact; readonly settled: boolean }
  /** Not sent: Linq already has a contact with that email or phone. */
  | { readonly kind: 'duplicate'; readonly existing: Contact }
  /** Not sent: `find` answered about someone else, so nothing tells whether Linq already has this contact. */
  | { readonly kind: 'cannotTell' }
  /** The answer was lost and nothing can tell whether Linq made it (no email or phone to find it by). */
  | { readonly kind: 'unknown'; readonly error: LinqApiError };

export interface CreateOptions {
  /** Look for a contact with the same email or phone first (and stop if there is one). */
  readonly checkDuplicates: boolean;
  /** The contact the duplicate check found before the user chose to create anyway. */
  readonly knownDuplicateId?: number;
  readonly signal?: AbortSignal;
}

/**
 * One create, at most one contact, whatever fails: a 429 is sent again after its wait; an answer lost to a
 * time-out, a reset or a 5xx is settled by `find` on the email or phone (a contact other than the duplicate
 * seen before is the one this create made), never by sending again. The store holds the contact at once.
 */
export async function createOnce(
  target: WriteTarget,
  fields: ContactFields,
  ownerEmail: string | undefined,
  options: CreateOptions,
): Promise<CreateResult> {
  const query = findQueryOf(fields);
  if (options.checkDuplicates && query) {
    const existing = await existingOrCannotTell(target, query, options.signal);
    if (existing === 'cannotTell') {
      return { kind: 'cannotTell' };
    }
    if (existing) {
      return { kind: 'duplicate', existing };
    }
  }
  try {
    const contact = await withRateLimitRetry(
      () => target.client.createContact(fields, ownerEmail, { signal: options.signal }),
      options.signal,
    );
    target.store.added(contact);
    return { kind: 'created', contact, settled: false };
  } catch (error) {
    if (!outcomeUnknown(error) || (error instanceof LinqApiError && error.kind === 'cancelled')) {
      throw error;
    }
    const lost = error instanceof LinqApiError ? error : new LinqApiError('offline', 'The create was not answered.');
    if (!query) {
      return { kind: 'unknown', error: lost };
    }
    let found: Contact | undefined;
    try {
      found = await target.client.findContact(query, { signal: options.signal });
    } catch {
      return { kind: 'unknown', error: lost };
    }
    if (!found) {
      // Linq has no contact with that email or phone: it did not make one. Nothing was written.
      throw lost;
    }
    if (found.id === options.knownDuplicateId) {
      return { kind: 'unknown', error: lost };
    }
    target.store.added(found);
    return { kind: 'created', contact: found, settled: true };
  }
}

/** True when the contact holds every value of `fields` (`""` as no value), compared trimmed. */
function holdsFields(contact: Contact, fields: ContactFields): boolean {
  return (Object.entries(fields) as Array<[keyof ContactFields, string | undefined]>).every(
    ([key, value]) => (contact[key] ?? '').trim() === (value ?? '').trim(),
  );
}

export type UpdateResult =
  | { readonly kind: 'updated'; readonly contact: Contact }
  /** Linq's contact changed since the form opened: nothing was written. */
  | { readonly kind: 'conflict'; readonly current: Contact }
  /** The contact no longer exists in Linq. */
  | { readonly kind: 'gone' };

/**
 * An edit: unless `overwrite`, the contact is read first and nothing is written when its `updated_at` is not
 * the one the form opened with. Then one `PATCH` with `fields`; the store holds the answer at once.
 */
export async function updateChecked(
  target: WriteTarget,
  id: number,
  openedUpdatedAt: string | undefined,
  fields: ContactFields,
  ownerEmail: string | undefined,
  options: { readonly overwrite: boolean; readonly signal?: AbortSignal },
): Promise<UpdateResult> {
  try {
    if (!options.overwrite) {
      const current = await target.client.getContact(id, { signal: options.signal });
      if (current.updatedAt !== openedUpdatedAt) {
        target.store.updated(current);
        return { kind: 'conflict', current };
      }
    }
    let contact: Contact;
    try {
      contact = await withRateLimitRetry(
        () => target.client.updateContact(id, fields, ownerEmail, { signal: options.signal }),
        options.signal,
      );
    } catch (error) {
      // The answer was lost: read the contact; when it holds every value sent, the update was made.
      const made = outcomeUnknown(error)
        ? await target.client.getContact(id, { signal: options.signal }).catch(() => undefined)
        : undefined;
      if (!made || !holdsFields(made, fields)) {
        throw error;
      }
      contact = made;
    }
    target.store.updated(contact);
    return { kind: 'updated', contact };
  } catch (error) {
    if (error instanceof LinqApiError && error.kind === 'notFound') {
      target.store.removed(id);
      return { kind: 'gone' };
    }
    throw error;
  }
}

/** A delete; a 404 means it was already gone (also done). The contact leaves the store either way. */
export async function deleteOnce(
  target: WriteTarget,
  id: number,
  signal?: AbortSignal,
): Promise<'deleted' | 'alreadyGone'> {
  try {
    await withRateLimitRetry(() => target.client.deleteContact(id, { signal }), signal);
    target.store.removed(id);
    return 'deleted';
  } catch (error) {
    if (error instanceof LinqApiError && error.kind === 'notFound') {
      target.store.removed(id);
      return 'alreadyGone';
    }
    // The answer was lost: a contact that is no longer there was deleted by this request.
    if (outcomeUnknown(error)) {
      const gone = await target.client.getContact(id, { signal }).then(
        () => false,
        (e: unknown) => e instanceof LinqApiError && e.kind === 'notFound',
      );
      if (gone) {
        target.store.removed(id);
        return 'deleted';
      }
    }
    throw error;
  }
}
