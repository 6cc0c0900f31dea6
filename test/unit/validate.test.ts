import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LinqApiError } from '../../src/api/linqApiError';
import { answersFind, parseContact, parseContactPage, parseContactReply, parseFindReply } from '../../src/api/validate';

describe('reply validation', () => {
  it('reads the documented contact', () => {
    const c = parseContact({
      id: 123,
      first_name: 'John',
      last_name: 'Doe',
      full_name: 'John Doe',
      email: 'john@example.com',
      phone_number: '+15551234567',
      company: 'Acme Corp',
      title: 'CEO',
      location: 'San Francisco, CA',
      image_url: null,
      created_at: '2025-07-30T10:00:00.000-05:00',
      updated_at: '2025-07-30T10:00:00.000-05:00',
      contact_owner: {
        id: 456,
        email: 'owner@company.com',
        first_name: 'Jane',
        last_name: 'Owner',
        name: 'Jane Owner',
      },
    });
    assert.equal(c.fullName, 'John Doe');
    assert.equal(c.imageUrl, undefined);
    assert.deepEqual(c.owner, {
      id: 456,
      email: 'owner@company.com',
      firstName: 'Jane',
      lastName: 'Owner',
      name: 'Jane Owner',
    });
  });

  it('treats null, missing, blank and non-string fields as absent', () => {
    const c = parseContact({ id: 5, email: null, full_name: '   ', company: 42, title: ['x'] });
    assert.deepEqual(
      [c.email, c.fullName, c.company, c.title, c.owner],
      [undefined, undefined, undefined, undefined, undefined],
    );
  });

  it('refuses shapes that are not the documented ones', () => {
    const bad = (f: () => unknown): void =>
      assert.throws(f, (e: unknown) => e instanceof LinqApiError && e.kind === 'badData');
    bad(() => parseContact({ id: '5' }));
    bad(() => parseContact({ id: -1 }));
    bad(() => parseContactReply({ contacts: [] }, 1));
    bad(() => parseContactPage({ data: [] }, 1, 25));
    bad(() => parseContactPage('<html>', 1, 25));
    bad(() => parseContactPage({ contacts: [{ id: 1 }, null] }, 1, 25));
  });

  it('estimates missing pagination: one page more while pages come back full', () => {
    const short = parseContactPage({ contacts: [{ id: 1 }, { id: 2 }] }, 3, 25);
    assert.deepEqual(short.pagination, { currentPage: 3, perPage: 25, totalPages: 3, totalCount: 52, estimated: true });
    const full = parseContactPage({ contacts: [{ id: 1 }, { id: 2 }] }, 3, 2);
    assert.deepEqual(full.pagination, { currentPage: 3, perPage: 2, totalPages: 4, totalCount: 6, estimated: true });
  });

  it('reads pagination numbers sent as numeric strings', () => {
    const page = parseContactPage(
      { contacts: [{ id: 1 }], pagination: { current_page: '1', per_page: '25', total_pages: '3', total_count: '51' } },
      1,
      25,
    );
    assert.deepEqual(page.pagination, { currentPage: 1, perPage: 25, totalPages: 3, totalCount: 51, estimated: false });
  });

  it('refuses a page holding more contacts than the per_page asked for', () => {
    const contacts = Array.from({ length: 11 }, (_, i) => ({ id: i + 1 }));
    assert.throws(
      () => parseContactPage({ contacts, pagination: { total_pages: 1, total_count: 11 } }, 1, 10),
      (e: unknown) => e instanceof LinqApiError && e.kind === 'badData',
    );
  });

  it('refuses a contact reply about another id than the one asked for', () => {
    assert.equal(parseContactReply({ data: { id: 5 } }, 5).id, 5);
    assert.throws(
      () => parseContactReply({ data: { id: 777 } }, 5),
      (e: unknown) =>
        e instanceof LinqApiError && e.kind === 'badData' && /asked for contact 5, got contact 777/.test(e.message),
    );
  });

  /** Runs `parse`; it must return (then `check` the result) or throw a `badData` LinqApiError, never anything else. */
  function typedOrBadData<T>(parse: () => T, check: (value: T) => void): void {
    let value: T;
    try {
      value = parse();
    } catch (error) {
      assert.ok(error instanceof LinqApiError && error.kind === 'badData', `only badData, got ${String(error)}`);
      return;
    }
    check(value);
  }

  const isOptionalText = (v: unknown): boolean =>
    v === undefined || (typeof v === 'string' && v.trim() === v && v.length > 0);

  function checkContact(c: ReturnType<typeof parseContact>): void {
    assert.ok(Number.isSafeInteger(c.id) && c.id > 0);
    for (const v of [
      c.firstName,
      c.lastName,
      c.fullName,
      c.email,
      c.phoneNumber,
      c.company,
      c.title,
      c.location,
      c.imageUrl,
      c.createdAt,
      c.updatedAt,
    ]) {
      assert.ok(isOptionalText(v), `text field ${JSON.stringify(v)}`);
    }
  }

  it('property: any JSON in gives a typed contact page or badData, never a crash', () => {
    const contactLike = fc.record(
      {
        id: fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.double()),
        full_name: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
        email: fc.jsonValue(),
        contact_owner: fc.oneof(fc.jsonValue(), fc.record({ id: fc.jsonValue(), name: fc.jsonValue() })),
      },
      { requiredKeys: [] },
    );
    const pagination = fc.record(
      {
        current_page: fc.jsonValue(),
        per_page: fc.jsonValue(),
        total_pages: fc.jsonValue(),
        total_count: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          contacts: fc.array(fc.oneof(contactLike, fc.jsonValue()), { maxLength: 30 }),
          pagination: fc.oneof(pagination, fc.jsonValue()),
        },
        { requiredKeys: ['contacts'] },
      ),
    );
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 100 }), (b, page, perPage) => {
        typedOrBadData(
          () => parseContactPage(b, page, perPage),
          (p) => {
            assert.ok(p.contacts.length <= perPage);
            p.contacts.forEach(checkContact);
            for (const n of [
              p.pagination.currentPage,
              p.pagination.perPage,
              p.pagination.totalPages,
              p.pagination.totalCount,
            ]) {
              assert.ok(Number.isSafeInteger(n) && n >= 0, `pagination number ${n}`);
            }
          },
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it('property: any JSON in gives the contact asked for or badData', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record({ data: fc.oneof(fc.jsonValue(), fc.record({ id: fc.integer({ min: 1, max: 9 }) })) }),
        ),
        fc.integer({ min: 1, max: 9 }),
        (b, id) => {
          typedOrBadData(
            () => parseContactReply(b, id),
            (c) => {
              checkContact(c);
              assert.equal(c.id, id);
            },
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('answersFind: a find reply answers only what was asked', () => {
  const ada = { id: 1, email: 'Ada.Lovelace@Example.com', phoneNumber: '+1 555 010 0199' };

  it('the same email in another case or with space around it, or the same number written differently', () => {
    assert.equal(answersFind(ada, { email: '  ada.lovelace@example.COM ' }), true);
    assert.equal(answersFind(ada, { phone: '(555) 010-0199' }), true);
    assert.equal(answersFind(ada, { email: 'someone@else.example', phone: '+15550100199' }), true, 'either matches');
  });

  it('another person is no answer; neither is a contact without the asked value', () => {
    assert.equal(answersFind(ada, { email: 'eve@example.com' }), false);
    assert.equal(answersFind(ada, { phone: '+1 555 010 0100' }), false);
    assert.equal(answersFind({ id: 2 }, { email: 'ada.lovelace@example.com', phone: '+15550100199' }), false);
    assert.equal(answersFind(ada, {}), false);
  });

  it('parseFindReply refuses a reply about someone else as badData, and reads "none" as none', () => {
    const body = { id: 1, email: 'ada.lovelace@example.com' };
    assert.equal(parseFindReply(body, { email: 'ADA.LOVELACE@example.com' })?.id, 1);
    assert.throws(
      () => parseFindReply(body, { email: 'eve@example.com' }),
      (e: unknown) => e instanceof LinqApiError && e.kind === 'badData',
    );
    assert.equal(parseFindReply({ contact: null }, { email: 'eve@example.com' }), undefined);
  });
});
