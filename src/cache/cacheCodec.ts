import { once } from 'node:events';
import { promisify } from 'node:util';
import { createGunzip, createGzip, gunzip } from 'node:zlib';
import { readIfThere } from './cacheFile';
import { decryptCache } from './cacheCipher';
import { CONTACT_TEXT_FIELDS, OWNER_TEXT_FIELDS, type Contact, type ContactOwner } from '../api/types';

const gunzipAsync = promisify(gunzip);

/** The cache's plain content before compression: a header line, then the contacts in lines of this many. */
const CONTACTS_PER_LINE = 1_000;
// The format's name in the file's header, as written since the first version (files written before stay readable).
const FORMAT = 'linq-contacts-copy';
const VERSION = 1;

/**
 * Contacts held from before (the encrypted cache, or what the store showed when Refresh was asked): in the
 * API's order, with how far the walk that made them got and when. The cache's file holds exactly this.
 */
export interface HeldContacts {
  readonly contacts: readonly Contact[];
  /** The server's `total_count` then (never less than the contacts). */
  readonly totalCount: number;
  /** True when that walk had every contact of the organisation. */
  readonly complete: boolean;
  /** When the contacts were loaded (ms since the epoch). */
  readonly takenAt: number;
  /** What other windows over the same cache read to follow this one (see `CacheShare`). */
  readonly share?: CacheShare;
}

/**
 * What lets windows with the same connection share one organisation through the cache: who wrote it and when, the ids
 * deleted lately, and (for a complete list) when the walk that made it started.
 */
export interface CacheShare {
  /** The writing window's random id: a window ignores its own writes. */
  readonly writer: string;
  /** When it was written (ms): only a newer write is taken in. */
  readonly generation: number;
  /** Ids deleted lately (at most `MAX_SHARED_DELETES`, the latest last). */
  readonly deleted: readonly number[];
  /** When the walk that made a complete list started: contacts that arrived later elsewhere are kept. */
  readonly walkStartedAt?: number;
}

/** Deletes a cache names for other windows, at most. */
export const MAX_SHARED_DELETES = 1_000;

interface Header {
  readonly format: string;
  readonly version: number;
  readonly count: number;
  readonly totalCount: number;
  readonly complete: boolean;
  readonly takenAt: number;
  readonly share?: CacheShare;
}

/** Lets the event loop run between two slices of work (other extensions, the UI's requests). */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A cache being read: its first contacts at once, all of them when asked. */
export interface OpenedCache {
  /** The header and the first thousand contacts (marked incomplete unless that is all). */
  readonly first: HeldContacts;
  /**
   * Every contact, parsed at the first call (a window that only needed the header, to see who wrote it, parses
   * nothing more); rejects when the rest is not what `encodeCache` writes. The first call's `take` is handed each
   * thousand contacts as they are parsed (what is held grows while the rest is read).
   */
  whole(take?: (batch: readonly Contact[]) => void): Promise<HeldContacts>;
}

/**
 * The cache's plain bytes: a 4-byte length, then two gzip parts — the header with the first thousand
 * contacts, then the rest — so a start shows rows after reading the small part (about 1 ms) while the rest
 * is parsed. Contacts repeat keys and domains: compressed, the file is several times smaller. JSON is built
 * a thousand contacts at a time, each piece handed to compression on libuv's pool before the next is built: the event
 * loop is never held long, and the 40 MB of JSON never exist at once. The contacts are the ones held when it starts
 * (a list that grows meanwhile is read up to that length).
 */
export async function encodeCache(content: HeldContacts): Promise<Buffer> {
  const count = content.contacts.length;
  const header: Header = {
    format: FORMAT,
    version: VERSION,
    count,
    totalCount: content.totalCount,
    complete: content.complete,
    takenAt: content.takenAt,
    ...(content.share && { share: { ...content.share, deleted: content.share.deleted.slice(-MAX_SHARED_DELETES) } }),
  };
  const line = (at: number): string =>
    JSON.stringify(content.contacts.slice(at, Math.min(at + CONTACTS_PER_LINE, count)));
  const head = await gzipLines(count > 0 ? 2 : 1, (i) => (i === 0 ? JSON.stringify(header) : line(0)));
  const rest = await gzipLines(Math.max(0, Math.ceil(count / CONTACTS_PER_LINE) - 1), (i) =>
    line((i + 1) * CONTACTS_PER_LINE),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.length);
  return Buffer.concat([length, head, rest]);
}

/**
 * `lineCount` lines (`lineAt` builds each when its turn comes) joined by `\n`, gzip-compressed on libuv's pool: the
 * next line is built once the last one was taken (and the event loop ran), so no more than a line or two wait at once.
 */
async function gzipLines(lineCount: number, lineAt: (i: number) => string): Promise<Buffer> {
  const zip = createGzip();
  const out: Buffer[] = [];
  zip.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    zip.on('end', resolve);
    zip.on('error', reject);
  });
  for (let i = 0; i < lineCount; i++) {
    const line = lineAt(i);
    if (!zip.write(i === 0 ? line : `\n${line}`)) {
      await once(zip, 'drain');
    } else {
      await breathe();
    }
  }
  zip.end();
  await ended;
  return Buffer.concat(out);
}

/**
 * Opens the cache's plain bytes: the header and first contacts now, the rest (when asked) parsed a line (a
 * thousand contacts) at a time. Anything but what `encodeCache` writes (another version, a contact of the wrong
 * shape) throws or rejects: the cache is then deleted.
 */
export async function openCache(plain: Buffer): Promise<OpenedCache> {
  const headLength = plain.length >= 4 ? plain.readUInt32BE(0) : Number.NaN;
  if (!(headLength <= plain.length - 4)) {
    throw new Error('The copy is of another format.');
  }
  const headLines = splitLines(await gunzipAsync(plain.subarray(4, 4 + headLength)));
  const header = JSON.parse(headLines[0] ?? '') as unknown;
  if (!isHeader(header)) {
    throw new Error('The copy is of another format or version.');
  }
  const firstContacts = headLines.length > 1 ? contactsOf(headLines[1] ?? '') : [];
  const all = firstContacts.length === header.count;
  const first: HeldContacts = {
    contacts: firstContacts,
    totalCount: Math.max(header.totalCount, firstContacts.length),
    complete: all && header.complete,
    takenAt: header.takenAt,
    ...(header.share && { share: header.share }),
  };
  const parseRest = async (take?: (batch: readonly Contact[]) => void): Promise<HeldContacts> => {
    const contacts = [...firstContacts];
    if (!all) {
      await gunzipLines(plain.subarray(4 + headLength), (line) => {
        const batch = contactsOf(line);
        for (const contact of batch) {
          contacts.push(contact);
        }
        take?.(batch);
      });
    }
    if (contacts.length !== header.count) {
      throw new Error('The copy is incomplete.');
    }
    return {
      contacts,
      totalCount: Math.max(header.totalCount, contacts.length),
      complete: header.complete,
      takenAt: header.takenAt,
      ...(header.share && { share: header.share }),
    };
  };
  let whole: Promise<HeldContacts> | undefined;
  return { first, whole: (take) => (whole ??= parseRest(take)) };
}

/**
 * Who wrote the encrypted cache at `path` and which version it is, from its header alone (`undefined`: no file, one
 * that cannot be read, or one written without a share).
 */
export async function shareOf(path: string, key: Buffer): Promise<CacheShare | undefined> {
  try {
    const data = await readIfThere(path);
    return data && (await openCache(decryptCache(key, data))).first.share;
  } catch {
    return undefined;
  }
}

/** Decompressed output arrives in pieces of this size: smaller than a line, so one piece completes a line at most. */
const GUNZIP_CHUNK_BYTES = 256 * 1024;

/**
 * Decompresses a part on libuv's pool and hands each line to `take` as soon as it is whole, while the pool goes on
 * with the next piece: parsing overlaps decompression, the event loop runs between lines, and no 40 MB text is ever
 * built. Rejects with the first error of either.
 */
function gunzipLines(compressed: Buffer, take: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES });
    let partial: Buffer[] = [];
    const fail = (error: unknown): void => {
      zip.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    zip.on('data', (chunk: Buffer) => {
      try {
        let start = 0;
        for (let end = chunk.indexOf(0x0a); end >= 0; end = chunk.indexOf(0x0a, start)) {
          partial.push(chunk.subarray(start, end));
          take(Buffer.concat(partial).toString('utf8'));
          partial = [];
          start = end + 1;
        }
        if (start < chunk.length) {
          partial.push(chunk.subarray(start));
        }
      } catch (error) {
        fail(error);
      }
    });
    zip.on('end', () => {
      try {
        if (partial.length > 0) {
          take(Buffer.concat(partial).toString('utf8'));
        }
        resolve();
      } catch (error) {
        fail(error);
      }
    });
    zip.on('error', fail);
    zip.end(compressed);
  });
}

/** The lines of a part, as text (an empty part has none). */
function splitLines(bytes: Buffer): string[] {
  return bytes.length === 0 ? [] : bytes.toString('utf8').split('\n');
}

/** One line's contacts; throws when it holds anything else. */
function contactsOf(line: string): Contact[] {
  const batch = JSON.parse(line) as unknown;
  if (!Array.isArray(batch) || !batch.every(isContact)) {
    throw new Error('The copy holds something that is not a contact.');
  }
  return batch;
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
    Number.isFinite(h.takenAt) &&
    (h.share === undefined || isShare(h.share))
  );
}

/** Files written before the share was added have none; a share of another shape is another format. */
function isShare(value: unknown): value is CacheShare {
  const s = value as Partial<CacheShare> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.writer === 'string' &&
    s.writer.length <= 64 &&
    Number.isFinite(s.generation) &&
    Array.isArray(s.deleted) &&
    s.deleted.length <= MAX_SHARED_DELETES &&
    s.deleted.every((id) => Number.isSafeInteger(id)) &&
    (s.walkStartedAt === undefined || Number.isFinite(s.walkStartedAt))
  );
}

/** The shape validation gave every contact: a whole-number id, text or nothing in each field. */
function isContact(value: unknown): value is Contact {
  const c = value as Record<string, unknown> | null;
  if (typeof c !== 'object' || c === null || !Number.isSafeInteger(c.id)) {
    return false;
  }
  if (!CONTACT_TEXT_FIELDS.every((f) => c[f] === undefined || typeof c[f] === 'string')) {
    return false;
  }
  const owner = c.owner as Record<keyof ContactOwner, unknown> | undefined | null;
  return (
    owner === undefined ||
    (typeof owner === 'object' &&
      owner !== null &&
      (owner.id === undefined || Number.isSafeInteger(owner.id)) &&
      OWNER_TEXT_FIELDS.every((f) => owner[f] === undefined || typeof owner[f] === 'string'))
  );
}
