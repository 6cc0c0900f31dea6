import * as assert from 'node:assert/strict';
import { LinqClient } from '../../src/api/linqClient';
import { ContactStore } from '../../src/contacts/store/contactStore';
import { createOnce, deleteOnce, updateChecked, type WriteTarget } from '../../src/contacts/contactWriter';
import { changedFields, draftFromContact } from '../../src/format/contactDraft';
import { startStandIn, type StandIn } from '../server/linqStandIn';

const TOKEN = 'unit-writer-token';

describe('contactWriter: one Save, at most one contact', () => {
  let standIn: StandIn;
  let target: WriteTarget & { store: ContactStore };
  const posts = (): number => standIn.requests.filter((r) => r.method === 'POST').length;

  before(async () => {
    standIn = await startStandIn({ count: 30, token: TOKEN });
  });
  beforeEach(async () => {
    standIn.configure({ lateWriteMs: 0, resetAfterWrite: false, writeFailCount: 0 });
    standIn.reset();
    const client = new LinqClient({ baseUrl: standIn.baseUrl, token: TOKEN, retryBaseDelayMs: 10, timeoutMs: 400 });
    target = { client, store: new ContactStore(client) };
    await target.store.ensure(30);
  });
  after(() => standIn.close());

  it('a create whose answer is late is settled by find: one POST, one contact, held first', async () => {
    standIn.configure({ lateWriteMs: 1_000 });
    const result = await createOnce(target, { firstName: 'Late', email: 'late.one@x.example' }, undefined, {
      checkDuplicates: true,
    });
    assert.equal(result.kind, 'created');
    assert.equal(result.kind === 'created' && result.settled, true);
    assert.equal(posts(), 1);
    assert.equal(standIn.matching({ email: 'late.one@x.example' }).length, 1);
    assert.equal(target.store.contacts[0]?.email, 'late.one@x.example');
  });

  it('a duplicate check that find answers with another person sends nothing and says it cannot tell', async () => {
    standIn.configure({ findAnswersOther: true });
    try {
      const result = await createOnce(target, { firstName: 'Unclear', email: 'unclear@x.example' }, undefined, {
        checkDuplicates: true,
      });
      assert.equal(result.kind, 'cannotTell');
      assert.equal(posts(), 0);
    } finally {
      standIn.configure({ findAnswersOther: false });
    }
  });

  it('a reset after the server made it is settled the same way; a 500 before it is "not created" and not resent', async () => {
    standIn.configure({ resetAfterWrite: true });
    const reset = await createOnce(target, { phoneNumber: '+1 (555) 777-0000' }, undefined, { checkDuplicates: false });
    assert.equal(reset.kind, 'created');
    standIn.configure({ resetAfterWrite: false, writeFailCount: 1, writeFailStatus: 500 });
    await assert.rejects(
      createOnce(target, { email: 'never@x.example' }, undefined, { checkDuplicates: false }),
      (e: Error & { kind?: string }) => e.kind === 'server',
    );
    assert.equal(posts(), 2);
    assert.equal(standIn.created.length, 1);
  });

  it('a name-only create whose answer is lost is "unknown": never sent twice', async () => {
    standIn.configure({ resetAfterWrite: true });
    const result = await createOnce(target, { firstName: 'Nameonly' }, undefined, { checkDuplicates: true });
    assert.equal(result.kind, 'unknown');
    assert.equal(posts(), 1);
  });

  it('a 429 waits and sends again (nothing was made), then creates once', async () => {
    standIn.configure({ writeFailCount: 1, writeFailStatus: 429, retryAfterSeconds: 1 });
    const result = await createOnce(target, { firstName: 'Patient' }, undefined, { checkDuplicates: false });
    assert.equal(result.kind, 'created');
    assert.equal(posts(), 2);
    assert.equal(standIn.created.length, 1);
  });

  it('the duplicate check answers from the store, else find, and sends nothing', async () => {
    const held = target.store.contacts[4];
    assert.ok(held?.email);
    const fromStore = await createOnce(target, { email: held.email.toUpperCase() }, undefined, {
      checkDuplicates: true,
    });
    assert.deepEqual(fromStore, { kind: 'duplicate', existing: held });
    standIn.changeBehind(9, { email: 'moved@x.example' });
    const fromFind = await createOnce(target, { email: 'moved@x.example' }, undefined, { checkDuplicates: true });
    assert.equal(fromFind.kind === 'duplicate' && fromFind.existing.id, 9);
    assert.equal(posts(), 0);
  });

  it('an edit of a contact changed behind our back is a conflict and writes nothing; Overwrite then PATCHes', async () => {
    const opened = target.store.get(3);
    assert.ok(opened);
    standIn.changeBehind(3, { company: 'Changed In Linq' });
    const fields = changedFields(draftFromContact(opened), { ...draftFromContact(opened), title: 'Mine' });
    const conflict = await updateChecked(target, 3, opened.updatedAt, fields, undefined, { overwrite: false });
    assert.equal(conflict.kind, 'conflict');
    assert.equal(target.store.get(3)?.company, 'Changed In Linq');
    assert.equal(standIn.requests.filter((r) => r.method === 'PATCH').length, 0);
    const done = await updateChecked(target, 3, opened.updatedAt, fields, undefined, { overwrite: true });
    assert.equal(done.kind === 'updated' && done.contact.title, 'Mine');
    assert.equal(standIn.contact(3)?.company, 'Changed In Linq', "Linq's other change stays");
  });

  it('an edit or a delete whose answer is lost is settled by reading the contact: one PATCH, one DELETE', async () => {
    standIn.configure({ resetAfterWrite: true });
    const opened = target.store.get(7);
    assert.ok(opened);
    const edited = await updateChecked(
      target,
      7,
      opened.updatedAt,
      { title: 'Settled', firstName: opened.firstName },
      undefined,
      { overwrite: false },
    );
    assert.equal(edited.kind === 'updated' && edited.contact.title, 'Settled');
    assert.equal(target.store.get(7)?.title, 'Settled');
    assert.equal(await deleteOnce(target, 8), 'deleted');
    assert.equal(target.store.get(8), undefined);
    assert.deepEqual(
      standIn.requests.filter((r) => r.method !== 'GET').map((r) => r.method),
      ['PATCH', 'DELETE'],
    );
  });

  it('delete: the contact leaves the store; a 404 is "already gone"', async () => {
    assert.equal(await deleteOnce(target, 5), 'deleted');
    assert.equal(target.store.get(5), undefined);
    assert.ok(!target.store.contacts.some((c) => c.id === 5));
    assert.equal(await deleteOnce(target, 5), 'alreadyGone');
  });
});
