import type * as http from 'node:http';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** The stand-in's replies in Linq's documented shapes, and the small readers its handlers share. */

export function json(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Linq's error body: `{ status, error_code, message, errors[] }`. */
export function linqError(
  res: http.ServerResponse,
  status: number,
  errorCode: string,
  message: string,
  errors: string[] = [],
  headers: http.OutgoingHttpHeaders = {},
): void {
  json(res, status, { status: 'error', error_code: errorCode, message, errors }, headers);
}

export function notFound(res: http.ServerResponse): void {
  linqError(res, 404, 'CONTACT_NOT_FOUND', 'Contact not found', [
    'The requested contact does not exist or is not accessible to your organization',
  ]);
}

/** True for the Nth, 2Nth… request (`n` 0: never). */
export function every(n: number, i: number): boolean {
  return n > 0 && i % n === 0;
}

export function intParam(value: string | null, fallback: number): number {
  if (value === null || !/^-?\d+$/.test(value)) {
    return fallback;
  }
  return Number(value);
}

/** E.164 as Linq's `find` compares phone numbers (US when no country code is written), or the digits. */
export function e164(phone: string): string {
  const parsed = parsePhoneNumberFromString(phone, 'US');
  return parsed?.isPossible() ? parsed.number : phone.replace(/\D/g, '');
}

/** The email shape Linq accepts. */
export const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
