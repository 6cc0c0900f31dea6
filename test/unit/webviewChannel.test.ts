import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { WebviewChannel } from '../../src/webview/webviewChannel';

type To = { readonly type: 'show' | 'status'; readonly text: string };

/** The two members of a webview the channel uses, recording what was posted. */
function page(): { webview: vscode.Webview; posted: To[]; send(message: unknown): void } {
  const posted: To[] = [];
  let listener: ((message: unknown) => void) | undefined;
  const webview = {
    postMessage: (message: To) => {
      posted.push(message);
      return Promise.resolve(true);
    },
    onDidReceiveMessage: (l: (message: unknown) => void) => {
      listener = l;
      return { dispose: () => (listener = undefined) };
    },
  } as unknown as vscode.Webview;
  return { webview, posted, send: (message) => listener?.(message) };
}

const isReady = (m: unknown): m is { type: 'ready' } =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'ready';

describe('WebviewChannel: the message pump of a tab', () => {
  it('holds posts until the page is ready, then repeats the kept status', () => {
    const p = page();
    const channel = new WebviewChannel<To, { type: 'ready' }>(
      p.webview,
      isReady,
      () => Promise.resolve(),
      new Set(['status']),
    );
    channel.post({ type: 'show', text: 'early' });
    channel.post({ type: 'status', text: 'Loading…' });
    assert.deepEqual(p.posted, [], 'nothing before the script is ready');
    assert.deepEqual(channel.opened(), [{ type: 'status', text: 'Loading…' }]);
    channel.post({ type: 'show', text: 'now' });
    assert.deepEqual(p.posted, [{ type: 'show', text: 'now' }]);
    channel.reloading();
    channel.post({ type: 'show', text: 'while reloading' });
    assert.equal(p.posted.length, 1);
  });

  it('hands on only messages that pass the guard; nothing after dispose', async () => {
    const p = page();
    const seen: unknown[] = [];
    const channel = new WebviewChannel<To, { type: 'ready' }>(p.webview, isReady, (m) => {
      seen.push(m);
      return Promise.resolve();
    });
    p.send({ type: 'ready' });
    p.send({ type: 'runCommand' });
    await channel.receive('ready');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(seen, [{ type: 'ready' }]);
    channel.opened();
    channel.dispose();
    channel.post({ type: 'show', text: 'late' });
    p.send({ type: 'ready' });
    assert.deepEqual(p.posted, []);
    assert.equal(seen.length, 1);
  });
});
