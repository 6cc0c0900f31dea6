import * as vscode from 'vscode';
import { TokenStore } from '../../src/auth/tokenStore';
import { LinqSession } from '../../src/contacts/linqSession';

/** A secret storage in memory, with the real event type: what a test's own session keeps its token in. */
export class MemorySecrets implements vscode.SecretStorage {
  private readonly values = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.changed.event;
  stores = 0;

  keys(): Thenable<string[]> {
    return Promise.resolve([...this.values.keys()]);
  }
  get(key: string): Thenable<string | undefined> {
    return Promise.resolve(this.values.get(key));
  }
  store(key: string, value: string): Thenable<void> {
    this.stores++;
    this.values.set(key, value);
    this.changed.fire({ key });
    return Promise.resolve();
  }
  delete(key: string): Thenable<void> {
    this.values.delete(key);
    this.changed.fire({ key });
    return Promise.resolve();
  }
}

/** A global state in memory (`ExtensionContext.globalState`'s two calls that pins and recents use). */
export class MemoryMemento {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Thenable<void> {
    if (value === undefined) {
      this.values.delete(key);
    } else {
      this.values.set(key, structuredClone(value));
    }
    return Promise.resolve();
  }
}

/** A session of the test's own (no cache, no log) over its own secrets, as the extension builds one. */
export function ownSession(): { secrets: MemorySecrets; tokens: TokenStore; session: LinqSession; dispose(): void } {
  const secrets = new MemorySecrets();
  const tokens = new TokenStore(secrets);
  const session = new LinqSession(tokens);
  return {
    secrets,
    tokens,
    session,
    dispose: () => {
      session.dispose();
      tokens.dispose();
    },
  };
}
