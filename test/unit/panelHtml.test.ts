import * as assert from 'node:assert/strict';
import { escapeHtml, makeNonce, renderPanelHtml } from '../../src/webview/panelHtml';

const page = (remoteImages: boolean): string =>
  renderPanelHtml({
    cspSource: 'vscode-webview://x',
    scriptUri: 'vscode-webview://x/dist/detail.js',
    styleUri: 'vscode-webview://x/media/detail.css',
    nonce: 'N0nce',
    title: 'Linq <contact>',
    remoteImages,
  });

describe('panelHtml: the tab’s fixed page under a strict CSP', () => {
  it('scripts only by nonce, nothing by default, no inline anything', () => {
    const html = page(false);
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-N0nce'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /img-src vscode-webview:\/\/x(;|$)/, 'no remote images when avatars are off');
    assert.match(page(true), /img-src vscode-webview:\/\/x https:/);
    assert.match(html, /<script nonce="N0nce" src="vscode-webview:\/\/x\/dist\/detail.js"><\/script>/);
    assert.match(html, /<title>Linq &#60;contact&#62;<\/title>/);
  });

  it('nonces are fresh and long; escapeHtml escapes what HTML reads', () => {
    const nonces = new Set(Array.from({ length: 100 }, makeNonce));
    assert.equal(nonces.size, 100);
    assert.ok([...nonces].every((n) => Buffer.from(n, 'base64').length === 16));
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});
