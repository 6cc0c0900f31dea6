import * as assert from 'node:assert/strict';
import { MAX_RECENT, PinsAndRecents } from '../../src/contacts/pinsAndRecents';
import { MemoryMemento } from './ownSession';

describe('PinsAndRecents: ids only, per connection, bounded', () => {
  it('keeps pins in the order pinned and recents most recent first, as ids only under the connection', async () => {
    const state = new MemoryMemento();
    let name: string | undefined = 'host-a';
    const marks = new PinsAndRecents(state, () => Promise.resolve(name));
    let changes = 0;
    marks.onDidChange(() => changes++);
    await marks.pin(5);
    await marks.pin(3);
    await marks.pin(5);
    for (let id = 1; id <= 12; id++) {
      await marks.opened(id);
    }
    await marks.opened(4);
    assert.deepEqual(marks.pinned, [5, 3]);
    assert.equal(marks.recent.length, MAX_RECENT);
    assert.deepEqual(marks.recent.slice(0, 3), [4, 12, 11]);
    assert.deepEqual(JSON.parse(JSON.stringify([...state.values.entries()])), [
      ['pinsAndRecents:host-a', { pinned: [5, 3], recent: [4, 12, 11, 10, 9, 8, 7, 6, 5, 3] }],
    ]);
    assert.ok(changes > 0);
    name = 'host-b';
    await marks.follow();
    assert.deepEqual(marks.pinned, [], 'another connection has its own');
    name = 'host-a';
    // A change made before the connection's change was heard of still lands on the connection of now.
    await marks.pin(8);
    assert.deepEqual(marks.pinned, [5, 3, 8]);
    await marks.removed(5);
    assert.deepEqual(marks.pinned, [3, 8]);
    assert.ok(!marks.recent.includes(5));
    await marks.forget();
    assert.deepEqual([marks.pinned, marks.recent], [[], []]);
    assert.equal(state.values.size, 0, 'Clear API Token forgets them');
    name = undefined;
    await marks.pin(1);
    assert.equal(state.values.size, 0, 'without a connection nothing is kept');
  });

  it('drops whatever else the state holds (not ids, repeated, too many)', async () => {
    const state = new MemoryMemento();
    await state.update('pinsAndRecents:x', { pinned: [1, '2', -3, 1.5, 1, 4], recent: 'nope' });
    const marks = new PinsAndRecents(state, () => Promise.resolve('x'));
    await marks.follow();
    assert.deepEqual(marks.pinned, [1, 4]);
    assert.deepEqual(marks.recent, []);
  });
});
