import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseContact } from '../../src/api/validate';
import { defaultExportName } from '../../src/export/exportFormats';
import { CSV_COLUMNS } from '../../src/format/csv';
import { formatContact } from '../../src/format/insertFormats';
import { demoContact } from '../server/contactFactory';
import { waitFor } from '../support/waitFor';
import { screenshotFailuresAndClose, Workbench } from './workbench';

const COUNT = 5_000;

describe('Contacts where you write, in a real VS Code: @-mentions, hover cards, export', function () {
  let wb: Workbench;
  const notes = (): string => path.join(wb.server.workspace, 'notes.md');

  before(async () => {
    // Background loading off: mentions and hovers answer from what the view loaded, and Export has to walk
    // every page itself, slowly enough to watch its progress.
    wb = await Workbench.start({
      standIn: { count: COUNT, latencyMs: 200 },
      settings: { 'linqContacts.prefetchLimit': 0, 'linqContacts.pageSize': 25 },
    });
    fs.writeFileSync(notes(), '# Notes\n\n');
    await wb.setTokenFromWelcome('ui-token');
    await wb.row(/^Load more/).waitFor({ timeout: 30_000 });
    // Open notes.md as a user does: Quick Open, its name, Enter.
    await wb.page
      .locator('.part.titlebar')
      .click({ position: { x: 400, y: 10 } })
      .catch(() => undefined);
    await wb.page.keyboard.press('Control+P');
    await wb.quickInput.fill('notes.md');
    await wb.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'notes.md' }).waitFor();
    await wb.quickInput.press('Enter');
    await wb.page.locator('.tab.active', { hasText: 'notes.md' }).waitFor();
    await wb.page.locator('.monaco-editor .view-lines').first().click();
    await wb.page.keyboard.press('Control+End');
  });
  screenshotFailuresAndClose(`editor-features`, () => wb);

  it('types @ and part of a name in Markdown, and accepting the suggestion writes Name <email>', async () => {
    const grace = parseContact(demoContact(1));
    await wb.page.keyboard.type('Reviewed by @gra', { delay: 60 });
    const suggestion = wb.page.locator('.suggest-widget .monaco-list-row', { hasText: String(grace.fullName) }).first();
    await suggestion.waitFor({ timeout: 30_000 });
    await wb.page.locator('.suggest-widget .monaco-list-row.focused', { hasText: String(grace.fullName) }).waitFor();
    await wb.screenshot('mentions-dark', true);
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.press('Control+S');
    const expected = `Reviewed by ${formatContact(grace, 'nameAndEmail') ?? ''}`;
    await waitFor('the mention saved in notes.md', () => fs.readFileSync(notes(), 'utf8').includes(expected), 15_000);
  });

  it('hovers an email address: a card for its contact, and its Copy email link copies it', async () => {
    const ada = demoContact(0);
    const email = String(ada.email);
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.type(email);
    await wb.page.keyboard.press('Escape');
    await wb.setClipboard('unchanged');
    const word = wb.page.locator('.monaco-editor .view-line span', { hasText: email }).last();
    await word.hover();
    const card = wb.page.locator('.monaco-hover:visible', { hasText: String(ada.full_name) });
    await card.waitFor({ timeout: 15_000 });
    await card.getByText(String(ada.title), { exact: false }).first().waitFor();
    await wb.screenshot('hover-dark', true);
    await card.getByRole('link', { name: /Copy email/ }).click();
    await waitFor('clipboard holds the email', async () => (await wb.clipboard()) === email, 15_000);
  });

  it('inserts a contact from its detail tab into the editor used last, in the format chosen', async () => {
    const ada = demoContact(0);
    const alan = demoContact(2);
    await wb.page.keyboard.press('Control+1');
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.type(' cc ');
    await wb.row(String(alan.full_name)).first().click();
    const detail = wb.detail();
    await detail.locator('h1', { hasText: String(alan.full_name) }).waitFor();
    await detail.getByRole('button', { name: 'Insert into editor…' }).click();
    // The format picker previews each format for this contact.
    await wb.page
      .locator('.quick-input-list .monaco-list-row', { hasText: String(alan.email) })
      .first()
      .waitFor();
    await wb.quickInput.fill('Email');
    await wb.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Email' }).waitFor();
    await wb.quickInput.press('Enter');
    await wb.page.locator('.tab.active', { hasText: 'notes.md' }).waitFor();
    await wb.page.keyboard.press('Control+S');
    await waitFor(
      'the email inserted after the cursor in notes.md',
      () => fs.readFileSync(notes(), 'utf8').includes(`${String(ada.email)} cc ${String(alan.email)}`),
      15_000,
    );
  });

  it('exports every contact to CSV with progress in a notification, and the file holds them all', async () => {
    await wb.runCommand('Linq: Export Contacts…');
    await wb.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'CSV (spreadsheets)' }).waitFor();
    await wb.quickInput.press('Enter');
    // VS Code's own save dialog in the browser: a path in the quick input, the workspace folder and the
    // default name already filled in.
    const name = defaultExportName('csv');
    await waitFor(
      'the save dialog offers the default name',
      async () => (await wb.quickInput.inputValue()).endsWith(name),
      15_000,
    );
    await wb.quickInput.press('Enter');
    await wb.page
      .locator('.notifications-toasts', { hasText: /Exporting Linq contacts/ })
      .filter({ hasText: /of 5,000 contacts loaded/ })
      .first()
      .waitFor({ timeout: 15_000 });
    await wb.page.locator('.notifications-toasts .monaco-progress-container').first().waitFor({ state: 'attached' });
    await wb
      .notifications()
      .filter({ hasText: `Exported 5,000 contacts to ${name}.` })
      .first()
      .waitFor({ timeout: 60_000 });
    const file = path.join(wb.server.workspace, name);
    const rows: string[][] = parse(fs.readFileSync(file), { bom: true });
    assert.deepEqual(rows[0], CSV_COLUMNS);
    assert.deepEqual(
      rows.slice(1).map((r) => Number(r[0])),
      Array.from({ length: COUNT }, (_, i) => i + 1),
      'every contact once, in the API’s order',
    );
    assert.equal(rows[COUNT]?.[4], demoContact(COUNT - 1).email);
    assert.deepEqual(
      fs.readdirSync(wb.server.workspace).filter((f) => f.endsWith('.part')),
      [],
      'no temporary file left',
    );
  });
});
