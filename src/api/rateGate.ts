/**
 * A pause shared by every request of one client: a 429 on any request holds back all of them until
 * the server's `Retry-After` has passed, so a rate limit slows the whole engine at once instead of
 * each request discovering it on its own.
 */
export class RateGate {
  private openAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Holds requests back for `ms` from now (never shortens a pause already set). */
  pauseFor(ms: number): void {
    this.openAt = Math.max(this.openAt, this.now() + ms);
  }

  /** Milliseconds until requests may go again. */
  get remainingMs(): number {
    return Math.max(0, this.openAt - this.now());
  }

  /** Resolves when the gate is open; rejects with the signal's reason if aborted while waiting. */
  async wait(signal?: AbortSignal): Promise<void> {
    while (this.remainingMs > 0) {
      signal?.throwIfAborted();
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          clearTimeout(timer);
          reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, this.remainingMs);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    signal?.throwIfAborted();
  }
}
