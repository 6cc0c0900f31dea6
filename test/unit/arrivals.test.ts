import * as assert from 'node:assert/strict';
import { Arrivals } from '../../src/contacts/store/arrivals';
import { ContactCollection } from '../../src/contacts/store/contactCollection';

describe('Arrivals: what came after a store first held its contacts', () => {
  it('counts as new only ids not held, within the range held before, and remembers when ids arrived', () => {
    const held = new ContactCollection(100);
    held.deliver([{ id: 1 }, { id: 2 }]);
    held.removed(2);
    const arrivals = new Arrivals();
    // Held: 1 contact. A refresh lists 9, 1, 2 (deleted here), 8: only the first one's range counts.
    arrivals.noteNew([{ id: 9 }, { id: 1 }, { id: 2 }, { id: 8 }], held, false);
    assert.deepEqual(arrivals.ids, [9]);
    arrivals.noteNew([{ id: 9 }, { id: 1 }, { id: 8 }], held, true);
    assert.deepEqual(arrivals.ids, [9, 9, 8], 'complete: all of it (the view marks an id once)');
    assert.ok((arrivals.at(8) ?? 0) > 0);
    assert.equal(arrivals.at(1), undefined);
    arrivals.note(1);
    assert.ok((arrivals.at(1) ?? 0) >= (arrivals.at(9) ?? 0));
  });
});
