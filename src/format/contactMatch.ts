import type { Contact } from '../api/types';
import { displayName, foldForSearch, searchableText } from './contactText';

/** `foldAhead` works in slices of about this long. */
const FOLD_SLICE_MS = 12;

/** Folded name and search text per contact, computed once (contacts are immutable once validated). */
const folded = new WeakMap<Contact, { name: string; text: string }>();

function foldedOf(contact: Contact): { name: string; text: string } {
  let f = folded.get(contact);
  if (!f) {
    f = { name: foldForSearch(displayName(contact)), text: searchableText(contact) };
    folded.set(contact, f);
  }
  return f;
}

/**
 * Folds the search texts of `contacts` ahead of any search, a slice of about `sliceMs` at a time with the event loop
 * free between slices; stops early once `stillWanted` says no. A search over them afterwards only compares.
 */
export async function foldAhead(
  contacts: readonly Contact[],
  stillWanted: () => boolean,
  sliceMs = FOLD_SLICE_MS,
): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < contacts.length; i++) {
    foldedOf(contacts[i] as Contact);
    if ((i & 255) === 255 && performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      if (!stillWanted()) {
        return;
      }
      sliceStart = performance.now();
    }
  }
}

/** The words of a query, folded (case and accents), empty words dropped. */
export function queryWords(query: string): string[] {
  return foldForSearch(query)
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** True when a word of `text` (after a space, `.`, `@`, `-`, `,` or a line break) starts with `prefix`. */
function wordStartsWith(text: string, prefix: string): boolean {
  for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
    if (at === 0 || /[\s.@,\-_(/]/.test(text[at - 1] ?? '')) {
      return true;
    }
  }
  return false;
}

/**
 * How well a contact matches: 0 when the name starts with the query, 1 when a word (of the name, email,
 * company or title) starts with its first word, 2 when every word merely occurs somewhere; `undefined`
 * when some word occurs nowhere. An empty query matches everything at rank 0.
 */
export function matchRank(contact: Contact, words: readonly string[]): 0 | 1 | 2 | undefined {
  if (words.length === 0) {
    return 0;
  }
  const { name, text } = foldedOf(contact);
  return rankOf(name, text, words, words.join(' '));
}

/** `matchRank` on a contact's folded name and text (`joined`: the words joined by spaces). */
function rankOf(name: string, text: string, words: readonly string[], joined: string): 0 | 1 | 2 | undefined {
  if (!words.every((w) => text.includes(w))) {
    return undefined;
  }
  if (name.startsWith(joined)) {
    return 0;
  }
  return wordStartsWith(text, words[0] ?? '') ? 1 : 2;
}

/** The best `limit` matches in rank order (ties in the given order), and how many match in all. */
export function bestMatches(
  contacts: readonly Contact[],
  query: string,
  limit: number,
): { shown: Contact[]; total: number } {
  const words = queryWords(query);
  const byRank: [Contact[], Contact[], Contact[]] = [[], [], []];
  let total = 0;
  for (const contact of contacts) {
    const rank = matchRank(contact, words);
    if (rank === undefined) {
      continue;
    }
    total++;
    // Later ranks can never push out an earlier one: stop filling a rank once the better ones fill the cap.
    const better = rank === 0 ? 0 : rank === 1 ? byRank[0].length : byRank[0].length + byRank[1].length;
    if (better + byRank[rank].length < limit) {
      byRank[rank].push(contact);
    }
  }
  return { shown: [...byRank[0], ...byRank[1], ...byRank[2]].slice(0, limit), total };
}

/**
 * `bestMatches` for one asker that queries one list again and again as the user types (a picker): the folded texts are
 * kept in arrays beside the list (which grows in place, or is replaced), and the last query's matches are kept, so a
 * query typed further (one that starts with the last) looks only at those, and at contacts that arrived since.
 */
export class ContactSearch {
  private source: readonly Contact[] | undefined;
  private names: string[] = [];
  private texts: string[] = [];
  private last: { key: string; matches: number[]; scanned: number } | undefined;

  best(contacts: readonly Contact[], query: string, limit: number): { shown: Contact[]; total: number } {
    if (contacts !== this.source || contacts.length < this.names.length) {
      this.source = contacts;
      this.names = [];
      this.texts = [];
      this.last = undefined;
    }
    for (let i = this.names.length; i < contacts.length; i++) {
      const f = foldedOf(contacts[i] as Contact);
      this.names.push(f.name);
      this.texts.push(f.text);
    }
    const words = queryWords(query);
    if (words.length === 0) {
      this.last = undefined;
      return { shown: contacts.slice(0, limit), total: contacts.length };
    }
    const key = words.join(' ');
    const narrowed = this.last && key.startsWith(this.last.key) ? this.last : undefined;
    const matches: number[] = [];
    const byRank: [number[], number[], number[]] = [[], [], []];
    const consider = (i: number): void => {
      const rank = rankOf(this.names[i] as string, this.texts[i] as string, words, key);
      if (rank === undefined) {
        return;
      }
      matches.push(i);
      const better = rank === 0 ? 0 : rank === 1 ? byRank[0].length : byRank[0].length + byRank[1].length;
      if (better + byRank[rank].length < limit) {
        byRank[rank].push(i);
      }
    };
    if (narrowed) {
      narrowed.matches.forEach(consider);
      for (let i = narrowed.scanned; i < contacts.length; i++) {
        consider(i);
      }
    } else {
      for (let i = 0; i < contacts.length; i++) {
        consider(i);
      }
    }
    this.last = { key, matches, scanned: contacts.length };
    const shown = [...byRank[0], ...byRank[1], ...byRank[2]].slice(0, limit).map((i) => contacts[i] as Contact);
    return { shown, total: matches.length };
  }
}
