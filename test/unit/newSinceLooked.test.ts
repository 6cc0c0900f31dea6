import * as assert from 'node:assert/strict';
import { NewSinceLooked } from '../../src/tree/newSinceLooked';

describe('NewSinceLooked: what is new since the user last looked at the view', () => {
  it('counts arrivals while the view is hidden, clears the count when shown, and the marks when hidden again', () => {
    const arrived: number[] = [];
    const looked = new NewSinceLooked();
    looked.visibility(false);
    arrived.push(5, 6);
    assert.equal(looked.take(arrived), true);
    assert.equal(looked.count, 2);
    assert.ok(looked.isNew(5) && looked.isNew(6) && !looked.isNew(7));
    assert.equal(looked.take(arrived), false, 'nothing more arrived');
    assert.equal(looked.visibility(true), true);
    assert.equal(looked.count, 0, 'shown: the badge goes');
    assert.ok(looked.isNew(5), 'the rows stay marked while the view shows');
    arrived.push(8);
    looked.take(arrived);
    assert.ok(!looked.isNew(8) && looked.count === 0, 'what arrives while the user looks is not "new"');
    looked.visibility(false);
    assert.ok(!looked.isNew(5), 'hidden again: the marks go');
  });

  it('marks an id once, and starts over for a new connection', () => {
    const looked = new NewSinceLooked();
    looked.take([1, 1, 2]);
    assert.equal(looked.count, 2);
    looked.forget();
    assert.equal(looked.count, 0);
    assert.ok(!looked.isNew(1));
    looked.take([3]);
    assert.equal(looked.count, 1, 'a new list is read from its start');
  });
});
