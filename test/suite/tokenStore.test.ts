import * as assert from 'node:assert/strict';
import { SECRET_KEY } from '../../src/constants';
import { ownSession } from './ownSession';

describe('TokenStore: the token in the secret storage only', () => {
  it('stores the token trimmed, reads it back, and tells of changes to its key only', async () => {
    const own = ownSession();
    try {
      let changes = 0;
      own.tokens.onDidChange(() => changes++);
      await own.tokens.set('  abc-123  ');
      assert.equal(await own.secrets.get(SECRET_KEY), 'abc-123');
      assert.equal(await own.tokens.get(), 'abc-123');
      await own.secrets.store('linqContacts.cacheKey', 'k');
      assert.equal(changes, 1, 'another secret is no change of token');
      await own.tokens.clear();
      assert.equal(await own.tokens.get(), undefined);
      assert.equal(changes, 2);
    } finally {
      own.dispose();
    }
  });

  it('refuses a token that cannot be sent, without storing it or repeating it', async () => {
    const own = ownSession();
    try {
      const bad = 'evil\r\nX-Other: 1';
      await assert.rejects(
        own.tokens.set(bad),
        (e: Error) => !e.message.includes('evil') && /cannot be used/.test(e.message),
      );
      assert.equal(own.secrets.stores, 0);
      await own.secrets.store(SECRET_KEY, '   ');
      assert.equal(await own.tokens.get(), undefined, 'blanks are no token');
    } finally {
      own.dispose();
    }
  });
});
