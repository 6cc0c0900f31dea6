import { MAX_WALK_CONCURRENCY, MIN_WALK_CONCURRENCY, WALK_CONCURRENCY } from './limits';

/** Clean rounds at the learned ceiling before one step above it is tried again. */
const PROBE_AFTER_ROUNDS = 250;
/** 429s this soon after a decrease (or within 1.5 × the best round's latency) answer the same overload. */
const SAME_OVERLOAD_MS = 500;

/**
 * How many list requests may be in flight, adapted to the server (additive increase, multiplicative
 * decrease, as TCP and Netflix's concurrency-limits do): starting at 4, +1 after each completed round (as many
 * answers as the limit) that met no 429 or 503 and whose median latency was at most 1.5 × the best round's;
 * halved on a 429 or 503; always between 1 and 16. One per client: a 429 anywhere lowers it for every request.
 *
 * It also remembers where the server said stop: after a 429 at a limit of L it grows back only to L − 1, and
 * tries one step higher after 250 clean rounds there (more than a 100,000-contact walk has). Each 429 costs every
 * request the server's `Retry-After`, so probing the same wall every few rounds would make the walk slower than never
 * growing at all. The requests in
 * flight when the wall is met all come back 429 at about once: that burst is one overload, counted once (else a
 * limit of 7 against a wall at 6 would halve twice, to 1, and learn a ceiling of 2).
 */
export class AdaptiveLimit {
  private value: number;
  private round: number[] = [];
  private best = Number.POSITIVE_INFINITY;
  private ceiling: number;
  private roundsAtCeiling = 0;
  private lastDecrease = Number.NEGATIVE_INFINITY;

  constructor(
    initial = WALK_CONCURRENCY,
    private readonly min = MIN_WALK_CONCURRENCY,
    private readonly max = MAX_WALK_CONCURRENCY,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.value = Math.min(max, Math.max(min, initial));
    this.ceiling = max;
  }

  /** Requests that may be in flight now. */
  get limit(): number {
    return this.value;
  }

  /** An answer that was not a 429 or 503, after `latencyMs`. */
  answered(latencyMs: number): void {
    this.round.push(latencyMs);
    if (this.round.length < this.value) {
      return;
    }
    const sorted = [...this.round].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? latencyMs;
    this.best = Math.min(this.best, median);
    this.round = [];
    // A 429 or 503 starts the round over: a round that completes met none.
    if (median > 1.5 * this.best) {
      return;
    }
    if (this.value >= this.ceiling && ++this.roundsAtCeiling >= PROBE_AFTER_ROUNDS) {
      this.ceiling = Math.min(this.max, this.ceiling + 1);
      this.roundsAtCeiling = 0;
    }
    this.value = Math.min(this.ceiling, this.value + 1);
  }

  /** A 429 or 503: the server says it is overloaded. */
  limited(): void {
    const now = this.now();
    const window = Math.max(SAME_OVERLOAD_MS, 1.5 * (Number.isFinite(this.best) ? this.best : 0));
    if (now - this.lastDecrease < window) {
      return;
    }
    this.lastDecrease = now;
    this.ceiling = Math.max(this.min, Math.min(this.ceiling, this.value - 1));
    this.roundsAtCeiling = 0;
    this.value = Math.max(this.min, Math.floor(this.value / 2));
    this.round = [];
  }
}
