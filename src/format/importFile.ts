import { parse } from 'csv-parse/sync';
import { checkDraft, toDraft, type Draft, type DraftProblem } from './contactDraft';
import { splitPersonName } from './personName';
import { normalizePhone } from './phone';
import { parseVCards } from './vcardParse';

/** What a file held: its contacts as drafts, and the columns that were not read. */
export interface ImportRead {
  readonly drafts: readonly Draft[];
  /** CSV headers (or JSON keys) not mapped to a field, as written in the file. */
  readonly ignored: readonly string[];
}

/** Header names (lower-case letters and digits only) → the field they fill. */
const HEADER_FIELDS: Readonly<Record<string, keyof Draft | 'fullName'>> = {
  firstname: 'firstName',
  givenname: 'firstName',
  first: 'firstName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  last: 'lastName',
  fullname: 'fullName',
  name: 'fullName',
  displayname: 'fullName',
  email: 'email',
  emailaddress: 'email',
  mail: 'email',
  email1: 'email',
  emailaddress1: 'email',
  phone: 'phoneNumber',
  phonenumber: 'phoneNumber',
  mobile: 'phoneNumber',
  mobilephone: 'phoneNumber',
  cell: 'phoneNumber',
  tel: 'phoneNumber',
  telephone: 'phoneNumber',
  businessphone: 'phoneNumber',
  company: 'company',
  companyname: 'company',
  organization: 'company',
  organisation: 'company',
  org: 'company',
  title: 'title',
  jobtitle: 'title',
  position: 'title',
  role: 'title',
  location: 'location',
  city: 'location',
  address: 'location',
};

/** The export's own formula guard (`'` before `=`, `+`, `-`, `@`, tab or CR) taken off again. */
function unguard(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function fromRecord(record: Readonly<Record<string, unknown>>, ignored: Set<string>): Draft {
  const values: Record<string, string> = {};
  let fullName = '';
  for (const [header, raw] of Object.entries(record)) {
    const field = HEADER_FIELDS[header.toLowerCase().replace(/[^a-z0-9]/g, '')];
    const value = typeof raw === 'string' ? unguard(raw).trim() : '';
    if (field === undefined) {
      ignored.add(header);
    } else if (field === 'fullName') {
      fullName ||= value;
    } else if (field !== 'ownerEmail') {
      values[field] ||= value;
    }
  }
  const draft = toDraft(values);
  if (draft.firstName === '' && draft.lastName === '' && fullName !== '' && !fullName.includes('@')) {
    const name = splitPersonName(fullName);
    return { ...draft, firstName: name.first, lastName: name.last };
  }
  return draft;
}

/** CSV with a header line (the export's columns; other headers mapped by name). */
function readCsv(text: string): ImportRead {
  const records = parse<Record<string, string>>(text, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: false,
  });
  const ignored = new Set<string>();
  return { drafts: records.map((r) => fromRecord(r, ignored)), ignored: [...ignored] };
}

/** The export's JSON: an array of contacts under the API's field names (or `{ contacts: [...] }`). */
function readJson(text: string): ImportRead {
  const value: unknown = JSON.parse(text);
  const list: unknown = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null && 'contacts' in value
      ? value.contacts
      : undefined;
  if (!Array.isArray(list)) {
    throw new Error('not a list of contacts');
  }
  const ignored = new Set<string>();
  const drafts = list
    .filter(
      (item): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item),
    )
    .map((item) => fromRecord(item, ignored));
  return { drafts, ignored: [...ignored] };
}

/**
 * Reads an import file by its extension: `.vcf` (vCard 2.1/3.0/4.0), `.csv` or `.json` (the export's
 * formats read back). Throws with a short reason when the file is not of that kind.
 */
export function readImportFile(fileName: string, text: string): ImportRead {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'vcf' || ext === 'vcard') {
    return { drafts: parseVCards(text), ignored: [] };
  }
  if (ext === 'csv') {
    return readCsv(text);
  }
  if (ext === 'json') {
    return readJson(text);
  }
  throw new Error('only .vcf, .csv and .json files can be imported');
}

/** Why one row of a file cannot be imported (the client-side checks). */
export type ImportRefusal = DraftProblem['problem'];

/** The keys by which two contacts are the same person: the email (lower-case) and the phone (E.164). */
export function identityKeys(draft: Draft): string[] {
  const keys: string[] = [];
  if (draft.email.trim() !== '') {
    keys.push(`e:${draft.email.trim().toLowerCase()}`);
  }
  if (draft.phoneNumber.trim() !== '') {
    keys.push(`p:${normalizePhone(draft.phoneNumber)}`);
  }
  return keys;
}

/** A file's rows sorted before anything is asked of Linq. */
export interface ImportSort {
  /** Rows that pass the client's checks, each person once (the first of a file's duplicates wins). */
  readonly candidates: readonly Draft[];
  /** Rows refused by the checks, with the first reason. */
  readonly refused: ReadonlyArray<{ readonly draft: Draft; readonly why: ImportRefusal }>;
  /** Rows that repeat an earlier row's email or phone. */
  readonly repeated: number;
}

/** Checks every row and drops the file's own duplicates (same email, or the same phone after normalising). */
export function sortImport(drafts: readonly Draft[]): ImportSort {
  const seen = new Set<string>();
  const candidates: Draft[] = [];
  const refused: Array<{ draft: Draft; why: ImportRefusal }> = [];
  let repeated = 0;
  for (const raw of drafts) {
    const draft = { ...raw, ownerEmail: '' };
    const problem = checkDraft(draft)[0];
    if (problem) {
      refused.push({ draft, why: problem.problem });
      continue;
    }
    const keys = identityKeys(draft);
    if (keys.some((k) => seen.has(k))) {
      repeated++;
      continue;
    }
    keys.forEach((k) => seen.add(k));
    candidates.push(draft);
  }
  return { candidates, refused, repeated };
}
