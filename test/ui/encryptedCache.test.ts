import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { demoContact } from '../server/contactFactory';
import { filesUnder } from '../support/filesUnder';
import { waitFor } from '../support/waitFor';
import { screenshotFailuresAndClose, Workbench } from './workbench';

const COUNT = 10_000;

/** Files under `folder` that hold `text` in UTF-8 or UTF-16 (little or big endian). */
function filesHolding(folder: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le'), Buffer.from(text, 'utf16le').swap16()];
  return filesUnder(folder).filter((file) => {
    try {
      const bytes = fs.readFileSync(file);
      return needles.some((n) => bytes.includes(n));
    } catch {
      return false;
    }
  });
}

describe('the encrypted cache in a real VS Code from the .vsix: a reloaded window opens with the contacts held', function () {
  let wb: Workbench;

  before(async function () {
    wb = await Workbench.start({ standIn: { count: COUNT, latencyMs: 20 } });
  });
  screenshotFailuresAndClose('encrypted-cache', () => wb);

  it('holds the organisation after the first walk, encrypted: no contact’s email anywhere on disk in plain text', async () => {
    await wb.setTokenFromWelcome('ui-token');
    await wb
      .row(demoContact(0).full_name as string)
      .first()
      .waitFor({ timeout: 60_000 });
    const cacheFile = (): string | undefined => filesUnder(wb.rootFolder).find((f) => f.endsWith('.lqc'));
    // The walk of 10,000 ends, then the cache is written once (debounced): wait until it stops changing.
    let last = { mtime: -1, since: Date.now() };
    await waitFor(
      'the cache written and unchanged for 3 s',
      () => {
        const file = cacheFile();
        const mtime = file ? fs.statSync(file).mtimeMs : -1;
        if (mtime !== last.mtime) {
          last = { mtime, since: Date.now() };
        }
        return mtime > 0 && Date.now() - last.since >= 3_000;
      },
      120_000,
    );
    assert.match(path.basename(cacheFile()!), /^127\.0\.0\.1_\d+-[0-9a-f]{40}\.lqc$/);
    assert.match(cacheFile()!, /globalStorage/);

    // A contact that was never typed, shown or opened: only the extension could have written it.
    const email = demoContact(COUNT - 3).email as string;
    const phone = demoContact(COUNT - 3).phone_number as string;
    const planted = path.join(wb.rootFolder, 'tmp', 'planted.txt');
    fs.writeFileSync(planted, Buffer.from(`x${email}x`, 'utf16le'));
    assert.deepEqual(filesHolding(wb.rootFolder, email), [planted], 'the search finds a planted UTF-16 cache');
    fs.rmSync(planted);
    assert.deepEqual(filesHolding(wb.rootFolder, email), [], `${email} on disk`);
    assert.deepEqual(filesHolding(wb.rootFolder, phone), [], `${phone} on disk`);
    assert.deepEqual(
      filesHolding(wb.rootFolder, 'ui-token'),
      [],
      'the token on disk outside the browser’s secret storage',
    );
  });

  it('after Developer: Reload Window, shows the rows from the cache while Linq answers nothing, and search finds any contact', async () => {
    // Every list request now fails: rows can only come from the cache.
    wb.standIn.configure({ forceStatus: 503 });
    wb.standIn.requests.length = 0;
    await wb.reload();
    await wb.showContacts();
    await wb
      .row(demoContact(0).full_name as string)
      .first()
      .waitFor({ timeout: 60_000 });
    await wb.contactsPane.getByText(/Contacts as of/).waitFor();
    await wb.screenshot('reloaded-from-cache');

    const target = demoContact(COUNT - 12);
    const search = await wb.runCommandAndAsk('Linq: Search Contacts', 'Search by name, email, company or title');
    await search.fill(target.email as string);
    await wb.page
      .locator('.quick-input-list .monaco-list-row', { hasText: target.email as string })
      .first()
      .waitFor({ timeout: 10_000 });
    await search.press('Escape');
    assert.equal(wb.standIn.requests.filter((r) => r.status === 200).length, 0, 'nothing came from Linq');

    // The refresh gave up: the view says so and keeps the rows.
    await wb.contactsPane.getByText(/Contacts as of .*Refreshing failed/).waitFor({ timeout: 90_000 });
    await wb
      .row(demoContact(0).full_name as string)
      .first()
      .waitFor();

    // Linq answers again: the refresh ends and the view no longer says "as of".
    wb.standIn.configure({ forceStatus: 0 });
    await wb.runCommand('Linq: Refresh Contacts');
    await waitFor(
      'the refresh done',
      async () => !(await wb.contactsPane.getByText(/Contacts as of/).isVisible()),
      60_000,
    );
    await wb
      .row(demoContact(0).full_name as string)
      .first()
      .waitFor();
  });
});
