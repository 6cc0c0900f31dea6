import * as assert from 'node:assert/strict';
import { tokenRequired } from '../../src/ui/tokenRequired';
import { ownSession } from './ownSession';

describe('tokenRequired: nothing is asked of Linq without a token', () => {
  it('false without a token (one warning), true with one', async () => {
    const own = ownSession();
    try {
      assert.equal(await tokenRequired(own.session), false);
      await own.tokens.set('a-token');
      assert.equal(await tokenRequired(own.session), true);
    } finally {
      own.dispose();
    }
  });
});
