import * as assert from 'node:assert/strict';
import { demoContact, hostileIndex, makeContact } from '../server/contactFactory';
import { waitFor } from '../support/waitFor';
import { screenshotFailuresAndClose, Workbench } from './workbench';

for (const theme of ['dark', 'light'] as const) {
  describe(`Detail tab, lookup and search in a real VS Code (${theme})`, function () {
    let wb: Workbench;
    let dialogs = 0;

    before(async () => {
      wb = await Workbench.start({
        theme,
        standIn: { count: 237, hostile: true },
        settings: { 'linqContacts.pageSize': 25 },
      });
      wb.page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      await wb.setTokenFromWelcome('ui-token');
      await wb.row(/^Load more/).waitFor();
    });
    screenshotFailuresAndClose(`detail-${theme}`, () => wb);

    it('opens a contact’s tab from its row and copies the email with the button', async () => {
      const contact = demoContact(0);
      await wb
        .row(contact.full_name as string)
        .first()
        .click();
      const detail = wb.detail();
      await detail.locator('h1', { hasText: contact.full_name as string }).waitFor();
      await detail.locator('a[href^="mailto:"]', { hasText: contact.email as string }).waitFor();
      await detail.locator('a[href^="tel:"]').waitFor();
      await wb.setClipboard('unchanged');
      await detail.getByRole('button', { name: 'Copy email' }).click();
      await waitFor('clipboard holds the email', async () => (await wb.clipboard()) === contact.email, 30_000);
      await wb.screenshot(`detail-${theme}`, true);
    });

    it('copies the phone number and a vCard with the tab’s buttons', async () => {
      const contact = demoContact(0);
      const detail = wb.detail();
      await detail.getByRole('button', { name: 'Copy phone' }).click();
      await waitFor(
        'clipboard holds the phone number',
        async () => (await wb.clipboard()) === contact.phone_number,
        30_000,
      );
      await detail.getByRole('button', { name: 'Copy as vCard' }).click();
      // The browser's clipboard may turn CRLF into LF; the unit tests hold the CRLF line ends.
      await waitFor(
        'clipboard holds a vCard',
        async () => /^BEGIN:VCARD\r?\nVERSION:4\.0\r?\n/.test(await wb.clipboard()),
        30_000,
      );
      const card = await wb.clipboard();
      assert.match(card, new RegExp(`\\nFN:${contact.full_name as string}\\r?\\n`));
      assert.match(card, new RegExp(`\\nEMAIL;TYPE=work:${(contact.email as string).replace(/\./g, '\\.')}\\r?\\n`));
      assert.match(card, /\nEND:VCARD\r?\n$/);
    });

    it('copies from the palette after asking which contact; a missing value is said and the clipboard kept', async () => {
      const withPhone = demoContact(150);
      const phoneBox = await wb.runCommandAndAsk('Linq: Copy Phone Number', 'Copy whose phone number?');
      await phoneBox.fill(withPhone.email as string);
      await wb.page
        .locator('.quick-input-list .monaco-list-row', { hasText: withPhone.email as string })
        .first()
        .waitFor();
      await phoneBox.press('Enter');
      await waitFor(
        'clipboard holds the phone number',
        async () => (await wb.clipboard()) === withPhone.phone_number,
        30_000,
      );
      // A contact without an email; its name is shared with others, so pick the row without one.
      const noEmail = makeContact(hostileIndex('noEmail'), true);
      assert.equal(noEmail.email, null);
      await wb.setClipboard('unchanged');
      const emailBox = await wb.runCommandAndAsk('Linq: Copy Email', 'Copy whose email?');
      await emailBox.fill(String(noEmail.full_name));
      const row = wb.page
        .locator('.quick-input-list .monaco-list-row', { hasText: String(noEmail.full_name) })
        .filter({ hasNotText: '@' })
        .first();
      await row.click();
      await wb
        .notifications()
        .filter({ hasText: `${String(noEmail.full_name)} has no email address.` })
        .first()
        .waitFor();
      assert.equal(await wb.clipboard(), 'unchanged');
    });

    it('shows a hostile contact as text, running no script', async () => {
      const hostile = makeContact(hostileIndex('markup'), true);
      await wb.row('<img src=x onerror=alert(1)>Mallory').first().click();
      const detail = wb.detail();
      await detail.locator('h1', { hasText: String(hostile.full_name) }).waitFor();
      assert.equal(await detail.locator('h1 img, dd img, dd script').count(), 0);
      assert.equal(await detail.locator('.avatar img').count(), 0, 'no javascript: image');
      assert.equal(await detail.locator('dd[data-field="company"]').textContent(), String(hostile.company));
      assert.equal(dialogs, 0);
      // The window title names the active tab (the contact, as text); a script would have set "pwned".
      assert.doesNotMatch(await wb.page.title(), /pwned/);
    });

    it('looks up a good id, refuses bad input in the box, and says when an id is unknown', async () => {
      const box = await wb.runCommandAndAsk('Linq: Look Up Contact…', '123, name@example.com or +1 555 123 4567');
      await box.fill('12x');
      await wb.page.locator('.quick-input-message', { hasText: /digits only/ }).waitFor();
      await box.fill('150');
      await box.press('Enter');
      await wb
        .detail()
        .locator('h1', { hasText: String(makeContact(149, true).full_name).slice(0, 20) })
        .waitFor();
      const again = await wb.runCommandAndAsk('Linq: Look Up Contact…', '123, name@example.com or +1 555 123 4567');
      await again.fill('99999');
      await again.press('Enter');
      await wb.notifications().filter({ hasText: 'Contact 99999 not found' }).first().waitFor();
    });

    it('searches all contacts and opens one beyond the first page', async () => {
      const target = demoContact(200);
      const box = await wb.runCommandAndAsk('Linq: Search Contacts', 'Search by name, email, company or title');
      await box.fill(target.email as string);
      const item = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: target.email as string }).first();
      await item.waitFor();
      await box.press('Enter');
      await wb
        .detail()
        .locator('a[href^="mailto:"]', { hasText: target.email as string })
        .waitFor();
    });

    it('restores the open tab after Developer: Reload Window', async () => {
      const target = demoContact(200);
      await wb.reload();
      await wb
        .detail()
        .locator('a[href^="mailto:"]', { hasText: target.email as string })
        .waitFor({ timeout: 60_000 });
    });
  });
}
