import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Contact } from '../../src/api/types';
import { MENTION_MAX_ITEMS } from '../../src/editor/mentionProvider';
import { bestMatches } from '../../src/format/contactMatch';
import { formatContact, MENTION_FORMATS } from '../../src/format/insertFormats';
import { configure, extensionApi, useStandIn, waitFor } from './helpers';
import {
  TOKEN,
  COUNT,
  held,
  setting,
  scratch,
  mentionsAt,
  localPart,
  shownName,
  labelOf,
  cardsAt,
  editorFixture,
} from './editorFixture';

describe('@-mentions (completions)', () => {
  const fx = editorFixture();

  it('offers at most 50 contacts in the matcher’s order, replacing exactly the @query', async () => {
    const { items, incomplete, doc } = await mentionsAt('cc @gra');
    const expected = bestMatches(fx.all, 'gra', MENTION_MAX_ITEMS);
    assert.ok(expected.total > 0);
    assert.deepEqual(items.map(labelOf), expected.shown.map(shownName));
    assert.ok(items.length <= MENTION_MAX_ITEMS);
    assert.equal(incomplete, expected.total > MENTION_MAX_ITEMS);
    const first = items[0] as vscode.CompletionItem;
    const range = first.range instanceof vscode.Range ? first.range : first.range?.replacing;
    assert.ok(range?.isEqual(new vscode.Range(0, 3, 0, 7)), 'the @query, nothing else');
    assert.equal(typeof first.insertText, 'string', 'plain text, never a snippet');
    assert.equal(first.insertText, formatContact(expected.shown[0] as Contact, 'nameAndEmail'));
    assert.equal(doc.getText(), 'cc @gra');
  });

  it('caps a broad query at 50 and marks the list incomplete', async () => {
    const { items, incomplete } = await mentionsAt('@a');
    assert.equal(items.length, MENTION_MAX_ITEMS);
    assert.ok(bestMatches(fx.all, 'a', 1000).total > MENTION_MAX_ITEMS);
    assert.equal(incomplete, true);
  });

  it('a name with snippet syntax is inserted as it is; the format follows the setting', async () => {
    const contact = held('snippet');
    try {
      for (const format of MENTION_FORMATS) {
        await setting('mentions.format', format);
        const { items } = await mentionsAt(`@${localPart(contact)}`);
        assert.equal(items.length, 1, format);
        assert.equal(items[0]?.insertText, formatContact(contact, format), format);
        if (format !== 'email' && format !== 'phone') {
          assert.match(String(items[0]?.insertText), /\$1 \$\{x\}/);
        }
      }
    } finally {
      await setting('mentions.format', undefined);
    }
  });

  it('answers in git-commit and scminput, never inside an address; a bare @ lists the first contacts', async () => {
    assert.ok((await mentionsAt('Reviewed-by: @gra', 'git-commit')).items.length > 0);
    assert.ok((await mentionsAt('@gra', 'scminput')).items.length > 0);
    assert.equal((await mentionsAt('john@gra')).items.length, 0);
    const bare = await mentionsAt('ask @');
    assert.deepEqual(bare.items.map(labelOf), fx.all.slice(0, MENTION_MAX_ITEMS).map(shownName));
    assert.equal(bare.incomplete, true, 'asked again as the user types');
  });

  it('is incomplete while contacts are loading, complete once all are in', async () => {
    const api = await extensionApi();
    const slow = await useStandIn({ count: 2_000, token: TOKEN, latencyMs: 400 });
    try {
      await waitFor('the old store dropped', () => api.session.knownContacts().length === 0);
      const early = await waitFor(
        'some contacts offered while loading',
        async () => {
          const answer = await mentionsAt('@grace');
          return answer.items.length > 0 ? answer : undefined;
        },
        20_000,
      );
      assert.ok(api.session.knownContacts().length < 2_000, 'still loading');
      assert.equal(early.incomplete, true);
      await waitFor('all loaded', () => api.session.knownContacts().length === 2_000, 30_000);
      const target = api.session.knownContacts()[1_999] as Contact;
      const late = await mentionsAt(`@${localPart(target)}`);
      assert.deepEqual(late.items.map(labelOf), [shownName(target)]);
      assert.equal(late.incomplete, false);
    } finally {
      await slow.close();
      await configure({ apiBaseUrl: fx.standIn.baseUrl });
      await waitFor(
        'the suite’s contacts back',
        async () => {
          await api.provider.getChildren();
          return api.session.knownContacts().length === COUNT;
        },
        20_000,
      );
    }
  });

  it('without a token offers nothing and sends nothing; Clear API Token drops mentions and hover cards at once', async () => {
    const api = await extensionApi();
    const known = fx.all[7] as Contact;
    const doc = await scratch(`${known.email ?? ''}`);
    assert.equal((await cardsAt(doc, new vscode.Position(0, 2))).length, 1, 'a card while the token is set');
    await api.tokens.clear();
    try {
      await waitFor('the token gone', async () => !(await api.tokens.has()));
      fx.standIn.reset();
      assert.equal((await mentionsAt('@gra')).items.length, 0);
      assert.equal((await mentionsAt('@')).items.length, 0);
      assert.equal((await cardsAt(doc, new vscode.Position(0, 2))).length, 0, 'no card from a dropped store');
      assert.deepEqual(fx.standIn.requests, [], 'no request without a token');
    } finally {
      await api.tokens.set(TOKEN);
      await waitFor(
        'the suite’s contacts back',
        async () => {
          await api.provider.getChildren();
          return api.session.knownContacts().length === COUNT;
        },
        20_000,
      );
    }
  });
});
