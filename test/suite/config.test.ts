import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { validateToken } from '../../src/commands/tokenCommands';
import { Settings } from '../../src/constants';
import { toContactView } from '../../src/webview/contactView';
import { startStandIn, type StandIn } from '../server/linqStandIn';
import { configure, extensionApi, useStandIn, waitFor } from './helpers';

/** Characters a pasted value must never carry: controls, line/paragraph separators, bidi overrides. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('trust: where the token goes and what leaves the extension', () => {
  let standIn: StandIn;
  let decoy: StandIn;
  let folderSettings: vscode.Uri | undefined;

  before(async () => {
    standIn = await useStandIn({ count: 30, token: 'suite-token' });
    decoy = await startStandIn({ count: 30, token: 'suite-token' });
    await configure({ pageSize: 25 });
  });

  after(async () => {
    if (folderSettings) {
      await vscode.workspace.fs.delete(folderSettings);
      await waitFor(
        'folder settings gone',
        () => vscode.workspace.getConfiguration(Settings.section).inspect('pageSize')?.workspaceValue === undefined,
      );
    }
    const api = await extensionApi();
    await api.tokens.clear();
    await standIn.close();
    await decoy.close();
  });

  it("a folder's .vscode/settings.json cannot move the token: its server receives no request", async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite runs in a folder');
    folderSettings = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
    // A window-scoped key beside it shows when VS Code has read the file.
    const settings = { 'linqContacts.apiBaseUrl': decoy.baseUrl, 'linqContacts.pageSize': 7 };
    await vscode.workspace.fs.writeFile(folderSettings, Buffer.from(JSON.stringify(settings, null, 2)));
    await waitFor(
      'the folder settings read',
      () => vscode.workspace.getConfiguration(Settings.section).inspect('pageSize')?.workspaceValue === 7,
    );
    const api = await extensionApi();
    await api.tokens.set('suite-token');
    await vscode.commands.executeCommand('linqContacts.refresh');
    await waitFor('the first page loaded', async () => {
      await api.provider.getChildren();
      await api.provider.idle();
      return api.provider.rows.loadedAny || api.provider.rows.error !== undefined;
    });
    assert.equal(api.provider.rows.error, undefined);
    assert.equal(decoy.requests.length, 0, "the folder's server received nothing");
    assert.equal(standIn.requests.at(-1)?.token, 'suite-token');
    assert.equal(
      api.provider.rows.contacts.length,
      7,
      'the folder’s window-scoped page size still applies to the rows',
    );
    assert.equal(standIn.requests.at(-1)?.query.per_page, '100', 'the store always asks for full pages');
  });

  it('copies email and phone as one line without control characters or bidi overrides', async () => {
    const contact = {
      id: 9001,
      fullName: 'Mallory',
      email: 'mallory@example.com\nrm -rf ~\r',
      phoneNumber: '\u202e+1 555 0100\u202c\r\n\u001b[2J',
    };
    await vscode.commands.executeCommand('linqContacts.copyEmail', contact);
    assert.equal(await vscode.env.clipboard.readText(), 'mallory@example.com rm -rf ~');
    await vscode.commands.executeCommand('linqContacts.copyPhone', contact);
    assert.equal(await vscode.env.clipboard.readText(), '+1 555 0100 [2J');
    await vscode.commands.executeCommand('linqContacts.copyVCard', {
      ...contact,
      fullName: 'Mallory\r\nEND:VCARD\r\nBEGIN:VCARD\u2028X',
    });
    const card = await vscode.env.clipboard.readText();
    const lines = card
      .replace(/\r\n[ \t]/g, '')
      .split('\r\n')
      .filter(Boolean);
    assert.deepEqual(
      lines.map((l) => /^[A-Z]+/.exec(l)?.[0]),
      ['BEGIN', 'VERSION', 'FN', 'N', 'EMAIL', 'TEL', 'UID', 'END'],
    );
    assert.ok(card.split('\r\n').every((l) => !FORBIDDEN.test(l)));
  });

  it('the Set API Token box refuses a control character with the reason, never repeating the token', () => {
    for (const token of ['secret\u0007value', 'secret\nvalue', 'secret\u0085value', 'secret\u007fvalue']) {
      const reason = validateToken(token);
      assert.match(String(reason), /control character/);
      assert.ok(!String(reason).includes('secret'));
    }
    assert.match(String(validateToken('sécret')), /cannot be sent/);
    assert.equal(validateToken('  a-good-token_123  '), undefined);
    assert.equal(validateToken(''), undefined, 'empty means "change nothing", not an error');
  });

  it('tel: links only for numbers with 3 digits or more, extensions as ;ext=', () => {
    const href = (phoneNumber: string): string | undefined =>
      toContactView({ id: 1, phoneNumber }, true).fields.find((f) => f.key === 'phone')?.href;
    assert.equal(href('+1 (555) 010-0199 ext. 12'), 'tel:+15550100199;ext=12');
    assert.equal(href('٠١٢٣'), 'tel:0123');
    assert.equal(href('12'), undefined);
    assert.equal(href('n/a'), undefined);
  });
});
