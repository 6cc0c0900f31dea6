import { asLinqError } from '../api/linqApiError';
import type { Contact } from '../api/types';
import type { LinqSession } from '../contacts/linqSession';
import type { PinsAndRecents } from '../contacts/pinsAndRecents';
import type { Logger } from '../log/logger';

/** Pinned contacts not held yet are fetched by id, this many at a time. */
const FETCHES_AT_ONCE = 2;

/** After a failed fetch a pin waits this long before it is asked for again, twice as long after each further failure. */
const FIRST_RETRY_MS = 10_000;
const LAST_RETRY_MS = 5 * 60_000;

/**
 * The pinned contacts as the view shows them: the ones held, in the order pinned. A pin not held yet is fetched by id
 * (at most two at a time; the view hears of it through `fetched`); one Linq no longer has (404) is unpinned quietly.
 * One whose fetch failed otherwise (offline, a server error) is asked again at a later change of the view, backing off
 * from 10 s to 5 min: a walk streaming pages while Linq is away does not repeat the fetch with every page.
 */
export class PinnedContacts {
  private readonly asked = new Set<number>();
  /** Pins whose fetch failed: when they may be asked again, and the wait after the next failure. */
  private readonly failed = new Map<number, { retryAt: number; nextWaitMs: number }>();
  private readonly waiting: number[] = [];
  private inFlight = 0;
  private generation = 0;

  constructor(
    private readonly session: LinqSession,
    private readonly pins: PinsAndRecents,
    private readonly fetched: () => void,
    private readonly log?: Logger,
  ) {}

  /** The pinned contacts held now; the others are asked for. */
  contacts(): Contact[] {
    const held: Contact[] = [];
    for (const id of this.pins.pinned) {
      const contact = this.session.knownContact(id);
      if (contact) {
        held.push(contact);
      } else if (!this.asked.has(id) && (this.failed.get(id)?.retryAt ?? 0) <= Date.now()) {
        this.asked.add(id);
        this.waiting.push(id);
      }
    }
    this.fetchWaiting();
    return held;
  }

  /** Starts over (a new connection: its pins are others). */
  forget(): void {
    this.generation++;
    this.asked.clear();
    this.failed.clear();
    this.waiting.length = 0;
    this.inFlight = 0;
  }

  private fetchWaiting(): void {
    const generation = this.generation;
    while (this.inFlight < FETCHES_AT_ONCE && this.waiting.length > 0) {
      const id = this.waiting.shift() as number;
      this.inFlight++;
      void this.session
        .fetchContact(id)
        .then(
          () => {
            if (generation === this.generation) {
              this.failed.delete(id);
              this.fetched();
            }
          },
          (error: unknown) => {
            const e = asLinqError(error);
            if (generation !== this.generation) {
              return;
            }
            if (e.kind === 'notFound') {
              void this.pins.unpin(id);
            } else if (e.kind !== 'cancelled') {
              // Asked again at a change of the view after the wait (a failure is not a reason to drop a pin).
              const waitMs = this.failed.get(id)?.nextWaitMs ?? FIRST_RETRY_MS;
              this.failed.set(id, { retryAt: Date.now() + waitMs, nextWaitMs: Math.min(waitMs * 2, LAST_RETRY_MS) });
              this.asked.delete(id);
              this.log?.warnError('Loading a pinned contact', e);
            }
          },
        )
        .finally(() => {
          if (generation === this.generation) {
            this.inFlight--;
            this.fetchWaiting();
          }
        });
    }
  }
}
