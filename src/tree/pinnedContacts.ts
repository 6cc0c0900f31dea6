import { asLinqError } from '../api/linqApiError';
import type { Contact } from '../api/types';
import type { LinqSession } from '../contacts/linqSession';
import type { PinsAndRecents } from '../contacts/pinsAndRecents';
import type { Logger } from '../log/logger';

/** Pinned contacts not held yet are fetched by id, this many at a time. */
const FETCHES_AT_ONCE = 2;

/**
 * The pinned contacts as the view shows them: the ones held, in the order pinned. A pin not held yet is fetched by id
 * (at most two at a time; the view hears of it through `fetched`); one Linq no longer has (404) is unpinned quietly.
 */
export class PinnedContacts {
  private readonly asked = new Set<number>();
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
      } else if (!this.asked.has(id)) {
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
          () => generation === this.generation && this.fetched(),
          (error: unknown) => {
            const e = asLinqError(error);
            if (generation !== this.generation) {
              return;
            }
            if (e.kind === 'notFound') {
              void this.pins.unpin(id);
            } else if (e.kind !== 'cancelled') {
              // Asked again at the next change of the view (a failure is not a reason to drop a pin).
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
