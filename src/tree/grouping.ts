import type { Contact } from '../api/types';
import { CompanyNode } from './nodes/companyNode';

/** Contacts under their companies, companies in alphabetical order and contacts without one last. */
export function groupByCompany(contacts: readonly Contact[]): CompanyNode[] {
  const groups = new Map<string | undefined, Contact[]>();
  for (const contact of contacts) {
    const list = groups.get(contact.company);
    if (list) {
      list.push(contact);
    } else {
      groups.set(contact.company, [contact]);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b)))
    .map(([company, list]) => new CompanyNode(company, list));
}
