import type { Contact } from '../api/types';

/** `find` for hover cards: at most two in flight and ten waiting (the oldest waiting dropped). */
const IN_FLIGHT = 2;
const QUEUED = 10;

interface Waiting {
  readonly address: string;
  readonly resolve: () => void;
}

/**
 * Asks Linq's `find` about addresses no held contact has, for hover cards: each address once per connection
 * (the answer "none" is remembered too), at most two in flight and ten waiting. `forget` is called with a new
 * connection. Answers are kept here; the store keeps a contact found.
 */
export class HoverFinder {
  /** Lower-cased address → the contact found, or null for "none". */
  private answers = new Map<string, Contact | null>();
  private asked = new Map<string, Promise<void>>();
  private readonly waiting: Waiting[] = [];
  private running = 0;
  private generation = 0;

  constructor(private readonly find: (email: string) => Promise<Contact | undefined>) {}

  /** What is known of this address: a contact, null ("none"), or undefined (not asked yet). */
  answer(address: string): Contact | null | undefined {
    return this.answers.get(address.toLowerCase());
  }

  /** Forgets one "none" (that address was just created) or everything (a new connection). */
  forget(address?: string): void {
    if (address !== undefined) {
      if (this.answers.get(address.toLowerCase()) === null) {
        this.answers.delete(address.toLowerCase());
      }
      return;
    }
    this.generation++;
    this.answers = new Map();
    this.asked = new Map();
    this.waiting.length = 0;
  }

  /** Asks once per address; resolves when answered (or dropped from the queue, or failed). */
  ask(address: string): Promise<void> {
    const key = address.toLowerCase();
    const pending = this.asked.get(key);
    if (pending) {
      return pending;
    }
    const promise = new Promise<void>((resolve) => {
      this.waiting.push({ address: key, resolve });
      if (this.waiting.length > QUEUED) {
        const dropped = this.waiting.shift();
        if (dropped) {
          this.asked.delete(dropped.address);
          dropped.resolve();
        }
      }
    });
    this.asked.set(key, promise);
    this.pump();
    return promise;
  }

  private pump(): void {
    while (this.running < IN_FLIGHT && this.waiting.length > 0) {
      const next = this.waiting.pop() as Waiting;
      const generation = this.generation;
      this.running++;
      this.find(next.address)
        .then(
          (contact) => {
            if (generation === this.generation) {
              this.answers.set(next.address, contact ?? null);
            }
          },
          () => {
            // A failure is not an answer: the next hover may ask again.
            if (generation === this.generation) {
              this.asked.delete(next.address);
            }
          },
        )
        .finally(() => {
          this.running--;
          next.resolve();
          this.pump();
        });
    }
  }
}
