import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Contact, ContactOwner } from '../api/types';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** The copy's plain content before compression: a header line, then the contacts in lines of this many. */
const CONTACTS_PER_LINE = 1_000;
const FORMAT = 'linq-contacts-copy';
const VERSION = 1;

/** What the copy holds: the connection's contacts, how far its walk got, and when. Nothing else. */
export interface CopyContent {
  readonly contacts: readonly Contact[];
  readonly totalCount: number;
  readonly complete: boolean;
  /** When the contacts were loaded (ms since the epoch). */
  readonly takenAt: number;
}

interface Header {
  readonly format: string;
  readonly version: number;
  readonly count: number;
  readonly totalCount: number;
  readonly complete: boolean;
  readonly takenAt: number;
}

/** Lets the event loop run between two slices of work (other extensions, the UI's requests). */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The copy's plain bytes, gzip-compressed (contacts repeat keys and domains: about 5× smaller). JSON is
 * built a thousand contacts at a time and compression runs on libuv's pool, so the extension host's
 * event loop is never held for long.
 */
export async function encodeCopy(content: CopyContent): Promise<Buffer> {
  const header: Header = {
    format: FORMAT,
    version: VERSION,
    count: content.contacts.length,
    totalCount: content.totalCount,
    complete: content.complete,
    takenAt: content.takenAt,
  };
  const parts: string[] = [JSON.stringify(header)];
  for (let at = 0; at < content.contacts.length; at += CONTACTS_PER_LINE) {
    parts.push(JSON.stringify(content.contacts.slice(at, at + CONTACTS_PER_LINE)));
    await breathe();
  }
  return gzipAsync(Buffer.from(parts.join('\n'), 'utf8'));
}

/**
 * The copy's content from its plain bytes, parsed a line (a thousand contacts) at a time. Anything but
 * what `encodeCopy` writes (another version, a contact of the wrong shape) throws: the copy is then deleted.
 */
export async function decodeCopy(compressed: Buffer): Promise<CopyContent> {
  const plain = await gunzipAsync(compressed);
  let start = 0;
  const nextLine = (): string | undefined => {
    if (start > plain.length) {
      return undefined;
    }
    let end = plain.indexOf(0x0a, start);
    if (end < 0) {
      end = plain.length;
    }
    const line = plain.toString('utf8', start, end);
    start = end + 1;
    return line;
  };
  const header = JSON.parse(nextLine() ?? '') as unknown;
  if (!isHeader(header)) {
    throw new Error('The copy is of another format or version.');
  }
  const contacts: Contact[] = [];
  for (let line = nextLine(); line !== undefined; line = nextLine()) {
    const batch = JSON.parse(line) as unknown;
    if (!Array.isArray(batch) || !batch.every(isContact)) {
      throw new Error('The copy holds something that is not a contact.');
    }
    contacts.push(...batch);
    await breathe();
  }
  if (contacts.length !== header.count) {
    throw new Error('The copy is incomplete.');
  }
  return { contacts, totalCount: Math.max(header.totalCount, contacts.length), complete: header.complete, takenAt: header.takenAt };
}

function isHeader(value: unknown): value is Header {
  const h = value as Partial<Header> | null;
  return (
    typeof h === 'object' &&
    h !== null &&
    h.format === FORMAT &&
    h.version === VERSION &&
    Number.isSafeInteger(h.count) &&
    Number.isSafeInteger(h.totalCount) &&
    typeof h.complete === 'boolean' &&
    Number.isFinite(h.takenAt)
  );
}

const TEXT_FIELDS = ['firstName', 'lastName', 'fullName', 'email', 'phoneNumber', 'company', 'title', 'location', 'imageUrl', 'createdAt', 'updatedAt'] as const;
const OWNER_TEXT = ['email', 'firstName', 'lastName', 'name'] as const;

/** The shape validation gave every contact: a whole-number id, text or nothing in each field. */
function isContact(value: unknown): value is Contact {
  const c = value as Record<string, unknown> | null;
  if (typeof c !== 'object' || c === null || !Number.isSafeInteger(c.id)) {
    return false;
  }
  if (!TEXT_FIELDS.every((f) => c[f] === undefined || typeof c[f] === 'string')) {
    return false;
  }
  const owner = c.owner as Record<keyof ContactOwner, unknown> | undefined | null;
  return (
    owner === undefined ||
    (typeof owner === 'object' && owner !== null && (owner.id === undefined || Number.isSafeInteger(owner.id)) && OWNER_TEXT.every((f) => owner[f] === undefined || typeof owner[f] === 'string'))
  );
}
