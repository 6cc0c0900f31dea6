import * as assert from 'node:assert/strict';
import { LinqApiError } from '../../src/api/linqApiError';
import { parseRetryAfter } from '../../src/api/retryAfter';
import { parseContact, parseContactPage, parseContactReply } from '../../src/api/validate';

describe('reply validation', () => {
  it('reads the documented contact', () => {
    const c = parseContact({ id: 123, first_name: 'John', last_name: 'Doe', full_name: 'John Doe', email: 'john@example.com', phone_number: '+15551234567', company: 'Acme Corp', title: 'CEO', location: 'San Francisco, CA', image_url: null, created_at: '2025-07-30T10:00:00.000-05:00', updated_at: '2025-07-30T10:00:00.000-05:00', contact_owner: { id: 456, email: 'owner@company.com', first_name: 'Jane', last_name: 'Owner', name: 'Jane Owner' } });
    assert.equal(c.fullName, 'John Doe');
    assert.equal(c.imageUrl, undefined);
    assert.deepEqual(c.owner, { id: 456, email: 'owner@company.com', firstName: 'Jane', lastName: 'Owner', name: 'Jane Owner' });
  });

  it('treats null, missing, blank and non-string fields as absent', () => {
    const c = parseContact({ id: 5, email: null, full_name: '   ', company: 42, title: ['x'] });
    assert.deepEqual([c.email, c.fullName, c.company, c.title, c.owner], [undefined, undefined, undefined, undefined, undefined]);
  });

  it('refuses shapes that are not the documented ones', () => {
    const bad = (f: () => unknown): void => assert.throws(f, (e: unknown) => e instanceof LinqApiError && e.kind === 'badData');
    bad(() => parseContact({ id: '5' }));
    bad(() => parseContact({ id: -1 }));
    bad(() => parseContactReply({ contacts: [] }));
    bad(() => parseContactPage({ data: [] }, 1, 25));
    bad(() => parseContactPage('<html>', 1, 25));
    bad(() => parseContactPage({ contacts: [{ id: 1 }, null] }, 1, 25));
  });

  it('derives missing pagination from what is known', () => {
    const page = parseContactPage({ contacts: [{ id: 1 }, { id: 2 }] }, 3, 25);
    assert.deepEqual(page.pagination, { currentPage: 3, perPage: 25, totalPages: 3, totalCount: 52 });
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });
});
