import * as assert from 'node:assert/strict';
import { asLinqError, LinqApiError } from '../../src/api/linqApiError';

describe('LinqApiError: the one error type of the client', () => {
  it('cancelled() is the kind nobody is told of, keeping a cause when given', () => {
    const plain = LinqApiError.cancelled();
    assert.equal(plain.kind, 'cancelled');
    assert.equal(plain.message, 'The request was cancelled.');
    assert.equal(plain.details.cause, undefined);
    const cause = new Error('AbortError');
    assert.equal(LinqApiError.cancelled(cause).details.cause, cause);
  });

  it('asLinqError keeps a LinqApiError and reads anything else as offline', () => {
    const refused = new LinqApiError('auth', 'refused', { status: 401 });
    assert.equal(asLinqError(refused), refused);
    assert.equal(refused.status, 401);
    const other = asLinqError(new TypeError('fetch failed'));
    assert.equal(other.kind, 'offline');
    assert.ok(other.details.cause instanceof TypeError);
    assert.equal(asLinqError('a string').kind, 'offline');
  });
});
