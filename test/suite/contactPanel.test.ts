import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { validateContactId } from '../../src/commands/lookupContact';
import { isFromWebviewMessage, isPanelState, isToWebviewMessage } from '../../src/webview/protocol';
import type { StandIn } from '../server/linqStandIn';
import { hostileIndex, makeContact } from '../server/contactFactory';
import { toContactView } from '../../src/webview/contactView';
import { configure, extensionApi, useStandIn, waitFor } from './helpers';

describe('detail tab, lookup and protocol', () => {
  let standIn: StandIn;

  before(async () => {
    standIn = await useStandIn({ count: 40, token: 'suite-token', hostile: true });
    const api = await extensionApi();
    await api.tokens.set('suite-token');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const api = await extensionApi();
    await api.tokens.clear();
    await standIn.close();
  });

  it('the tab HTML has a strict CSP, a nonce on every script and no contact text', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('linqContacts.lookupById', '3');
    const panel = await waitFor('panel open', () => api.openPanels().find((p) => p.contactId === 3));
    const html = panel.panel.webview.html;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.ok(scripts.length > 0);
    assert.ok(scripts.every((s) => s.includes(`nonce="${nonce}"`)));
    const hostile = makeContact(hostileIndex('markup'), true);
    assert.doesNotMatch(html, /Mallory|onerror|Evil Inc/);
    assert.equal(panel.shownContact?.fullName, String(hostile.full_name));
    assert.equal(panel.panel.title.includes('<img'), true, 'the title is plain text, shown as such');
    const options = panel.panel.webview.options;
    assert.equal(options.enableCommandUris, false);
    assert.equal(options.localResourceRoots?.length, 2);
  });

  it('showAvatars off loads no remote image: CSP img-src without https:, initials only', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('linqContacts.lookupById', '3');
    const panel = await waitFor('panel open', () => api.openPanels().find((p) => p.contactId === 3));
    // Any https: image is allowed only by the bare `https:` source (the webview's own source is a host).
    const imgSrc = (): string[] => (/img-src ([^;"]+)/.exec(panel.panel.webview.html)?.[1] ?? '').split(/\s+/);
    assert.ok(imgSrc().includes('https:'), imgSrc().join(' '));
    await configure({ showAvatars: false });
    try {
      await waitFor(
        'the tab reloaded without remote images',
        () => imgSrc().length > 0 && !imgSrc().includes('https:'),
      );
      assert.equal(toContactView({ id: 1, imageUrl: 'https://img.example/a.png' }, false).avatarUrl, undefined);
      assert.equal(
        toContactView({ id: 1, imageUrl: 'https://img.example/a.png' }, true).avatarUrl,
        'https://img.example/a.png',
      );
    } finally {
      await configure({ showAvatars: true });
    }
    await waitFor('remote images back', () => imgSrc().includes('https:'));
  });

  it('reuses one tab per contact', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('linqContacts.lookupById', '3');
    assert.equal(api.openPanels().filter((p) => p.contactId === 3).length, 1);
  });

  it('an unknown id opens nothing', async () => {
    const api = await extensionApi();
    const before = api.openPanels().length;
    await vscode.commands.executeCommand('linqContacts.lookupById', '999999');
    assert.equal(api.openPanels().length, before);
    assert.ok(standIn.requests.some((r) => r.path.endsWith('/contacts/999999') && r.status === 404));
  });

  it('lookup accepts only positive whole numbers, with a reason', () => {
    assert.equal(validateContactId('42'), undefined);
    for (const bad of ['', 'abc', '-1', '0', '1.5', '1e3', '99999999999999999999']) {
      assert.equal(typeof validateContactId(bad), 'string', `refuses ${JSON.stringify(bad)}`);
    }
  });

  it('protocol guards refuse malformed messages and unsafe links', () => {
    assert.ok(isFromWebviewMessage({ type: 'ready' }));
    assert.ok(!isFromWebviewMessage({ type: 'eval' }));
    assert.ok(!isFromWebviewMessage('ready'));
    assert.ok(isPanelState({ contactId: 5 }));
    assert.ok(!isPanelState({ contactId: '5' }));
    const base = {
      id: 1,
      name: 'x',
      initials: 'X',
      fields: [],
      hasEmail: false,
      hasPhone: false,
      canWrite: false,
      pinned: false,
      labels: {},
    };
    assert.ok(isToWebviewMessage({ type: 'show', contact: base }));
    assert.ok(!isToWebviewMessage({ type: 'show', contact: { ...base, avatarUrl: 'javascript:alert(1)' } }));
    assert.ok(
      !isToWebviewMessage({
        type: 'show',
        contact: { ...base, fields: [{ key: 'email', label: 'E', value: 'v', href: 'javascript:x' }] },
      }),
    );
  });
});
