import type * as vscode from 'vscode';

/**
 * The message pump of one webview, written once (as GitHub Pull Requests' `WebviewBase`): messages posted
 * before the page's script said it is ready wait for it (only the last of each kept kind is sent again), and
 * every incoming message passes a guard before anyone sees it.
 */
export class WebviewChannel<ToWebview extends { readonly type: string }, FromWebview> {
  private ready = false;
  private closed = false;
  /** The last message of each kept kind (a status line), sent again when the page is (re)loaded. */
  private readonly kept = new Map<string, ToWebview>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly webview: vscode.Webview,
    private readonly isMessage: (message: unknown) => message is FromWebview,
    private readonly onMessage: (message: FromWebview) => Promise<void>,
    private readonly keptTypes: ReadonlySet<string> = new Set(),
  ) {
    this.subscription = webview.onDidReceiveMessage((message: unknown) => {
      void this.receive(message);
    });
  }

  /** Hands a message to the handler after the guard (the in-host tests stand in for the page with it). */
  async receive(message: unknown): Promise<void> {
    if (this.isMessage(message)) {
      await this.onMessage(message);
    }
  }

  /** The page's script said it is ready: posts from now on go through; returns the kept messages to repeat. */
  opened(): ToWebview[] {
    this.ready = true;
    return [...this.kept.values()];
  }

  /** The page is being loaded again: posts wait for its script. */
  reloading(): void {
    this.ready = false;
  }

  post(message: ToWebview): void {
    if (this.keptTypes.has(message.type)) {
      this.kept.set(message.type, message);
    }
    if (this.ready && !this.closed) {
      void this.webview.postMessage(message);
    }
  }

  dispose(): void {
    this.closed = true;
    this.subscription.dispose();
  }
}
