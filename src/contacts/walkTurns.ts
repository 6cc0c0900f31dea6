import { RENEW_MS, type WalkLease } from '../cache/walkLease';
import type { Logger } from '../log/logger';

/** A waiting window tries again this long after the lease it waits for expires (spread, so not all at once). */
const SPREAD_MS = 2_000;

/** How a background walk is run in its turn. */
export interface TurnOptions {
  /** Asked before a later try: false when the walk is no longer needed (another window's result came). */
  readonly needed: () => boolean;
  /** Another window took the lease over while this one walked: stop. */
  readonly lost?: () => void;
}

/**
 * One background walk at a time for a connection, across windows: a walk runs once this window holds the lease beside
 * the cache (`WalkLease`), renewing it while it walks and giving it up at the end. A window that finds a live lease
 * waits (one timer, until the lease expires or one renewal period, whichever comes first), meanwhile takes the
 * holder's result from the shared cache, and then walks only if that did not make its walk unneeded; a lease whose
 * holder died expires. Without a lease (the cache off) every walk runs at once.
 */
export class WalkTurns {
  /** Ends a wait for a turn at once (the connection changed). */
  private readonly waits = new Set<() => void>();
  private disposed = false;
  /** This window's last walk asked for, in its turn or waiting for it. */
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly lease: Promise<WalkLease | undefined>,
    private readonly log?: Logger,
  ) {}

  /**
   * Runs `walk` in this window's turn; resolves when it ran, or was no longer needed. This window's own walks run one
   * after another (two asked at once would race for the lease, and the loser would wait for its own window's).
   */
  run(walk: () => Promise<void>, options: TurnOptions): Promise<void> {
    const turn = this.last.then(() => this.runInTurn(walk, options));
    this.last = turn.catch(() => undefined);
    return turn;
  }

  private async runInTurn(walk: () => Promise<void>, options: TurnOptions): Promise<void> {
    const lease = await this.lease.catch(() => undefined);
    if (this.disposed || !options.needed()) {
      return;
    }
    if (!lease) {
      return walk();
    }
    const taken = await lease.take().catch(() => ({ held: true }) as const);
    if (this.disposed) {
      return;
    }
    if (!taken.held) {
      this.log?.info('Another window is walking Linq for this connection: taking its result from the local copy.');
      // Until the lease expires, but asking again every renewal period: its holder may be done before.
      const wait = Math.max(1_000, Math.min(RENEW_MS, taken.expires - Date.now())) + Math.random() * SPREAD_MS;
      await new Promise<void>((resolve) => {
        const end = (): void => {
          clearTimeout(timer);
          this.waits.delete(end);
          resolve();
        };
        const timer = setTimeout(end, wait);
        this.waits.add(end);
      });
      return this.runInTurn(walk, options);
    }
    const renewal = setInterval(() => {
      void lease.renew().then(
        (held) => {
          if (!held) {
            clearInterval(renewal);
            this.log?.info('Another window took the walk over.');
            options.lost?.();
          }
        },
        () => undefined,
      );
    }, RENEW_MS);
    try {
      await walk();
    } finally {
      clearInterval(renewal);
      await lease.release().catch(() => undefined);
    }
  }

  /**
   * Runs `walk` at once, whatever the others do (Refresh Contacts), taking the lease over meanwhile so that the other
   * windows wait for its result; it is given up when the walk ends.
   */
  runNow(walk: () => Promise<void>): Promise<void> {
    const walking = walk();
    void this.lease
      .then(async (lease) => {
        if (lease && (await lease.take(true)).held) {
          await walking.catch(() => undefined);
          await lease.release();
        }
      })
      .catch(() => undefined);
    return walking;
  }

  /** Stops waiting (the connection changed, the window closes); a walk under way gives its lease up as it ends. */
  dispose(): void {
    this.disposed = true;
    [...this.waits].forEach((end) => end());
  }
}
