import type * as http from 'node:http';
import type { WireContact } from './contactFactory';
import type { Organisation, WriteResult } from './organisation';
import { EMAIL_SHAPE, every, intParam, json, linqError, notFound } from './replies';
import type { StandInOptions } from './standInOptions';

/** One request to `/contacts…` past the token check and the faults. */
export interface Exchange {
  readonly res: http.ServerResponse;
  readonly url: URL;
  /** The id in `/contacts/{id}` (`NaN` when it is not a number). */
  readonly id: number;
  /** The request's body as text (`''` for reads). */
  readonly body: string;
  /** The request's number among list requests since the last `configure` (1-based; lists only). */
  readonly listCounter: number;
  record(status: number): void;
}

/** A read's answer: the body of a 200 (the truncate switch may still cut it), or `undefined` when it replied. */
export type ReadAnswer = { readonly ok: unknown } | undefined;

/** The context every handler has: the switches and the organisation. */
export interface Api {
  readonly state: StandInOptions;
  readonly org: Organisation;
}

/** `GET /contacts?page&per_page`: a page in Linq's shape, with the list faults (failed pages, shifts, liars). */
export function listContacts({ state, org }: Api, x: Exchange): ReadAnswer {
  if (state.failPages.includes(Number(x.url.searchParams.get('page')))) {
    x.record(503);
    linqError(x.res, 503, 'SERVICE_UNAVAILABLE', 'Try again later');
    return undefined;
  }
  if (every(state.shiftEvery, x.listCounter)) {
    org.shiftInOne();
  }
  const page = Math.max(1, intParam(x.url.searchParams.get('page'), 1));
  const requested = intParam(x.url.searchParams.get('per_page'), 25);
  const perPage = requested < 1 ? 25 : Math.min(100, requested);
  const rows = state.oversizeFactor > 0 ? perPage * state.oversizeFactor : perPage;
  const start = (page - 1) * rows;
  const contacts: WireContact[] = [];
  const total = org.total();
  const end = state.endless || state.oversizeFactor > 0 ? start + rows : Math.min(start + rows, total);
  for (let i = start; i < end; i++) {
    const c = i < total ? org.at(i) : org.fresh(i);
    if (c) {
      contacts.push(c);
    }
  }
  const claimPages = state.claimTotalPages || (state.oversizeFactor > 0 ? 4_000_000_000 : Math.ceil(total / perPage));
  const claimCount = state.claimTotalCount || (state.oversizeFactor > 0 ? 400_000_000_000 : total);
  const pagination = { current_page: page, per_page: perPage, total_pages: claimPages, total_count: claimCount };
  if (state.pagination === 'missing') {
    return { ok: { contacts } };
  }
  if (state.pagination === 'strings') {
    return {
      ok: { contacts, pagination: Object.fromEntries(Object.entries(pagination).map(([k, v]) => [k, String(v)])) },
    };
  }
  return { ok: { contacts, pagination } };
}

/** `GET /contacts/{id}`: `{ data }`, or 404 (the wrong-id switch answers about another contact). */
export function getContact({ state, org }: Api, x: Exchange): ReadAnswer {
  const contact = org.byId(x.id);
  if (!contact) {
    x.record(404);
    notFound(x.res);
    return undefined;
  }
  return { ok: { data: state.wrongIdOffset ? { ...contact, id: contact.id + state.wrongIdOffset } : contact } };
}

/** `GET /contacts/find?email|phone_number`: the contact itself, or `{ "contact": null }`; 400 and 422 as documented. */
export function findContact({ state, org }: Api, x: Exchange): ReadAnswer {
  const email = x.url.searchParams.get('email') ?? undefined;
  const phone = x.url.searchParams.get('phone_number') ?? undefined;
  if (!email && !phone) {
    x.record(400);
    linqError(x.res, 400, 'BAD_REQUEST', 'email or phone_number is required');
    return undefined;
  }
  if ((email && !EMAIL_SHAPE.test(email)) || (phone && phone.replace(/\D/g, '').length < 7)) {
    x.record(422);
    linqError(x.res, 422, 'VALIDATION_ERROR', 'Invalid email or phone number format', [
      'Invalid email or phone number format',
    ]);
    return undefined;
  }
  if (state.findAnswersOther) {
    // A server that answers with someone else: the first contact whose email and phone are neither asked value.
    const asked = new Set(org.matching({ email, phone }).map((c) => c.id));
    for (let i = 0; i < org.total(); i++) {
      const other = org.at(i);
      if (other && !asked.has(other.id)) {
        return { ok: other };
      }
    }
  }
  return { ok: org.matching({ email, phone })[0] ?? { contact: null } };
}

/** `POST /contacts`: 201 `{ data }`, 422 in Linq's words. */
export const createContact = ({ org }: Api, x: Exchange): WriteResult => org.save(undefined, x.body);

/** `PUT` / `PATCH /contacts/{id}`: 200 `{ data }`, 404, 422. */
export const updateContact = ({ org }: Api, x: Exchange): WriteResult => org.save(x.id, x.body);

/** `DELETE /contacts/{id}`: 204, 404. */
export const deleteContact = ({ org }: Api, x: Exchange): WriteResult => org.delete(x.id);

/** Sends a write's result: Linq's 404 body, an empty 204, or JSON. */
export function sendWrite(res: http.ServerResponse, result: WriteResult): void {
  if (result.status === 404) {
    notFound(res);
  } else if (result.status === 204) {
    res.writeHead(204);
    res.end();
  } else {
    json(res, result.status, result.body);
  }
}
