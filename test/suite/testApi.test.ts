import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ScriptedPrompter } from '../../src/testApi';
import { extensionApi } from './helpers';

/** What must not be reachable: the objects that hold or can read the token. */
const HIDDEN = ['LinqSession', 'TokenStore', 'LinqClient', 'ContactCache', 'SecretStorage'];

describe('testApi: what the extension hands its own in-host tests', () => {
  it('the scripted prompter answers in order, and keeps the picker shown until it hides', async () => {
    const prompts = new ScriptedPrompter();
    prompts.answerNextConfirm(true);
    prompts.answerNextConfirm(false);
    const file = vscode.Uri.file('/tmp/people.vcf');
    prompts.chooseNextFile(file);
    assert.equal(await prompts.confirm('Delete Ada?', 'Delete'), true);
    assert.equal(await prompts.confirm('Discard?', 'Discard'), false);
    assert.equal(await prompts.openFile({}), file);
    const pick = prompts.createQuickPick();
    pick.show();
    assert.equal(prompts.shown, pick);
    pick.hide();
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(prompts.shown, undefined);
    pick.dispose();
  });

  it('holds closures and plain data only: no token, no session, no client', async () => {
    const api = await extensionApi();
    await api.tokens.set('never-seen-token');
    try {
      const seen = new Set<unknown>();
      const walk = (value: unknown, depth: number): void => {
        if (
          depth > 3 ||
          value === null ||
          (typeof value !== 'object' && typeof value !== 'function') ||
          seen.has(value)
        ) {
          assert.ok(!String(value).includes('never-seen-token'));
          return;
        }
        seen.add(value);
        // By name: the extension runs its own bundle, so its classes are not this bundle's (`instanceof` fails).
        const made = (value as { constructor?: { name?: string } }).constructor?.name ?? '';
        assert.ok(!HIDDEN.includes(made), `a ${made} is reachable from the test API`);
        for (const key of Object.keys(value)) {
          if (key !== 'rows' && key !== 'panel') {
            walk((value as Record<string, unknown>)[key], depth + 1);
          }
        }
      };
      walk(api, 0);
      assert.equal(typeof api.tokens.set, 'function');
    } finally {
      await api.tokens.clear();
    }
  });
});
