import * as vscode from 'vscode';
import { ownerEmail } from '../config';
import { asLinqError } from '../api/linqApiError';
import type { LinqSession } from '../contacts/linqSession';
import { planImport, runImport, type ImportPlan, type ImportSummary } from '../contacts/contactImport';
import { describeError } from '../errors/describeError';
import { readImportFile, type ImportRead } from '../format/importFile';
import { oneLine } from '../format/sanitize';
import type { Logger } from '../log/logger';
import type { Prompter } from '../ui/prompter';
import { writeAllowed } from '../ui/writeAllowed';

/** Largest file read (a vCard of 100,000 contacts is about 25 MB). */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Reads and parses the file; a clear message and `undefined` when it cannot be. */
async function readFile(uri: vscode.Uri): Promise<ImportRead | undefined> {
  const name = uri.path.split('/').pop() ?? '';
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_IMPORT_BYTES) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('{0} is larger than 50 MB: split it and import the parts.', name),
      );
      return undefined;
    }
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    return readImportFile(name, text);
  } catch (error) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        '{0} could not be read as contacts: {1}',
        name,
        error instanceof Error ? error.message : String(error),
      ),
    );
    return undefined;
  }
}

function refusalCounts(plan: ImportPlan): string {
  const why = { needOne: 0, email: 0, tooLong: 0 };
  for (const r of plan.refused) {
    why[r.why]++;
  }
  const parts: string[] = [];
  if (why.needOne > 0) {
    parts.push(vscode.l10n.t('{0} without a name, email or phone', why.needOne));
  }
  if (why.email > 0) {
    parts.push(vscode.l10n.t('{0} with an email address that is not valid', why.email));
  }
  if (why.tooLong > 0) {
    parts.push(vscode.l10n.t('{0} with a value over 255 characters', why.tooLong));
  }
  return parts.join('; ');
}

/** The summary a user can copy: counts, then each failure with Linq's reason. */
export function summaryText(fileName: string, summary: ImportSummary): string {
  const lines = [
    vscode.l10n.t('Import of {0}', fileName),
    vscode.l10n.t('Created: {0}', summary.created.length),
    vscode.l10n.t('Skipped: {0}', summary.skipped),
    vscode.l10n.t('Failed: {0}', summary.failed.length),
  ];
  if (summary.unknown > 0) {
    lines.push(vscode.l10n.t('Not answered (Linq may have created them; refresh to see): {0}', summary.unknown));
  }
  if (summary.notStarted > 0) {
    lines.push(vscode.l10n.t('Not started (cancelled): {0}', summary.notStarted));
  }
  for (const f of summary.failed) {
    const who = oneLine(
      [f.draft.firstName, f.draft.lastName].filter(Boolean).join(' ') || f.draft.email || f.draft.phoneNumber,
    );
    lines.push(`- ${who}: ${describeError(f.reason)}`);
  }
  return lines.join('\n');
}

/** Checks a file against Linq and imports its new contacts, after a modal question with the counts. */
export async function importFrom(
  session: LinqSession,
  uri: vscode.Uri,
  log: Logger | undefined,
  prompter: Prompter,
  cancel?: vscode.CancellationToken,
): Promise<ImportSummary | undefined> {
  const read = await readFile(uri);
  if (!read) {
    return undefined;
  }
  const fileName = uri.path.split('/').pop() ?? '';
  try {
    const target = await session.writeTarget();
    const plan = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Checking {0} contacts against Linq…', read.drafts.length),
        cancellable: true,
      },
      (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        cancel?.onCancellationRequested(() => abort.abort());
        let last = 0;
        return planImport(target, read, {
          signal: abort.signal,
          onProgress: (checked, of) => {
            progress.report({
              message: vscode.l10n.t('{0} of {1}', checked, of),
              increment: ((checked - last) / Math.max(1, of)) * 100,
            });
            last = checked;
          },
        });
      },
    );
    const refused = refusalCounts(plan);
    const question = [
      vscode.l10n.t(
        '{0}: {1} new, {2} already in Linq (same email or phone).',
        fileName,
        plan.fresh.length,
        plan.existing.length,
      ),
      refused !== '' ? vscode.l10n.t('{0} cannot be imported: {1}.', plan.refused.length, refused) : '',
      plan.repeated > 0 ? vscode.l10n.t('{0} repeat an earlier row of the file and count once.', plan.repeated) : '',
      plan.unclear.length > 0
        ? vscode.l10n.t(
            "{0} cannot be checked (Linq's find answered about another contact) and are not imported.",
            plan.unclear.length,
          )
        : '',
      plan.ignored.length > 0
        ? vscode.l10n.t('Columns not read: {0}.', plan.ignored.map((c) => oneLine(c).slice(0, 40)).join(', '))
        : '',
    ]
      .filter(Boolean)
      .join('\n');
    if (plan.fresh.length === 0) {
      void vscode.window.showInformationMessage(`${question}\n${vscode.l10n.t('Nothing to import.')}`);
      return undefined;
    }
    if (!(await prompter.confirm(question, vscode.l10n.t('Import {0}', plan.fresh.length), { severity: 'info' }))) {
      return undefined;
    }
    const summary = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Importing into Linq'),
        cancellable: true,
      },
      (progress, token) => {
        let last = 0;
        return runImport(target, plan, {
          ownerEmail: ownerEmail(),
          stop: () => token.isCancellationRequested || cancel?.isCancellationRequested === true,
          onProgress: (done, of) => {
            progress.report({
              message: vscode.l10n.t('{0} of {1} created', done, of),
              increment: ((done - last) / Math.max(1, of)) * 100,
            });
            last = done;
          },
        });
      },
    );
    log?.info(
      `Import: ${summary.created.length} created, ${summary.skipped} skipped, ${summary.failed.length} failed, ${summary.unknown} not answered, ${summary.notStarted} not started.`,
    );
    if (summary.ownerRefused) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'Import stopped: Linq has no user with the email in the setting linqContacts.ownerEmail ("User not found"). {0} created before that.',
          summary.created.length,
        ),
      );
      return summary;
    }
    const copy = vscode.l10n.t('Copy Summary');
    const text = vscode.l10n.t(
      'Import of {0}: {1} created, {2} skipped, {3} failed.',
      fileName,
      summary.created.length,
      summary.skipped,
      summary.failed.length + summary.unknown,
    );
    const show =
      summary.failed.length > 0
        ? vscode.window.showWarningMessage(text, copy)
        : vscode.window.showInformationMessage(text, copy);
    void show.then((choice) =>
      choice === copy ? vscode.env.clipboard.writeText(summaryText(fileName, summary)) : undefined,
    );
    return summary;
  } catch (error) {
    const e = asLinqError(error);
    if (e.kind !== 'cancelled') {
      void vscode.window.showErrorMessage(vscode.l10n.t('Import stopped: {0}', describeError(e)));
    }
    return undefined;
  }
}

/**
 * Linq: Import Contacts… — a file (.vcf, .csv, .json), a check against Linq, a question, then the creates.
 * Resolves with what was done (the command's result), `undefined` when nothing was imported.
 */
export async function importContacts(
  session: LinqSession,
  log: Logger | undefined,
  prompter: Prompter,
): Promise<ImportSummary | undefined> {
  if (!(await writeAllowed(session))) {
    return undefined;
  }
  const uri = await prompter.openFile({
    openLabel: vscode.l10n.t('Import'),
    title: vscode.l10n.t('Linq: Import Contacts'),
    filters: { [vscode.l10n.t('Contacts')]: ['vcf', 'csv', 'json'] },
  });
  return uri && importFrom(session, uri, log, prompter);
}
