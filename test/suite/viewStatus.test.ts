import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { LinqApiError } from '../../src/api/linqApiError';
import { applyViewStatus, viewStatus, type ViewFacts } from '../../src/tree/viewStatus';

const facts = (f: Partial<ViewFacts> = {}): ViewFacts => ({
  hasToken: true,
  error: undefined,
  loadedAny: true,
  loaded: 100,
  total: 237,
  complete: false,
  capped: false,
  filter: '',
  matches: 0,
  ...f,
});

describe('viewStatus: the view’s description and message, most important first', () => {
  it('counts the organisation; nothing without a token', () => {
    assert.deepEqual(viewStatus(facts()), { description: '237 contacts', message: undefined });
    assert.deepEqual(viewStatus(facts({ hasToken: false })), { description: undefined, message: undefined });
  });

  it('an error before the filter, the filter before "as of"', () => {
    const error = new LinqApiError('auth', 'x');
    const both = viewStatus(facts({ error, filter: 'ada', heldSince: Date.now() }));
    assert.match(both.message ?? '', /refused the API token/);
    const filtered = viewStatus(facts({ filter: 'ada', matches: 3, heldSince: Date.now() }));
    assert.match(filtered.message ?? '', /^Filter "ada": 3 match so far, searching 100 of 237 contacts…$/);
    assert.match(viewStatus(facts({ heldSince: Date.now() })).message ?? '', /^Contacts as of /);
    assert.equal(
      viewStatus(facts({ complete: true, loaded: 0, total: 0 })).message,
      'No contacts in your organisation yet.',
    );
  });

  it('applyViewStatus touches only what changed (each set is a round trip to the workbench)', () => {
    const sets: string[] = [];
    let description: string | undefined = '5 contacts';
    let message: string | undefined = 'old';
    const view = {
      get description() {
        return description;
      },
      set description(value) {
        sets.push('description');
        description = value;
      },
      get message() {
        return message;
      },
      set message(value) {
        sets.push('message');
        message = value;
      },
    } as vscode.TreeView<unknown>;
    applyViewStatus(view, { description: '5 contacts', message: undefined });
    assert.deepEqual(sets, ['message']);
    assert.equal(message, undefined);
  });
});
