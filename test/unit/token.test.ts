import * as assert from 'node:assert/strict';
import { tokenProblem } from '../../src/api/token';

describe('tokenProblem: what may be sent as the token header', () => {
  it('takes printable ASCII after trimming', () => {
    assert.equal(tokenProblem('  abc-123_XYZ.=  '), undefined);
  });

  it('names why a token cannot be sent, never repeating it', () => {
    assert.equal(tokenProblem(''), 'empty');
    assert.equal(tokenProblem(' \t '), 'empty');
    assert.equal(tokenProblem('abc\r\nX-Evil: 1'), 'control');
    assert.equal(tokenProblem('abc\u0085def'), 'control');
    assert.equal(tokenProblem('tökén'), 'notAscii');
    assert.equal(tokenProblem('abc\u202edef'), 'notAscii');
  });
});
