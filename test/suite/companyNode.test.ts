import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CompanyNode } from '../../src/tree/nodes/companyNode';

describe('CompanyNode: a company group row', () => {
  it('is expanded, counts its contacts, and keeps a long name short', () => {
    const node = new CompanyNode('A'.repeat(200), [{ id: 1 }, { id: 2 }]);
    const item = node.toTreeItem();
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal(item.description, '2');
    assert.ok(typeof item.label === 'string' && item.label.length <= 80);
    assert.equal(item.contextValue, 'company');
    assert.equal(new CompanyNode(undefined, []).id, 'company:');
  });
});
