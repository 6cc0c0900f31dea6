import * as assert from 'node:assert/strict';
import type { Contact } from '../../src/api/types';
import { newer, sameContact } from '../../src/contacts/store/contactVersions';

const v1: Contact = { id: 1, firstName: 'Ada', updatedAt: '2026-01-01T00:00:00Z', owner: { id: 7, name: 'Owner' } };

describe('contactVersions: which of two versions of a contact is kept', () => {
  it('the later updated_at wins, whichever arrives last', () => {
    const v2 = { ...v1, firstName: 'Ada B.', updatedAt: '2026-02-01T00:00:00Z' };
    assert.equal(newer(v2, v1), v2, 'a late page does not undo a newer version');
    assert.equal(newer(v1, v2), v2);
  });

  it('the same version keeps its object; a change without a new updated_at is taken', () => {
    assert.equal(newer(v1, { ...v1 }), v1, 'unchanged: the held object stays (no change to tell)');
    const silent = { ...v1, title: 'Countess' };
    assert.equal(newer(v1, silent), silent);
    const noDate = { id: 1, firstName: 'Ada' };
    assert.equal(newer(undefined, noDate), noDate);
  });

  it('sameContact compares every text field and the owner', () => {
    assert.equal(sameContact(v1, { ...v1, owner: { id: 7, name: 'Owner' } }), true);
    assert.equal(sameContact(v1, { ...v1, owner: { id: 8, name: 'Owner' } }), false);
    assert.equal(sameContact(v1, { ...v1, owner: undefined }), false);
    assert.equal(sameContact(v1, { ...v1, email: 'ada@example.com' }), false);
  });
});
