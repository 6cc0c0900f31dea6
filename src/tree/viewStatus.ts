import * as vscode from 'vscode';
import type { LinqApiError } from '../api/linqApiError';
import { describeError } from '../errors/describeError';

/** What the view's description and message are made from. */
export interface ViewFacts {
  readonly hasToken: boolean;
  readonly error: LinqApiError | undefined;
  /** True once the first rows are shown. */
  readonly loadedAny: boolean;
  /** Contacts held, and the organisation's count as the server last said (never less). */
  readonly loaded: number;
  readonly total: number;
  readonly complete: boolean;
  readonly capped: boolean;
  /** The filter's text ('' when off) and how many match among those held. */
  readonly filter: string;
  readonly matches: number;
  /** When the contacts shown were loaded, while they come from the local copy (or Refresh is under way). */
  readonly heldSince?: number;
  /** Why refreshing those contacts failed. */
  readonly refreshError?: LinqApiError;
  /** True when the view is in an order other than Linq's (it needs every contact). */
  readonly sorted?: boolean;
}

/** The view's description ("237 contacts") and message (errors, the filter's counts, an empty organisation). */
export function viewStatus(f: ViewFacts): { description: string | undefined; message: string | undefined } {
  const description = f.loadedAny && f.hasToken ? vscode.l10n.t('{0} contacts', f.total) : undefined;
  let message: string | undefined;
  if (!f.hasToken) {
    message = undefined;
  } else if (f.error) {
    message = describeError(f.error);
  } else if (f.filter !== '') {
    message = !f.complete
      ? vscode.l10n.t(
          'Filter "{0}": {1} match so far, searching {2} of {3} contacts…',
          f.filter,
          f.matches,
          f.loaded,
          f.total,
        )
      : f.capped
        ? vscode.l10n.t(
            'Filter "{0}": {1} of the first {2} contacts match (the most this extension holds).',
            f.filter,
            f.matches,
            f.loaded,
          )
        : vscode.l10n.t('Filter "{0}": {1} of {2} contacts match.', f.filter, f.matches, f.total);
  } else if (f.sorted && !f.complete && f.loadedAny) {
    message = vscode.l10n.t('Sorted among {0} of {1} loaded…', f.loaded, f.total);
  } else if (f.heldSince !== undefined && f.loadedAny) {
    message = f.refreshError
      ? vscode.l10n.t(
          'Contacts as of {0}. Refreshing failed: {1}',
          loadedTime(f.heldSince),
          describeError(f.refreshError),
        )
      : vscode.l10n.t('Contacts as of {0}.', loadedTime(f.heldSince));
  } else if (f.capped && f.complete) {
    message = vscode.l10n.t('Showing the first {0} contacts: the most this extension holds.', f.loaded);
  } else if (f.loadedAny && f.complete && f.loaded === 0) {
    message = vscode.l10n.t('No contacts in your organisation yet.');
  }
  return { description, message };
}

/** "10:42" today, else the date and the time, in VS Code's display language. */
function loadedTime(at: number): string {
  const when = new Date(at);
  const today = new Date().toDateString() === when.toDateString();
  const format = today ? { hour: 'numeric', minute: '2-digit' } : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(vscode.env.language, format as Intl.DateTimeFormatOptions).format(when);
}

/** Sets the view's description and message, touching neither when unchanged (VS Code batches changes). */
export function applyViewStatus(view: vscode.TreeView<unknown>, status: ReturnType<typeof viewStatus>): void {
  if (view.description !== status.description) {
    view.description = status.description;
  }
  if (view.message !== status.message) {
    view.message = status.message;
  }
}

/** The badge on the Linq icon: how many contacts are new since the view was last shown (none: no badge). */
export function newContactsBadge(count: number): vscode.ViewBadge | undefined {
  if (count <= 0) {
    return undefined;
  }
  const tooltip =
    count === 1 ? vscode.l10n.t('1 new contact in Linq') : vscode.l10n.t('{0} new contacts in Linq', count);
  return { value: count, tooltip };
}

/** The view's progress bar, shown while requests are in flight (told on every change). */
export class ViewProgress {
  private endShown: (() => void) | undefined;

  constructor(private readonly viewId: string) {}

  show(busy: boolean): void {
    if (!busy || this.endShown) {
      if (!busy) {
        this.end();
      }
      return;
    }
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const end = (): void => {
      if (this.endShown === end) {
        this.endShown = undefined;
      }
      finish();
    };
    this.endShown = end;
    void vscode.window.withProgress({ location: { viewId: this.viewId } }, () => done);
  }

  end(): void {
    this.endShown?.();
  }
}
