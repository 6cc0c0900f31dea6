import * as vscode from 'vscode';
import { asLinqError, type LinqErrorKind } from '../api/linqApiError';

/** A short sentence for users, chosen by the error's kind; it never contains the token. */
export function describeError(error: unknown): string {
  const e = asLinqError(error);
  const texts: Record<LinqErrorKind, () => string> = {
    auth: () =>
      e.details.unsendableToken
        ? vscode.l10n.t(
            'The stored API token cannot be sent (it holds a control or non-ASCII character). Set it again.',
          )
        : vscode.l10n.t('Linq refused the API token. Set a new token to continue.'),
    notFound: () => vscode.l10n.t('The contact was not found.'),
    rateLimited: () =>
      e.details.retryAfterMs !== undefined
        ? vscode.l10n.t('Linq is limiting requests. Try again in {0} s.', Math.ceil(e.details.retryAfterMs / 1000))
        : vscode.l10n.t('Linq is limiting requests. Try again shortly.'),
    server: () =>
      vscode.l10n.t(
        'Linq had a problem answering ({0}).',
        e.status !== undefined ? `HTTP ${e.status}` : vscode.l10n.t('unknown status'),
      ),
    offline: () => vscode.l10n.t('Could not reach Linq: the connection failed or timed out.'),
    badData: () => vscode.l10n.t("Linq's answer could not be read (unexpected format)."),
    invalid: () =>
      e.details.problems && e.details.problems.length > 0
        ? vscode.l10n.t('Linq refused it: {0}', e.details.problems.join(' '))
        : vscode.l10n.t('Linq refused it (HTTP {0}).', e.status ?? 422),
    config: () =>
      e.details.readOnly
        ? vscode.l10n.t('Linq Contacts is read-only (the linqContacts.readOnly setting): nothing was sent to Linq.')
        : vscode.l10n.t('The API base URL setting is not allowed: {0}', e.message),
    cancelled: () => vscode.l10n.t('Cancelled.'),
  };
  return texts[e.kind]();
}
