import * as vscode from 'vscode';

/** Pins kept at most per connection; recents shown. */
export const MAX_PINS = 500;
export const MAX_RECENT = 10;

/** Where ids are kept: the extension's global state (`ExtensionContext.globalState`). */
export interface IdMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

interface Kept {
  readonly pinned: readonly number[];
  readonly recent: readonly number[];
}

const NONE: Kept = { pinned: [], recent: [] };

/** Positive whole ids only, each once, at most `max` (anything else in the state is dropped). */
function ids(value: unknown, max: number): number[] {
  const list = Array.isArray(value) ? value : [];
  return [...new Set(list.filter((v): v is number => Number.isSafeInteger(v) && v > 0))].slice(0, max);
}

/**
 * The pinned contacts and the last contacts whose tab the user opened, of the current connection: contact ids
 * only, in the extension's global state under the connection's keyed name (never a contact's data, never the
 * token). Pins keep the order they were pinned in; recents are most recent first. Every change first makes sure it
 * is the current connection's (the token may have changed a moment ago), one change after another.
 */
export class PinsAndRecents implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the pins or recents changed, or the connection did. */
  readonly onDidChange = this.changed.event;
  private name: string | undefined;
  private kept: Kept = NONE;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly state: IdMemento,
    /** The current connection's keyed name (`TokenStore.connectionName`), or `undefined` without one. */
    private readonly nameNow: () => Promise<string | undefined>,
  ) {}

  /** Follows the connection as it is now (the token or the base URL changed). */
  follow(): Promise<void> {
    return this.serially(() => Promise.resolve());
  }

  get pinned(): readonly number[] {
    return this.kept.pinned;
  }

  get recent(): readonly number[] {
    return this.kept.recent;
  }

  isPinned(id: number): boolean {
    return this.kept.pinned.includes(id);
  }

  pin(id: number): Promise<void> {
    return this.change((k) => (k.pinned.includes(id) ? k : { ...k, pinned: [...k.pinned, id] }));
  }

  /** Unpins (also when Linq no longer has the contact). */
  unpin(id: number): Promise<void> {
    return this.change((k) => ({ ...k, pinned: k.pinned.filter((p) => p !== id) }));
  }

  /** The user opened this contact's tab: it leads the recents. */
  opened(id: number): Promise<void> {
    return this.change((k) => (k.recent[0] === id ? k : { ...k, recent: [id, ...k.recent.filter((r) => r !== id)] }));
  }

  /** A contact deleted: it leaves the recents and the pins. */
  removed(id: number): Promise<void> {
    return this.change((k) => ({ pinned: k.pinned.filter((p) => p !== id), recent: k.recent.filter((r) => r !== id) }));
  }

  /** Forgets the current connection's pins and recents (Clear API Token). */
  forget(): Promise<void> {
    return this.serially(async () => {
      if (this.name !== undefined) {
        await this.state.update(this.key(this.name), undefined);
      }
      this.kept = NONE;
      this.changed.fire();
    });
  }

  private change(next: (kept: Kept) => Kept): Promise<void> {
    return this.serially(async () => {
      const before = this.kept;
      const after = next(before);
      if (after === before) {
        return;
      }
      this.kept = { pinned: ids(after.pinned, MAX_PINS), recent: ids(after.recent, MAX_RECENT) };
      this.changed.fire();
      if (this.name !== undefined) {
        await this.state.update(this.key(this.name), this.kept);
      }
    });
  }

  /** Runs `work` after the changes before it, with the current connection's ids loaded. */
  private serially(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(async () => {
      const name = await this.nameNow().catch(() => undefined);
      if (name !== this.name) {
        this.name = name;
        const stored = name === undefined ? undefined : this.state.get<Partial<Kept>>(this.key(name));
        this.kept = { pinned: ids(stored?.pinned, MAX_PINS), recent: ids(stored?.recent, MAX_RECENT) };
        this.changed.fire();
      }
      await work();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private key(name: string): string {
    return `pinsAndRecents:${name}`;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
