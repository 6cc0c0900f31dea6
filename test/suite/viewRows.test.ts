import * as assert from 'node:assert/strict';
import { nameCollator } from '../../src/format/contactOrder';
import { topRows, type RowsInput } from '../../src/tree/viewRows';

describe('viewRows: the view’s top rows', () => {
  const contacts = [
    { id: 1, fullName: 'Ada', company: 'Zeta' },
    { id: 2, fullName: 'Bo' },
    { id: 3, fullName: 'Cy', company: 'Acme' },
  ];
  const input: RowsInput = {
    contacts,
    pinned: [contacts[1]!],
    grouping: 'none',
    collator: nameCollator('en'),
    ownerEmail: undefined,
    marks: { isNew: (id) => id === 3, isPinned: (id) => id === 2 },
  };

  it('puts the Pinned group first, then the contacts (marked new and pinned as told)', () => {
    const rows = topRows(input);
    assert.deepEqual(
      rows.map((r) => r.id),
      ['pinned', 'contact:1', 'contact:2', 'contact:3'],
    );
    const [, , pinnedRow, newRow] = rows;
    assert.ok(pinnedRow?.kind === 'contact' && pinnedRow.pinned && !pinnedRow.isNew);
    assert.ok(newRow?.kind === 'contact' && newRow.isNew);
  });

  it('groups by company or owner under the Pinned group, and shows no Pinned group without pins', () => {
    assert.deepEqual(
      topRows({ ...input, grouping: 'company' }).map((r) => r.id),
      ['pinned', 'company:Acme', 'company:Zeta', 'company:'],
    );
    assert.deepEqual(
      topRows({ ...input, pinned: [], grouping: 'owner' }).map((r) => r.id),
      ['owner:'],
    );
  });
});
