import * as assert from 'node:assert/strict';
import { clampPerPage, MAX_PER_PAGE, MIN_PER_PAGE } from '../../src/api/limits';

describe('limits: clampPerPage', () => {
  it('keeps per_page a whole number from 1 to 100', () => {
    assert.equal(clampPerPage(25), 25);
    assert.equal(clampPerPage(0), MIN_PER_PAGE);
    assert.equal(clampPerPage(-3), MIN_PER_PAGE);
    assert.equal(clampPerPage(1_000), MAX_PER_PAGE);
    assert.equal(clampPerPage(12.7), 12);
    assert.equal(clampPerPage(Number.NaN), MAX_PER_PAGE, 'not a number: the default');
  });
});
