import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LoadMoreNode } from '../../src/tree/nodes/loadMoreNode';

describe('LoadMoreNode: the last row while more pages exist', () => {
  it('says how many are loaded of how many, spins while loading, and loads more', () => {
    const item = new LoadMoreNode(25, 237, false).toTreeItem();
    assert.equal(item.label, 'Load more…');
    assert.equal(item.description, '25 of 237 loaded');
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'ellipsis');
    assert.equal(item.command?.command, 'linqContacts.loadMore');
    assert.equal(new LoadMoreNode(25, undefined, true).toTreeItem().description, '25 loaded');
    assert.equal((new LoadMoreNode(25, 237, true).toTreeItem().iconPath as vscode.ThemeIcon).id, 'loading~spin');
  });
});
