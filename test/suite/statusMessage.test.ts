import * as assert from 'node:assert/strict';
import { doneText, showDone } from '../../src/ui/statusMessage';

describe('statusMessage: a confirmation in the status bar', () => {
  it('a check mark, and contact text that cannot name an icon', () => {
    assert.equal(doneText('Copied email of Ada'), '$(check) Copied email of Ada');
    assert.equal(doneText('Saved $(bug) Eve'), '$(check) Saved $\u200b(bug) Eve');
  });

  it('is shown in the status bar until disposed', () => {
    const shown = showDone('Saved Ada', 60_000);
    assert.equal(typeof shown.dispose, 'function');
    shown.dispose();
  });
});
