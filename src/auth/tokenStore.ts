import * as vscode from 'vscode';
import { SECRET_KEY } from '../constants';

/**
 * The API token, kept in VS Code's SecretStorage only (never settings, state or logs).
 * `onDidChange` fires for changes from this window and from every other window.
 */
export class TokenStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === SECRET_KEY) {
        this.changed.fire();
      }
    });
  }

  /** The token, or `undefined` when none (or only blanks) is stored. */
  async get(): Promise<string | undefined> {
    const token = await this.secrets.get(SECRET_KEY);
    return token && token.trim() !== '' ? token.trim() : undefined;
  }

  async set(token: string): Promise<void> {
    await this.secrets.store(SECRET_KEY, token.trim());
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
