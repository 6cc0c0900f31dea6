import * as assert from 'node:assert/strict';
import { splitPersonName } from '../../src/format/personName';

describe('splitPersonName: first and last name as people write them', () => {
  it('turns "Last, First" round and takes the last word as the family name', () => {
    assert.deepEqual(splitPersonName('Doe, John'), { first: 'John', last: 'Doe' });
    assert.deepEqual(splitPersonName('Ada Lovelace'), { first: 'Ada', last: 'Lovelace' });
    assert.deepEqual(splitPersonName('Mary Ann Evans'), { first: 'Mary Ann', last: 'Evans' });
  });

  it('a family name starts at its first lower-case particle; one word is a first name', () => {
    assert.deepEqual(splitPersonName('Jan van der Berg'), { first: 'Jan', last: 'van der Berg' });
    assert.deepEqual(splitPersonName('Ludwig von Mises'), { first: 'Ludwig', last: 'von Mises' });
    assert.deepEqual(splitPersonName('Cher'), { first: 'Cher', last: '' });
  });
});
