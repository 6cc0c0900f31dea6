import type { Contact } from '../../src/api/types';
import type { HeldContacts } from '../../src/cache/cacheCodec';

/** A contact with every kind of field filled. */
export function contact(i: number): Contact {
  return {
    id: i,
    firstName: `Ada${i}`,
    lastName: 'Lovelace',
    fullName: `Ada${i} Lovelace`,
    email: `ada${i}@example.com`,
    phoneNumber: `+1 555 01${String(i % 100).padStart(2, '0')}`,
    company: 'Analytical Engines',
    updatedAt: '2026-11-30T10:00:00Z',
    owner: { id: 7, email: 'owner@example.com', name: 'Owner' },
  };
}

/** `n` contacts as the cache holds them. */
export const content = (n: number): HeldContacts => ({
  contacts: Array.from({ length: n }, (_, i) => contact(i + 1)),
  totalCount: n + 5,
  complete: false,
  takenAt: 1_764_000_000_000,
});
