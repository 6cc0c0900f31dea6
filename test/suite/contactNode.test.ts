import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ContactNode } from '../../src/tree/nodes/contactNode';

describe('ContactNode: one contact row', () => {
  const ada = { id: 7, fullName: 'Ada Lovelace', title: 'Countess', company: 'Engines', email: 'ada@x.example' };

  it('shows the name, title and company, says what can be copied, and opens the contact', () => {
    const item = new ContactNode(ada).toTreeItem();
    assert.equal(item.label, 'Ada Lovelace');
    assert.equal(item.description, 'Countess · Engines');
    assert.equal(item.contextValue, 'contact email unpinned');
    assert.equal(item.accessibilityInformation?.label, 'Ada Lovelace, Countess · Engines');
    assert.equal(item.command?.command, 'linqContacts.openContact');
    assert.equal(item.id, 'contact:7');
    assert.equal(new ContactNode(ada, 'company:Engines').id, 'group:company:Engines/contact:7');
    const marked = new ContactNode(ada, undefined, true, true).toTreeItem();
    assert.equal(marked.description, 'New · Countess · Engines');
    assert.equal(marked.accessibilityInformation?.label, 'Ada Lovelace, Countess · Engines, new');
    assert.equal(marked.contextValue, 'contact email pinned');
  });

  it('the tooltip, built on hover, keeps contact text as text', () => {
    const node = new ContactNode({ id: 8, fullName: '**bold** [x](command:evil)', email: '<b>@x.example' });
    const item = node.toTreeItem();
    assert.equal(item.tooltip, undefined, 'not built for every row');
    const tip = node.resolveTooltip(item).tooltip as vscode.MarkdownString;
    assert.ok(!tip.isTrusted);
    assert.match(tip.value, /\\\*\\\*bold\\\*\\\*/);
    assert.doesNotMatch(tip.value, /\]\(command:evil\)/);
  });
});
