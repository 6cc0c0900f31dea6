import * as assert from 'node:assert/strict';
import { lookupKey } from '../../src/format/lookupKey';

describe('lookupKey: what Look Up was given', () => {
  it('digits only are an id; zero and ids past the safe range are none', () => {
    assert.deepEqual(lookupKey(' 42 '), { kind: 'id', id: 42 });
    assert.equal(lookupKey('0'), undefined);
    assert.equal(lookupKey('99999999999999999999'), undefined);
  });

  it('one @ with a dotted domain is an email; a number as people write it is a phone', () => {
    assert.deepEqual(lookupKey('Ada@Example.com'), { kind: 'email', email: 'Ada@Example.com' });
    assert.equal(lookupKey('a@b@example.com'), undefined);
    assert.equal(lookupKey('ada@localhost'), undefined);
    assert.deepEqual(lookupKey('(555) 987-6543'), { kind: 'phone', phone: '(555) 987-6543' });
    assert.deepEqual(lookupKey('+15559876543'), { kind: 'phone', phone: '+15559876543' });
    assert.equal(lookupKey('555-12'), undefined);
    assert.equal(lookupKey('Ada Lovelace'), undefined);
  });
});
