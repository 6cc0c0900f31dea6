import { LinqApiError } from './linqApiError';
import type { Contact, ContactOwner, ContactPage, Pagination } from './types';

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

function nonNegativeInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
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

/** Validates `GET /contacts/{id}`'s `{ data: Contact }`. */
export function parseContactReply(body: unknown): Contact {
  if (!isObject(body) || !('data' in body)) {
    throw badData('no "data" in the contact reply');
  }
  return parseContact(body.data);
}

/**
 * Validates `GET /contacts`'s `{ contacts, pagination }`. Pagination fields that are missing are
 * derived from what is known (the requested page and size), so a sparse but sane reply still pages.
 */
export function parseContactPage(body: unknown, requestedPage: number, requestedPerPage: number): ContactPage {
  if (!isObject(body) || !Array.isArray(body.contacts)) {
    throw badData('no "contacts" list in the reply');
  }
  const contacts = body.contacts.map(parseContact);
  const raw = isObject(body.pagination) ? body.pagination : {};
  const perPage = positiveInt(raw.per_page) ?? requestedPerPage;
  const currentPage = positiveInt(raw.current_page) ?? requestedPage;
  const totalCount = nonNegativeInt(raw.total_count) ?? (currentPage - 1) * perPage + contacts.length;
  const totalPages = nonNegativeInt(raw.total_pages) ?? Math.ceil(totalCount / perPage);
  const pagination: Pagination = { currentPage, perPage, totalPages, totalCount };
  return { contacts, pagination };
}
