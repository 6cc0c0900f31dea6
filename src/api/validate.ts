import { LinqApiError } from './linqApiError';
import { normalizePhone } from '../format/phone';
import type { Contact, ContactOwner, ContactPage, FindQuery, Pagination } from './types';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function badData(what: string): LinqApiError {
  return new LinqApiError('badData', `The server's reply was not in the expected format (${what}).`);
}

/** A non-empty string after trimming, else `undefined`: `null`, numbers and blanks count as missing. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** A whole number ≥ 0, also when sent as a numeric string (`"12"`), as some servers do. */
function count(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function owner(value: unknown): ContactOwner | undefined {
  if (!isObject(value)) {
    return undefined;
  }
  const result: ContactOwner = {
    id: positiveInt(value.id),
    email: text(value.email),
    firstName: text(value.first_name),
    lastName: text(value.last_name),
    name: text(value.name),
  };
  return Object.values(result).some((v) => v !== undefined) ? result : undefined;
}

/** Validates one contact object; a contact without a positive integer `id` is bad data. */
export function parseContact(value: unknown): Contact {
  if (!isObject(value)) {
    throw badData('a contact is not an object');
  }
  const id = positiveInt(value.id);
  if (id === undefined) {
    throw badData('a contact has no valid id');
  }
  return {
    id,
    firstName: text(value.first_name),
    lastName: text(value.last_name),
    fullName: text(value.full_name),
    email: text(value.email),
    phoneNumber: text(value.phone_number),
    company: text(value.company),
    title: text(value.title),
    location: text(value.location),
    imageUrl: text(value.image_url),
    createdAt: text(value.created_at),
    updatedAt: text(value.updated_at),
    owner: owner(value.contact_owner),
  };
}

/**
 * Validates `GET /contacts/{id}`'s `{ data: Contact }`. A contact with another id than the one asked for
 * is bad data: another person must never be shown under the id the user asked for.
 */
export function parseContactReply(body: unknown, expectedId?: number): Contact {
  if (!isObject(body) || !('data' in body)) {
    throw badData('no "data" in the contact reply');
  }
  const contact = parseContact(body.data);
  if (expectedId !== undefined && contact.id !== expectedId) {
    throw badData(`asked for contact ${expectedId}, got contact ${contact.id}`);
  }
  return contact;
}

/**
 * Validates `find`'s reply: the bare contact, or `{ "contact": null }` when none matches (`undefined`).
 * A `{ "contact": {…} }` or `{ "data": {…} }` wrapper is read too; anything else is bad data.
 */
export function parseFindReply(body: unknown, query: FindQuery): Contact | undefined {
  if (!isObject(body)) {
    throw badData('the find reply is not an object');
  }
  const inner = 'id' in body ? body : 'contact' in body ? body.contact : 'data' in body ? body.data : undefined;
  if (inner === null) {
    return undefined;
  }
  if (inner === undefined) {
    throw badData('neither a contact nor "contact": null in the find reply');
  }
  const contact = parseContact(inner);
  if (!answersFind(contact, query)) {
    // Another person than the one asked for: shown as theirs, it would name a stranger. The values stay out.
    throw badData('the find reply is about a contact with another email and phone than the ones asked for');
  }
  return contact;
}

/**
 * True when `contact` is an answer to `query` as Linq compares: its email equals the asked one ignoring case and
 * surrounding space, or its phone is the same number (E.164, as `normalizePhone` reads both).
 */
export function answersFind(contact: Contact, query: FindQuery): boolean {
  const email = query.email?.trim().toLowerCase();
  if (email && contact.email?.trim().toLowerCase() === email) {
    return true;
  }
  const phone = query.phone?.trim();
  return Boolean(phone && contact.phoneNumber && normalizePhone(contact.phoneNumber) === normalizePhone(phone));
}

/** Longest piece of Linq's error text kept for the form (a hostile server could send megabytes). */
const MAX_PROBLEM_CHARS = 300;

/**
 * Linq's own words from an error body (`message` and `errors[]`, strings only, at most 10, each cut to
 * 300 characters); empty when the body is not that shape. The caller shows them as text.
 */
export function errorProblems(body: unknown): string[] {
  if (!isObject(body)) {
    return [];
  }
  const cut = (s: string): string => (s.length > MAX_PROBLEM_CHARS ? `${s.slice(0, MAX_PROBLEM_CHARS)}…` : s);
  const errors = Array.isArray(body.errors)
    ? body.errors.filter((e): e is string => typeof e === 'string' && e.trim() !== '').slice(0, 10)
    : [];
  const message = text(body.message);
  const all =
    message !== undefined && !errors.includes(message) && message !== 'Validation failed'
      ? [message, ...errors]
      : errors.length > 0
        ? errors
        : message !== undefined
          ? [message]
          : [];
  return all.map((e) => cut(e.trim()));
}

/**
 * Validates `GET /contacts`'s `{ contacts, pagination }`. A page with more contacts than the `per_page`
 * asked for is bad data (a server that ignores the page size could hand over any amount). Totals sent
 * as numeric strings are read as numbers; a reply without usable totals gets estimated ones: one page
 * more while pages come back full, so paging goes on until a short or empty page.
 */
export function parseContactPage(body: unknown, requestedPage: number, requestedPerPage: number): ContactPage {
  if (!isObject(body) || !Array.isArray(body.contacts)) {
    throw badData('no "contacts" list in the reply');
  }
  if (body.contacts.length > requestedPerPage) {
    throw badData(`a page held ${body.contacts.length} contacts, more than the ${requestedPerPage} asked for`);
  }
  const contacts = body.contacts.map(parseContact);
  const raw = isObject(body.pagination) ? body.pagination : {};
  const serverPerPage = positiveInt(count(raw.per_page));
  // A server may clamp the page size down, never up: pages are counted in its unit then.
  const perPage = serverPerPage !== undefined && serverPerPage <= requestedPerPage ? serverPerPage : requestedPerPage;
  const currentPage = requestedPage;
  const sentCount = count(raw.total_count);
  const sentPages = count(raw.total_pages);
  const seen = (currentPage - 1) * perPage + contacts.length;
  let pagination: Pagination;
  if (sentCount === undefined && sentPages === undefined) {
    const full = contacts.length >= perPage;
    pagination = {
      currentPage,
      perPage,
      totalPages: full ? currentPage + 1 : currentPage,
      totalCount: seen,
      estimated: true,
    };
  } else {
    const totalPages = sentPages ?? Math.ceil((sentCount ?? 0) / perPage);
    const totalCount = sentCount ?? Math.max(seen, totalPages * perPage);
    pagination = { currentPage, perPage, totalPages, totalCount, estimated: sentCount === undefined };
  }
  return { contacts, pagination };
}
