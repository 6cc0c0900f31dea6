/** The user who owns a contact in the organisation. Every field may be absent in real data. */
export interface ContactOwner {
  readonly id?: number;
  readonly email?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly name?: string;
}

/**
 * A Linq contact after validation. Text fields the API documents as strings are `undefined` when the
 * server sent `null`, an empty string, a non-string or nothing. All text is untrusted: show it as text.
 */
export interface Contact {
  readonly id: number;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly fullName?: string;
  readonly email?: string;
  readonly phoneNumber?: string;
  readonly company?: string;
  readonly title?: string;
  readonly location?: string;
  /** Any string the server sent; only show it when it is an `https:` URL. */
  readonly imageUrl?: string;
  readonly createdAt?: string;
  readonly updatedAt?: string;
  readonly owner?: ContactOwner;
}

/** A contact's text fields (every field but `id` and `owner`), and its owner's. */
export const CONTACT_TEXT_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phoneNumber',
  'company',
  'title',
  'location',
  'imageUrl',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof Contact>;
export const OWNER_TEXT_FIELDS = ['email', 'firstName', 'lastName', 'name'] as const satisfies ReadonlyArray<
  keyof ContactOwner
>;

/**
 * Paging facts from a list reply. `totalPages`/`totalCount` may change while paging. When the reply had
 * no usable totals they are estimates (`estimated`): one page more while pages come back full.
 */
export interface Pagination {
  readonly currentPage: number;
  readonly perPage: number;
  readonly totalPages: number;
  readonly totalCount: number;
  readonly estimated: boolean;
}

/** One page of `GET /contacts`. */
export interface ContactPage {
  readonly contacts: readonly Contact[];
  readonly pagination: Pagination;
}

/**
 * The writable fields, in the form's order, with their names on the wire: the one list from which the
 * writable field names, `ContactFields`, the form's fields and the request bodies derive.
 */
export const CONTACT_FIELD_WIRE = {
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  phoneNumber: 'phone_number',
  company: 'company',
  title: 'title',
  location: 'location',
} as const satisfies Partial<Record<keyof Contact, string>>;

export type ContactFieldName = keyof typeof CONTACT_FIELD_WIRE;

/**
 * The fields a create or update sends, as the user typed them (trimmed). In an update an empty string
 * clears the field; a field left out stays as it is.
 */
export type ContactFields = { readonly [F in ContactFieldName]?: string };

export const CONTACT_FIELD_NAMES = Object.keys(CONTACT_FIELD_WIRE) as ContactFieldName[];

/** `find`'s question: an email address, a phone number, or both (either may match). */
export interface FindQuery {
  readonly email?: string;
  readonly phone?: string;
}
