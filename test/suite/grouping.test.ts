import * as assert from 'node:assert/strict';
import { groupByCompany } from '../../src/tree/grouping';

describe('groupByCompany: the view’s company groups', () => {
  it('groups A–Z with counts, contacts in their order, no company last', () => {
    const groups = groupByCompany([
      { id: 1, company: 'Zeta' },
      { id: 2 },
      { id: 3, company: 'Acme' },
      { id: 4, company: 'Zeta' },
    ]);
    assert.deepEqual(
      groups.map((g) => [g.company, g.contacts.map((c) => c.id)]),
      [
        ['Acme', [3]],
        ['Zeta', [1, 4]],
        [undefined, [2]],
      ],
    );
    const item = groups[1]!.toTreeItem();
    assert.equal(item.label, 'Zeta');
    assert.equal(item.description, '2');
    assert.equal(groups[2]!.toTreeItem().label, '(No company)');
  });
});
