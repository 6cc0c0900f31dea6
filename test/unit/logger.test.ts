import * as assert from 'node:assert/strict';
import { redact } from '../../src/log/logger';

describe('log redaction (the second net)', () => {
  const token = 'log-secret-token-0c9d';

  it('removes the token, raw, JSON-escaped or URL-encoded, and any token header written as text', () => {
    assert.equal(redact(`failed with ${token} in it`, [token]), 'failed with [token] in it');
    assert.equal(redact(`"x-linq-integration-token": "${token}"`, []), '"x-linq-integration-token": [token]');
    assert.equal(redact(`X-LINQ-INTEGRATION-TOKEN: something-else`, []), 'X-LINQ-INTEGRATION-TOKEN: [token]');
    assert.equal(redact(`url?t=${encodeURIComponent('a b/c+secret')}`, ['a b/c+secret']), 'url?t=[token]');
    assert.equal(redact('nothing secret here', [token]), 'nothing secret here');
  });
});
