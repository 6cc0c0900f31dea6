import * as assert from 'node:assert/strict';
import { validateToken } from '../../src/commands/tokenCommands';

describe('tokenCommands: the Set API Token box', () => {
  it('refuses a token with a control or non-ASCII character, saying why and never repeating it', () => {
    assert.equal(validateToken('abc-123'), undefined);
    assert.equal(validateToken(''), undefined, 'empty changes nothing');
    const control = validateToken('secret\ttoken') ?? '';
    assert.match(control, /control character/);
    assert.doesNotMatch(control, /secret/);
    assert.match(validateToken('tökén') ?? '', /cannot be sent to Linq/);
  });
});
