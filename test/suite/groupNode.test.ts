import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { GroupNode } from '../../src/tree/nodes/groupNode';

describe('GroupNode: a company, owner or Pinned group row', () => {
  it('is expanded, counts its contacts, and keeps a long name short', () => {
    const node = GroupNode.company({ key: 'A'.repeat(200), label: 'A'.repeat(200), contacts: [{ id: 1 }, { id: 2 }] });
    const item = node.toTreeItem();
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal(item.description, '2');
    assert.ok(typeof item.label === 'string' && item.label.length <= 80);
    assert.equal(item.contextValue, 'company');
    assert.equal(item.accessibilityInformation?.label, `${'A'.repeat(200)}, 2 contacts`);
    assert.equal(GroupNode.company({ key: '', label: undefined, contacts: [] }).id, 'company:');
    assert.equal(GroupNode.company({ key: '', label: undefined, contacts: [] }).toTreeItem().label, '(No company)');
  });

  it('labels your own owner group "(You)", the one without an owner "(No owner)", and Pinned by its name', () => {
    const mine = GroupNode.owner({ key: 'me@x.io', label: 'Me Myself', contacts: [{ id: 1 }], mine: true });
    assert.equal(mine.toTreeItem().label, 'Me Myself (You)');
    assert.equal(mine.id, 'owner:me@x.io');
    assert.equal(GroupNode.owner({ key: '', label: undefined, contacts: [] }).toTreeItem().label, '(No owner)');
    const pinned = GroupNode.pinned([{ id: 3 }]);
    assert.equal(pinned.id, 'pinned');
    assert.equal(pinned.toTreeItem().label, 'Pinned');
    assert.equal(pinned.toTreeItem().contextValue, 'pinned');
  });
});
