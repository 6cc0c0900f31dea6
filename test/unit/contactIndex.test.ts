import * as assert from 'node:assert/strict';
import { parseContact } from '../../src/api/validate';
import { ContactStore, type PageSource } from '../../src/contacts/store/contactStore';
import { demoContact } from '../server/contactFactory';

describe('the store by email address and phone number (ContactIndex)', () => {
  const source: PageSource = {
    listContacts: (page, perPage) => {
      const contacts = Array.from({ length: page <= 3 ? perPage : 0 }, (_, i) =>
        parseContact(demoContact((page - 1) * perPage + i)),
      );
      return Promise.resolve({
        contacts,
        pagination: { currentPage: page, perPage, totalPages: 3, totalCount: 3 * perPage, estimated: false },
      });
    },
  };

  it('finds a held contact by address ignoring case, including pages that arrive after the first lookup', async () => {
    const store = new ContactStore(source, { perPage: 10, concurrency: 1 });
    await store.ensure(10, 'user');
    const first = parseContact(demoContact(3));
    assert.equal(store.byEmail(String(first.email).toUpperCase())?.id, 4);
    const later = parseContact(demoContact(25));
    assert.equal(store.byEmail(String(later.email)), undefined);
    await store.walk();
    assert.equal(store.byEmail(String(later.email))?.id, 26);
    assert.equal(store.byEmail('nobody@example.com'), undefined);
  });

  it('follows a contact remembered with a new address, and forgets the old one', async () => {
    const store = new ContactStore(source, { perPage: 10, concurrency: 1 });
    await store.ensure(10, 'user');
    const old = parseContact(demoContact(0));
    assert.equal(store.byEmail(String(old.email))?.id, 1);
    store.remember({ ...old, email: 'moved@example.com' });
    assert.equal(store.byEmail(String(old.email)), undefined);
    assert.equal(store.byEmail('moved@example.com')?.id, 1);
  });

  it('finds by phone compared as E.164, however it is written', async () => {
    const store = new ContactStore(source, { perPage: 10, concurrency: 1 });
    await store.ensure(10, 'user');
    const c = parseContact(demoContact(5));
    const digits = String(c.phoneNumber).slice(2);
    assert.equal(store.byPhone(`(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`)?.id, 6);
    assert.equal(store.byPhone('+1 999 000 0000'), undefined);
  });

  it('follows writes: a created contact is found at once and listed first, a deleted one is gone, an edit moves its address', async () => {
    const store = new ContactStore(source, { perPage: 10, concurrency: 1 });
    await store.ensure(10, 'user');
    assert.ok(store.byEmail(String(parseContact(demoContact(2)).email)));
    const before = store.contacts;
    store.added({ id: 999, firstName: 'New', email: 'new@example.com', phoneNumber: '+15550009999' });
    assert.notEqual(store.contacts, before, 'readers see a new list');
    assert.equal(store.contacts[0]?.id, 999);
    assert.equal(store.byEmail('NEW@example.com')?.id, 999);
    assert.equal(store.byPhone('555-000-9999')?.id, 999);
    store.updated({ id: 999, firstName: 'New', email: 'renamed@example.com' });
    assert.equal(store.byEmail('new@example.com'), undefined);
    assert.equal(store.byEmail('renamed@example.com')?.id, 999);
    store.removed(999);
    assert.equal(store.byEmail('renamed@example.com'), undefined);
    assert.ok(!store.contacts.some((c) => c.id === 999));
    assert.equal(store.progress.loaded, 10);
  });
});
