import type { Contact } from '../api/types';
import { displayName, foldForSearch, searchableText } from './contactText';

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
  if (!words.every((w) => text.includes(w))) {
    return undefined;
  }
  if (name.startsWith(words.join(' '))) {
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
