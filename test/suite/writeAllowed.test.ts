import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { writeAllowed } from '../../src/ui/writeAllowed';
import { ownSession } from './ownSession';

describe('writeAllowed: writes need a token and the read-only setting off', () => {
  afterEach(() =>
    vscode.workspace.getConfiguration('linqContacts').update('readOnly', undefined, vscode.ConfigurationTarget.Global),
  );

  it('true with a token; false without one, and false in read-only mode whatever the token', async () => {
    const own = ownSession();
    try {
      assert.equal(await writeAllowed(own.session), false);
      await own.tokens.set('a-token');
      assert.equal(await writeAllowed(own.session), true);
      await vscode.workspace
        .getConfiguration('linqContacts')
        .update('readOnly', true, vscode.ConfigurationTarget.Global);
      assert.equal(await writeAllowed(own.session), false);
    } finally {
      own.dispose();
    }
  });
});
