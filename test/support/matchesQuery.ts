import type { Contact } from '../../src/api/types';
import { matchRank, queryWords } from '../../src/format/contactMatch';

/** True when every word of the query occurs in the contact's name, email, company or title. */
export function matchesQuery(contact: Contact, query: string): boolean {
  return matchRank(contact, queryWords(query)) !== undefined;
}
