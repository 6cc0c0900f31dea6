import * as os from 'node:os';
import * as vscode from 'vscode';
import { asLinqError } from '../api/linqApiError';
import { concatBytes } from '../api/boundedBody';
import type { Contact } from '../api/types';
import { tokenRequired } from '../ui/tokenRequired';
import type { StoreProgress } from '../contacts/store/contactStore';
import type { LinqSession } from '../contacts/linqSession';
import { describeError } from '../errors/describeError';
import type { Logger } from '../log/logger';
import { defaultExportName, EXPORT_EXTENSIONS, EXPORT_FORMATS, exportChunks, type ExportFormat } from './exportFormats';

/** Raised when the user pressed Cancel: nothing is written and nothing is said. */
class ExportCancelled extends Error {}

function exportFormatLabel(format: ExportFormat): string {
  switch (format) {
    case 'csv':
      return vscode.l10n.t('CSV (spreadsheets)');
    case 'vcard':
      return vscode.l10n.t('vCard (address books)');
    case 'json':
      return vscode.l10n.t('JSON');
  }
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const items = EXPORT_FORMATS.map((format) => ({
    label: exportFormatLabel(format),
    description: `.${EXPORT_EXTENSIONS[format]}`,
    format,
  }));
  const choice = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Linq: Export Contacts'),
    placeHolder: vscode.l10n.t('Export every contact as…'),
  });
  return choice?.format;
}

async function pickTarget(format: ExportFormat): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Linq: Export Contacts'),
    saveLabel: vscode.l10n.t('Export'),
    defaultUri: vscode.Uri.joinPath(folder, defaultExportName(format)),
    filters: { [exportFormatLabel(format)]: [EXPORT_EXTENSIONS[format]] },
  });
}

/** Every contact of the organisation (the store's walk), reporting counts; Cancel stops waiting. */
async function loadEverything(
  session: LinqSession,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  cancel: vscode.CancellationToken,
): Promise<{ contacts: readonly Contact[]; capped: boolean }> {
  let shownPercent = 0;
  let last: StoreProgress | undefined;
  const walk = session.loadAll((all, p) => {
    last = p;
    const total = Math.max(p?.totalCount ?? 0, all.length);
    const percent = total > 0 ? Math.floor((all.length / total) * 90) : 0;
    progress.report({
      message: vscode.l10n.t('{0} of {1} contacts loaded', all.length.toLocaleString(), total.toLocaleString()),
      increment: Math.max(0, percent - shownPercent),
    });
    shownPercent = Math.max(shownPercent, percent);
  });
  let onCancel: vscode.Disposable | undefined;
  try {
    const cancelled = new Promise<never>((_, reject) => {
      onCancel = cancel.onCancellationRequested(() => reject(new ExportCancelled()));
      if (cancel.isCancellationRequested) {
        reject(new ExportCancelled());
      }
    });
    const contacts = await Promise.race([walk.promise, cancelled]);
    return { contacts, capped: last?.capped ?? false };
  } finally {
    onCancel?.dispose();
    walk.dispose();
  }
}

/**
 * The file's bytes, built a chunk at a time with a pause between chunks, so that 100,000 contacts do not
 * hold up the extension host (other extensions' features share it) and Cancel is noticed while writing.
 */
async function encodeInChunks(
  contacts: readonly Contact[],
  format: ExportFormat,
  cancel: vscode.CancellationToken,
): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const chunk of exportChunks(contacts, format)) {
    if (cancel.isCancellationRequested) {
      throw new ExportCancelled();
    }
    const part = encoder.encode(chunk);
    parts.push(part);
    size += part.length;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return concatBytes(parts, size);
}

/**
 * Writes the whole file or none: the bytes go to a temporary sibling first, which is renamed over the
 * target only when complete and not cancelled; on Cancel or any failure the sibling is deleted.
 */
async function writeWhole(target: vscode.Uri, bytes: Uint8Array, cancel: vscode.CancellationToken): Promise<void> {
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(target, '..', `.${name}.${Date.now().toString(36)}.part`);
  try {
    await vscode.workspace.fs.writeFile(temp, bytes);
    if (cancel.isCancellationRequested) {
      throw new ExportCancelled();
    }
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temp, { useTrash: false })).catch(() => undefined);
    throw error;
  }
}

/** Where the export went and how many contacts it holds. */
export interface ExportResult {
  readonly uri: vscode.Uri;
  readonly count: number;
  readonly capped: boolean;
}

/**
 * Exports every contact to `target` under a progress notification with counts and Cancel. Resolves
 * `undefined` when cancelled (no file left behind); rejects on a failure (no file left behind either).
 */
export function exportTo(
  session: LinqSession,
  format: ExportFormat,
  target: vscode.Uri,
  alsoCancel?: vscode.CancellationToken,
): Thenable<ExportResult | undefined> {
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Exporting Linq contacts'),
      cancellable: true,
    },
    async (progress, cancelButton) => {
      // The notification's Cancel, or the caller's (the extension's tests).
      const cancel = new vscode.CancellationTokenSource();
      const links = [cancelButton, alsoCancel].map((token) => token?.onCancellationRequested(() => cancel.cancel()));
      if (cancelButton.isCancellationRequested || alsoCancel?.isCancellationRequested) {
        cancel.cancel();
      }
      try {
        const { contacts, capped } = await loadEverything(session, progress, cancel.token);
        progress.report({ message: vscode.l10n.t('Writing {0} contacts…', contacts.length.toLocaleString()) });
        const bytes = await encodeInChunks(contacts, format, cancel.token);
        await writeWhole(target, bytes, cancel.token);
        return { uri: target, count: contacts.length, capped };
      } catch (error) {
        if (error instanceof ExportCancelled || cancel.token.isCancellationRequested) {
          return undefined;
        }
        throw error;
      } finally {
        for (const link of links) {
          link?.dispose();
        }
        cancel.dispose();
      }
    },
  );
}

/**
 * Linq: Export Contacts…: asks for a format (unless given) and a file (the save dialog, named
 * `linq-contacts-YYYY-MM-DD.<ext>`), writes every contact there, then offers to open the file.
 */
export async function exportContacts(
  session: LinqSession,
  log: Logger | undefined,
  given?: ExportFormat,
): Promise<ExportResult | undefined> {
  if (!(await tokenRequired(session))) {
    return undefined;
  }
  const format = given ?? (await pickFormat());
  const target = format && (await pickTarget(format));
  if (!format || !target) {
    return undefined;
  }
  let result: ExportResult | undefined;
  try {
    result = await exportTo(session, format, target);
  } catch (error) {
    // A file system error says which file and why; anything else is a Linq error kind.
    const detail = error instanceof vscode.FileSystemError ? error.message : describeError(error);
    log?.warnError('Export', error instanceof vscode.FileSystemError ? error : asLinqError(error));
    void vscode.window.showErrorMessage(vscode.l10n.t('Export failed, nothing was written: {0}', detail));
    return undefined;
  }
  if (!result) {
    return undefined;
  }
  void announce(result);
  return result;
}

async function announce(result: ExportResult): Promise<void> {
  const name = result.uri.path.slice(result.uri.path.lastIndexOf('/') + 1);
  const open = vscode.l10n.t('Open File');
  const reveal = vscode.l10n.t('Reveal in Explorer View');
  const message = result.capped
    ? vscode.l10n.t(
        'Exported the first {0} contacts to {1} (the most the extension holds).',
        result.count.toLocaleString(),
        name,
      )
    : vscode.l10n.t('Exported {0} contacts to {1}.', result.count.toLocaleString(), name);
  const choice = await vscode.window.showInformationMessage(message, open, reveal);
  if (choice === open) {
    await vscode.commands.executeCommand('vscode.open', result.uri);
  } else if (choice === reveal) {
    await vscode.commands.executeCommand('revealInExplorer', result.uri);
  }
}
