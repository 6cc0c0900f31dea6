import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Contact } from '../../src/api/types';
import { HOVER_COMMANDS } from '../../src/editor/emailHoverProvider';
import { extensionApi, waitFor } from './helpers';
import { held, setting, editorWith, closeAll, cardsAt, editorFixture } from './editorFixture';

describe('hover cards on email addresses', () => {
  const fx = editorFixture();

  it('shows a card for a held address, its text escaped, trusting only the extension’s commands', async () => {
    for (const variant of ['markdownCommand', 'markup'] as const) {
      const contact = held(variant);
      const line = `Mail ${contact.email ?? ''} today`;
      const doc = (await editorWith(line)).document;
      const cards = await cardsAt(doc, new vscode.Position(0, 8));
      assert.equal(cards.length, 1, variant);
      const card = cards[0] as vscode.MarkdownString;
      assert.deepEqual(card.isTrusted, { enabledCommands: [...HOVER_COMMANDS] });
      assert.notEqual(card.supportHtml, true);
      const links = [...card.value.matchAll(/(?<!\\)\]\((\w+):([^?)]*)/g)].map((m) => `${m[1] ?? ''}:${m[2] ?? ''}`);
      assert.ok(links.length >= 3);
      assert.ok(
        links.every((l) => HOVER_COMMANDS.some((c) => l === `command:${c}`)),
        `only the extension's commands: ${links.join(', ')}`,
      );
      assert.doesNotMatch(card.value, /<img|<script|<b>/i, 'no raw HTML');
      if (variant === 'markdownCommand') {
        assert.match(card.value, /\\\[link\\\]\\\(command:workbench\.action\.quit\\\)/);
        assert.match(card.value, /\\\*\\\*bold\\\*\\\*/);
        assert.match(card.value, /\\\$\\\(alert\\\)|\$\\\(alert\\\)/);
      } else {
        assert.match(card.value, /&lt;img/);
      }
      await closeAll();
    }
  });

  it('its Copy email link copies that contact’s address; unknown addresses and the setting off give no card', async () => {
    const contact = fx.all[42] as Contact;
    const doc = (await editorWith(`${contact.email ?? ''} and nobody@nowhere.example`)).document;
    const [card] = await cardsAt(doc, new vscode.Position(0, 2));
    assert.ok(card);
    const link = /\(command:linqContacts\.copyEmail\?([^)]+)\)/.exec(card.value);
    assert.ok(link?.[1]);
    const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('linqContacts.copyEmail', ...args);
    assert.equal(await vscode.env.clipboard.readText(), contact.email);
    const open = /\(command:linqContacts\.openContact\?([^)]+)\)/.exec(card.value);
    assert.ok(open?.[1]);
    await vscode.commands.executeCommand(
      'linqContacts.openContact',
      ...(JSON.parse(decodeURIComponent(open[1])) as unknown[]),
    );
    const api = await extensionApi();
    await waitFor('its detail tab open', () => api.openPanels().find((p) => p.contactId === contact.id));
    const unknownAt = doc.getText().indexOf('nobody') + 3;
    assert.equal((await cardsAt(doc, doc.positionAt(unknownAt))).length, 0);
    await setting('hovers', false);
    try {
      assert.equal((await cardsAt(doc, new vscode.Position(0, 2))).length, 0);
    } finally {
      await setting('hovers', undefined);
    }
  });
});
