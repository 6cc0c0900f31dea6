import * as assert from 'node:assert/strict';
import { LinqApiError } from '../../src/api/linqApiError';
import { ActionNode } from '../../src/tree/nodes/actionNode';

describe('ActionNode: the way out of a failure, as a row', () => {
  it('a refused token offers Set API Token, a refused URL the setting, anything else Retry', () => {
    const token = ActionNode.forError(new LinqApiError('auth', 'x')).toTreeItem();
    assert.equal(token.label, 'Set API Token…');
    assert.equal(token.command?.command, 'linqContacts.setToken');
    const url = ActionNode.forError(new LinqApiError('config', 'x')).toTreeItem();
    assert.equal(url.command?.command, 'workbench.action.openSettings');
    assert.deepEqual(url.command?.arguments, ['linqContacts.apiBaseUrl']);
    const retry = ActionNode.forError(new LinqApiError('server', 'x', { status: 500 })).toTreeItem();
    assert.equal(retry.label, 'Retry');
    assert.equal(retry.command?.command, 'linqContacts.loadMore');
    assert.equal(retry.contextValue, 'action');
  });
});
