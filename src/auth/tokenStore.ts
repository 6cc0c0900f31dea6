import { createHmac, randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { LinqApiError } from '../api/linqApiError';
import { parseBaseUrl } from '../api/baseUrl';
import { tokenProblem } from '../api/token';
import { NAMES_KEY_SECRET, SECRET_KEY } from '../constants';

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

  /**
   * A name for the connection of the token and this base URL that holds neither the token nor anything to check a
   * guess of it against: the API host and an HMAC under a random key of its own in the secret storage. What is kept
   * per connection (pins, recents) is kept under it. `undefined` without a token or with a base URL refused.
   */
  async connectionName(baseUrl: string): Promise<string | undefined> {
    const token = await this.get();
    let host: string;
    try {
      host = parseBaseUrl(baseUrl).host.toLowerCase();
    } catch {
      return undefined;
    }
    if (token === undefined) {
      return undefined;
    }
    let key = await this.secrets.get(NAMES_KEY_SECRET);
    if (!key) {
      key = randomBytes(32).toString('base64');
      await this.secrets.store(NAMES_KEY_SECRET, key);
    }
    return `${host}-${createHmac('sha256', key).update(`${baseUrl}\n${token}`, 'utf8').digest('hex').slice(0, 32)}`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
