import * as assert from 'node:assert/strict';
import {
  changedFields,
  changedOwner,
  checkDraft,
  createFields,
  DRAFT_FIELDS,
  draftFromContact,
  emptyDraft,
  fieldsChangedBetween,
  isDirty,
  toDraft,
} from '../../src/format/contactDraft';

describe('contactDraft: the form’s values, the client’s checks and what a write sends', () => {
  it('every form field, empty, in the form’s order (derived from the wire names)', () => {
    assert.deepEqual(Object.keys(emptyDraft()), [...DRAFT_FIELDS]);
    assert.deepEqual(DRAFT_FIELDS, [
      'firstName',
      'lastName',
      'email',
      'phoneNumber',
      'company',
      'title',
      'location',
      'ownerEmail',
    ]);
    assert.deepEqual(toDraft({ firstName: 'Ada', bogus: 'x', title: 5 }), { ...emptyDraft(), firstName: 'Ada' });
  });

  it('checks: one of the four, an email’s shape (the owner’s too), at most 255 characters', () => {
    assert.deepEqual(checkDraft(toDraft({ company: 'Acme' })), [{ field: undefined, problem: 'needOne' }]);
    assert.deepEqual(checkDraft(toDraft({ email: 'a@b' })), [{ field: 'email', problem: 'email' }]);
    assert.deepEqual(checkDraft(toDraft({ firstName: 'A', ownerEmail: 'not an email' })), [
      { field: 'ownerEmail', problem: 'email' },
    ]);
    assert.deepEqual(checkDraft(toDraft({ firstName: 'A', title: 'x'.repeat(256) })), [
      { field: 'title', problem: 'tooLong' },
    ]);
    assert.deepEqual(checkDraft(toDraft({ firstName: 'A', title: 'x'.repeat(255) })), []);
  });

  it('a create sends the non-empty fields, trimmed; the owner and dirtiness are compared apart', () => {
    assert.deepEqual(createFields(toDraft({ firstName: ' Ada ', email: '', ownerEmail: 'o@x.example' })), {
      firstName: 'Ada',
    });
    const opened = draftFromContact({ id: 1, firstName: 'Ada', owner: { email: 'Owner@X.example' } });
    assert.equal(changedOwner(opened, { ...opened, ownerEmail: 'owner@x.example' }), undefined, 'case is no change');
    assert.equal(changedOwner(opened, { ...opened, ownerEmail: 'new@x.example' }), 'new@x.example');
    assert.equal(isDirty(opened, { ...opened }), false);
    assert.equal(isDirty(opened, { ...opened, title: ' ' }), true);
    assert.deepEqual(fieldsChangedBetween(opened, { ...opened, title: 'Countess', firstName: ' Ada ' }), ['title']);
  });
});

describe('changedFields (the update body)', () => {
  const original = toDraft({
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@x.example',
    company: 'Engines',
    title: 'Analyst',
  });

  it('sends only what changed, a cleared field as ""', () => {
    assert.deepEqual(changedFields(original, { ...original, email: 'ada@new.example', title: '' }), {
      email: 'ada@new.example',
      title: '',
    });
  });

  it('adds the first of the four that has a value when none of them changed (Linq needs one)', () => {
    assert.deepEqual(changedFields(original, { ...original, company: 'Babbage & Co' }), {
      company: 'Babbage & Co',
      firstName: 'Ada',
    });
    const noFirst = { ...original, firstName: '' };
    assert.deepEqual(changedFields(noFirst, { ...noFirst, location: 'London' }), {
      location: 'London',
      lastName: 'Lovelace',
    });
  });

  it('is empty when nothing changed; trimming is not a change', () => {
    assert.deepEqual(changedFields(original, { ...original, company: ' Engines ' }), {});
  });
});
