import { LinqApiError } from '../api/linqApiError';
import type { Contact } from '../api/types';
import { createFields, type Draft } from '../format/contactDraft';
import { sortImport, type ImportRead, type ImportRefusal } from '../format/importFile';
import { createOnce, existingOrCannotTell, findQueryOf, type WriteTarget } from './contactWriter';

/** Requests of an import in flight at once (finds while planning, creates while importing). */
export const IMPORT_CONCURRENCY = 4;

/** What an import would do, worked out before anything is sent. */
export interface ImportPlan {
  /** Not in Linq (by email or phone): these are created. Name-only rows are here too. */
  readonly fresh: readonly Draft[];
  /** Linq already has a contact with that email or phone. */
  readonly existing: ReadonlyArray<{ readonly draft: Draft; readonly contact: Contact }>;
  /** `find` answered about someone else: nothing tells whether Linq has them, so they are not created. */
  readonly unclear: readonly Draft[];
  readonly refused: ReadonlyArray<{ readonly draft: Draft; readonly why: ImportRefusal }>;
  /** Rows that repeat an earlier row of the file (counted once). */
  readonly repeated: number;
  /** Columns of the file that were not read. */
  readonly ignored: readonly string[];
}

/** How an import ended. */
export interface ImportSummary {
  readonly created: readonly Contact[];
  /** Rows not sent: already in Linq, refused by the checks, repeated in the file, or unclear. */
  readonly skipped: number;
  readonly failed: ReadonlyArray<{ readonly draft: Draft; readonly reason: LinqApiError }>;
  /** Rows whose create was not answered and cannot be told apart (name only): Linq may have made them. */
  readonly unknown: number;
  /** Rows not started because the user cancelled, or Linq refused the owner. */
  readonly notStarted: number;
  /** Linq said the owner sent (`ownerEmail`) is no user of the organisation: the import stopped there. */
  readonly ownerRefused?: boolean;
}

/** Linq's 422 when `user_email` names no user of the organisation. */
function refusesOwner(error: unknown): boolean {
  return (
    error instanceof LinqApiError &&
    error.kind === 'invalid' &&
    (error.details.problems ?? []).some((p) => /user not found/i.test(p))
  );
}

/** Runs `work` over `items`, at most `limit` at once, starting no new item once `stop()` is true. */
async function pool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < items.length && !stop()) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
}

/**
 * Sorts a file's rows (checks, the file's own duplicates), then asks the store, else Linq's `find`, about
 * each row's email or phone, at most 4 at a time. Nothing is written.
 */
export async function planImport(
  target: WriteTarget,
  read: ImportRead,
  options: { readonly signal?: AbortSignal; readonly onProgress?: (checked: number, of: number) => void } = {},
): Promise<ImportPlan> {
  const sorted = sortImport(read.drafts);
  const verdicts = new Map<Draft, Contact | 'cannotTell' | undefined>();
  let checked = 0;
  await pool(sorted.candidates, IMPORT_CONCURRENCY, async (draft) => {
    const query = findQueryOf(createFields(draft));
    verdicts.set(draft, query ? await existingOrCannotTell(target, query, options.signal) : undefined);
    options.onProgress?.(++checked, sorted.candidates.length);
  });
  const fresh: Draft[] = [];
  const unclear: Draft[] = [];
  const existing: Array<{ draft: Draft; contact: Contact }> = [];
  for (const draft of sorted.candidates) {
    const verdict = verdicts.get(draft);
    if (verdict === 'cannotTell') {
      unclear.push(draft);
    } else if (verdict) {
      existing.push({ draft, contact: verdict });
    } else {
      fresh.push(draft);
    }
  }
  return { fresh, existing, unclear, refused: sorted.refused, repeated: sorted.repeated, ignored: read.ignored };
}

/**
 * Creates the plan's new contacts, at most 4 at a time, each once (a 429 waits and is sent again; a lost
 * answer is settled by `find`). Cancel (`stop()`) lets creates in flight finish and starts no new one.
 */
export async function runImport(
  target: WriteTarget,
  plan: ImportPlan,
  options: {
    readonly stop?: () => boolean;
    readonly onProgress?: (done: number, of: number) => void;
    /** Sent as each contact's owner (`linqContacts.ownerEmail`). */
    readonly ownerEmail?: string;
  } = {},
): Promise<ImportSummary> {
  const created: Contact[] = [];
  const failed: Array<{ draft: Draft; reason: LinqApiError }> = [];
  let unknown = 0;
  let ownerRefused = false;
  let done = 0;
  await pool(
    plan.fresh,
    IMPORT_CONCURRENCY,
    async (draft) => {
      try {
        const result = await createOnce(target, createFields(draft), options.ownerEmail, { checkDuplicates: false });
        if (result.kind === 'created') {
          created.push(result.contact);
        } else {
          unknown++;
        }
      } catch (error) {
        if (options.ownerEmail !== undefined && refusesOwner(error)) {
          // Every other row would be refused the same way: stop (this row counts as not started), and say why.
          ownerRefused = true;
          return;
        }
        failed.push({
          draft,
          reason:
            error instanceof LinqApiError ? error : new LinqApiError('offline', 'The create failed.', { cause: error }),
        });
      }
      options.onProgress?.(++done, plan.fresh.length);
    },
    () => ownerRefused || options.stop?.() === true,
  );
  return {
    ownerRefused,
    created,
    skipped: plan.existing.length + plan.unclear.length + plan.refused.length + plan.repeated,
    failed,
    unknown,
    notStarted: plan.fresh.length - done,
  };
}
