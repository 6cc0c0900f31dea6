import * as assert from 'node:assert/strict';
import { emptyDraft } from '../../src/format/contactDraft';
import { conflictNotice, duplicateNotice, labelOf, problemText, unknownNotice } from '../../src/webview/formWords';

describe('formWords: the form’s labels and notices', () => {
  it('labels in the contract’s words; a check’s problem in a sentence', () => {
    assert.equal(labelOf('phoneNumber'), 'Phone');
    assert.equal(labelOf('ownerEmail'), 'Owner email');
    assert.match(problemText({ field: undefined, problem: 'needOne' }), /at least one of first name/);
    assert.equal(problemText({ field: 'title', problem: 'tooLong' }), 'At most 255 characters.');
  });

  it('notices offer their answers; a conflict lists old → new per field Linq changed', () => {
    assert.deepEqual(
      duplicateNotice({ id: 3, fullName: 'Ada' })?.actions.map((a) => a.id),
      ['openExisting', 'createAnyway'],
    );
    assert.deepEqual(
      unknownNotice('Ada')?.actions.map((a) => a.id),
      ['refresh'],
    );
    const before = { ...emptyDraft(), firstName: 'Ada', title: 'Countess' };
    const notice = conflictNotice('Ada', before, { ...before, title: 'Analyst' });
    assert.deepEqual(notice?.details, ['Title: "Countess" → "Analyst"']);
    assert.deepEqual(
      notice?.actions.map((a) => a.id),
      ['overwrite', 'useLinq', 'keepEditing'],
    );
  });
});
