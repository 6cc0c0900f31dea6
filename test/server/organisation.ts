import { makeContact, type WireContact } from './contactFactory';
import { e164, EMAIL_SHAPE } from './replies';
import type { StandInOptions } from './standInOptions';

/** Users of the stand-in's organisation: the only owners `user_email` may name. */
export const STAND_IN_USERS = [
  { id: 456, email: 'owner@company.example', first_name: 'Jane', last_name: 'Owner', name: 'Jane Owner' },
  { id: 457, email: 'sales@company.example', first_name: 'Sam', last_name: 'Seller', name: 'Sam Seller' },
] as const;

/** The fields a create or update may carry. */
const WRITABLE = ['first_name', 'last_name', 'email', 'phone_number', 'company', 'title', 'location'] as const;
const IDENTIFYING = ['first_name', 'last_name', 'email', 'phone_number'] as const;

/** What a write did: the status Linq answers with, and its body. */
export interface WriteResult {
  readonly status: number;
  readonly body?: unknown;
}

function withFullName(contact: WireContact): WireContact {
  contact.full_name =
    [contact.first_name, contact.last_name].filter((v) => typeof v === 'string' && v !== '').join(' ') || null;
  return contact;
}

function validation(message: string, errors: string[]): WriteResult {
  return { status: 422, body: { status: 'error', error_code: 'VALIDATION_ERROR', message, errors } };
}

/**
 * The stand-in's organisation: `count` generated contacts (ids 1…count, made on demand so 100,000 cost
 * nothing), the ones added at the front (creates, the shift switch, `addBehind`), the ones changed and deleted.
 * Listed newest first, as Linq lists them.
 */
export class Organisation {
  /** Contacts added at the front (the shift switch, creates), newest first. */
  private shifted: WireContact[] = [];
  /** Generated contacts changed by an update (by id), and the generated ones deleted (0-based, sorted). */
  private readonly edited = new Map<number, WireContact>();
  private deletedBase: number[] = [];
  /** Every contact created through the API, oldest first (deleted ones too). */
  readonly created: WireContact[] = [];
  private nextCreatedId = 2_000_001;
  private clock = 0;

  constructor(private readonly state: StandInOptions) {}

  /** A timestamp later than every one handed out before (two writes in one millisecond still differ). */
  private now(): string {
    this.clock = Math.max(this.clock + 1, Date.now());
    return new Date(this.clock).toISOString();
  }

  private generated(i: number): WireContact {
    return this.edited.get(i + 1) ?? makeContact(i, this.state.hostile);
  }

  /** The contact at a position of the list (0-based). */
  at(index: number): WireContact | undefined {
    if (index < this.shifted.length) {
      return this.shifted[index];
    }
    let i = index - this.shifted.length;
    for (const d of this.deletedBase) {
      if (d > i) {
        break;
      }
      i++;
    }
    return i < this.state.count ? this.generated(i) : undefined;
  }

  /** A contact past the end, for the endless and oversized switches. */
  fresh(index: number): WireContact {
    return makeContact(index, this.state.hostile);
  }

  /** How many contacts the organisation holds now. */
  total(): number {
    return this.state.count - this.deletedBase.length + this.shifted.length;
  }

  byId(id: number): WireContact | undefined {
    const front = this.shifted.find((c) => c.id === id);
    if (front) {
      return front;
    }
    return Number.isSafeInteger(id) && id >= 1 && id <= this.state.count && !this.deletedBase.includes(id - 1)
      ? this.generated(id - 1)
      : undefined;
  }

  private store(contact: WireContact): void {
    const at = this.shifted.findIndex((c) => c.id === contact.id);
    if (at >= 0) {
      this.shifted[at] = contact;
    } else {
      this.edited.set(contact.id, contact);
    }
  }

  private remove(id: number): void {
    const at = this.shifted.findIndex((c) => c.id === id);
    if (at >= 0) {
      this.shifted.splice(at, 1);
    } else {
      this.deletedBase = [...this.deletedBase, id - 1].sort((a, b) => a - b);
    }
  }

  /** As Linq's `find`: either the email (ignoring case) or the phone number (as E.164) matches. */
  matching(query: { email?: string; phone?: string }): WireContact[] {
    const email = query.email?.toLowerCase();
    const phone = query.phone !== undefined ? e164(query.phone) : undefined;
    const hit = (c: WireContact): boolean =>
      (email !== undefined && typeof c.email === 'string' && c.email.toLowerCase() === email) ||
      (phone !== undefined && typeof c.phone_number === 'string' && e164(c.phone_number) === phone);
    const found = [...this.shifted, ...this.edited.values()].filter((c) => this.byId(c.id) === c && hit(c));
    // Generated contacts carry their index in the address and the number: look there, not through all.
    const candidates = [
      Number(/(\d+)@/.exec(email ?? '')?.[1]),
      phone?.startsWith('+1555') ? Number(phone.slice(-7)) - 1_000_000 + 1 : NaN,
    ];
    for (const id of candidates) {
      const c = Number.isSafeInteger(id) && !this.edited.has(id) ? this.byId(id) : undefined;
      if (c && hit(c) && !found.includes(c)) {
        found.push(c);
      }
    }
    return found;
  }

  /** A new contact arrives at the front (the shift switch), moving every later page by one. */
  shiftInOne(): void {
    const newId = 1_000_000 + this.shifted.length + 1;
    this.shifted = [{ ...makeContact(newId, false), id: newId, full_name: `New Arrival ${newId}` }, ...this.shifted];
  }

  private owner(email: unknown): Record<string, unknown> | null {
    if (email === undefined || email === null || email === '') {
      return { ...STAND_IN_USERS[0] };
    }
    const user = STAND_IN_USERS.find((u) => typeof email === 'string' && u.email === email.toLowerCase());
    return user ? { ...user } : null;
  }

  /** `DELETE /contacts/{id}`: 204, or 404 for an unknown id. */
  delete(id: number | undefined): WriteResult {
    if (id === undefined || !this.byId(id)) {
      return { status: 404 };
    }
    this.remove(id);
    return { status: 204 };
  }

  /**
   * `POST /contacts` (no id) and `PUT`/`PATCH /contacts/{id}` as Linq documents them: 422 with `errors[]` for
   * what it refuses, 201 and 200 with `{ data }`, 404 for an unknown id. Done before it answers.
   */
  save(id: number | undefined, text: string): WriteResult {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return {
        status: 400,
        body: { status: 'error', error_code: 'BAD_REQUEST', message: 'Malformed JSON', errors: [] },
      };
    }
    const request = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
    const fields = (typeof request.contact === 'object' && request.contact !== null ? request.contact : {}) as Record<
      string,
      unknown
    >;
    const errors: string[] = [];
    if (!IDENTIFYING.some((k) => typeof fields[k] === 'string' && fields[k] !== '')) {
      errors.push('At least one of first_name, last_name, email, or phone_number must be present');
    }
    if (typeof fields.email === 'string' && fields.email !== '' && !EMAIL_SHAPE.test(fields.email)) {
      errors.push('Email is invalid');
    }
    if (errors.length > 0) {
      return validation('Validation failed', errors);
    }
    const newOwner = 'user_email' in request ? this.owner(request.user_email) : undefined;
    if (newOwner === null) {
      return validation('User not found', ['User not found']);
    }
    const existing = id !== undefined ? this.byId(id) : undefined;
    if (id !== undefined && !existing) {
      return { status: 404 };
    }
    const stamp = this.now();
    const next: WireContact = existing
      ? { ...existing }
      : {
          id: this.nextCreatedId++,
          image_url: null,
          created_at: stamp,
          contact_owner: newOwner ?? { ...STAND_IN_USERS[0] },
        };
    for (const key of WRITABLE) {
      if (typeof fields[key] === 'string') {
        next[key] = fields[key] === '' ? null : fields[key];
      }
    }
    if (newOwner) {
      next.contact_owner = newOwner;
    }
    withFullName(next);
    next.updated_at = stamp;
    if (existing) {
      this.store(next);
      return { status: 200, body: { data: next } };
    }
    this.shifted = [next, ...this.shifted];
    this.created.push(next);
    return { status: 201, body: { data: next } };
  }

  /** Changes a contact behind the client's back, as Linq's own app would (a new `updated_at`). */
  changeBehind(id: number, fields: Record<string, string>): WireContact | undefined {
    const existing = this.byId(id);
    if (!existing) {
      return undefined;
    }
    const next = withFullName({ ...existing, ...fields, updated_at: this.now() });
    this.store(next);
    return next;
  }

  /** Deletes a contact behind the client's back; false when there was none. */
  deleteBehind(id: number): boolean {
    return this.delete(id).status === 204;
  }

  /** Adds a contact behind the client's back, first in the list (Linq lists the newest first). */
  addBehind(fields: Record<string, string>): WireContact {
    const stamp = this.now();
    const contact = withFullName({
      ...makeContact(0, false),
      id: this.nextCreatedId++,
      ...fields,
      created_at: stamp,
      updated_at: stamp,
    });
    this.shifted = [contact, ...this.shifted];
    return contact;
  }

  /** Drops shifted-in contacts and every write. */
  reset(): void {
    this.edited.clear();
    this.deletedBase = [];
    this.created.length = 0;
    this.shifted = [];
  }
}
