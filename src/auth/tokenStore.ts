import * as vscode from 'vscode';
import { LinqApiError } from '../api/linqApiError';
import { tokenProblem } from '../api/token';
import { SECRET_KEY } from '../constants';

/**
 * The API token, kept in VS Code's SecretStorage only (never settings, state or logs).
 * `onDidChange` fires for changes from this window and from every other window.
 */
export class TokenStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** The last read, until the secret changes (each read is a round trip to the workbench). */
  private read: Promise<string | undefined> | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === SECRET_KEY) {
        this.read = undefined;
        this.changed.fire();
      }
    });
  }

  /** The token, or `undefined` when none (or only blanks) is stored. */
  get(): Promise<string | undefined> {
    this.read ??= Promise.resolve(this.secrets.get(SECRET_KEY)).then(
      (token) => (token && token.trim() !== '' ? token.trim() : undefined),
      (error: unknown) => {
        this.read = undefined;
        throw error;
      },
    );
    return this.read;
  }

  /** Stores a token (trimmed); one that could not be sent in a header is refused, never repeated in the error. */
  async set(token: string): Promise<void> {
    if (tokenProblem(token) !== undefined) {
      throw new LinqApiError(
        'auth',
        'This token cannot be used: it is empty or holds a control or non-ASCII character.',
        { unsendableToken: true },
      );
    }
    this.read = undefined;
    await this.secrets.store(SECRET_KEY, token.trim());
  }

  async clear(): Promise<void> {
    this.read = undefined;
    await this.secrets.delete(SECRET_KEY);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
