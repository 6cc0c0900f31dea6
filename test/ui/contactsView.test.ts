import * as assert from 'node:assert/strict';
import { demoContact, hostileIndex, makeContact } from '../server/contactFactory';
import { waitFor } from '../support/waitFor';
import { screenshotFailuresAndClose, Workbench } from './workbench';

for (const theme of ['dark', 'light'] as const) {
  describe(`Contacts view journey in a real VS Code from the .vsix (${theme})`, function () {
    let wb: Workbench;

    before(async function () {
      wb = await Workbench.start({
        theme,
        standIn: { count: 237, hostile: true },
        settings: { 'linqContacts.pageSize': 25 },
      });
    });
    screenshotFailuresAndClose(`${theme}`, () => wb);

    it('shows the Linq icon in the activity bar and the welcome text without a token', async () => {
      await wb.showContacts();
      await wb.contactsPane.getByText('Browse your organisation', { exact: false }).waitFor();
      await wb.contactsPane.getByRole('button', { name: 'Set API Token' }).waitFor();
      assert.equal(wb.standIn.requests.length, 0, 'no request without a token');
      await wb.screenshot(`welcome-${theme}`, theme === 'dark');
    });

    it('sets the token through the password box and shows the first page', async () => {
      await wb.contactsPane.getByRole('button', { name: 'Set API Token' }).click();
      assert.equal(await wb.quickInput.getAttribute('type'), 'password');
      await wb.enterToken('ui-token');
      await wb.row(/^Load more/).waitFor();
      await wb
        .row(demoContact(0).full_name as string)
        .first()
        .waitFor();
      // The store asks full pages; the view shows them 25 rows at a time.
      assert.equal(wb.standIn.requests[0]?.query.per_page, '100');
      await wb.row(/25 of 237 loaded/).waitFor();
      assert.equal(wb.standIn.requests[0]?.token, 'ui-token');
    });

    it('shows hostile data as literal text', async () => {
      const hostile = makeContact(hostileIndex('markup'), true);
      assert.match(String(hostile.full_name), /<img/);
      await wb.row('<img src=x onerror=alert(1)>Mallory').first().waitFor();
      assert.equal(await wb.page.title().then((t) => t.includes('pwned')), false);
      await wb.screenshot(`contacts-${theme}`, theme === 'dark');
    });

    it('appends the next page with Load more', async () => {
      await wb.row(/^Load more/).click();
      // The tree is a virtual list: rows past the viewport are not in the DOM, so count by aria-setsize
      // (50 contacts and the Load more row).
      await waitFor(
        '50 contacts and Load more',
        async () => (await wb.rows().first().getAttribute('aria-setsize')) === '51',
        30_000,
      );
      await wb.page.keyboard.press('End');
      await wb.row(/50 of 237 loaded/).waitFor();
      await wb.page.keyboard.press('Home');
      await wb
        .row(demoContact(0).full_name as string)
        .first()
        .waitFor();
    });

    it('copies a contact’s email from the row’s context menu', async () => {
      const contact = demoContact(0);
      await wb.setClipboard('unchanged');
      await wb.contextMenu(contact.full_name as string, 'Copy Email');
      await waitFor('clipboard holds the email', async () => (await wb.clipboard()) === contact.email, 30_000);
    });

    it('refreshes in place (the rows stay while Linq is asked from page 1), then clearing the token brings back the welcome', async () => {
      const before = wb.standIn.requests.length;
      await wb.runCommand('Linq: Refresh Contacts');
      await waitFor(
        'page 1 requested again',
        () => wb.standIn.requests.slice(before).some((r) => r.query.page === '1'),
        30_000,
      );
      await wb
        .row(demoContact(0).full_name as string)
        .first()
        .waitFor();
      await waitFor(
        'the refresh done',
        async () => !(await wb.contactsPane.getByText(/Contacts as of/).isVisible()),
        30_000,
      );
      await wb
        .row(demoContact(0).full_name as string)
        .first()
        .waitFor();
      await wb.runCommand('Linq: Clear API Token');
      await wb.contactsPane.getByText('Browse your organisation', { exact: false }).waitFor();
    });
  });
}

describe('Contacts view under faults: 237 contacts, page size 25, hostile data, every 4th request failing', function () {
  let wb: Workbench;
  before(async () => {
    wb = await Workbench.start({
      standIn: { count: 237, hostile: true, failEvery: 4 },
      settings: { 'linqContacts.pageSize': 25 },
      viewport: { width: 1200, height: 6400 },
    });
  });
  after(async () => {
    await wb?.close();
  });

  it('reaches all 237 unique rows by Load more, then copies the right email', async () => {
    await wb.setTokenFromWelcome('ui-token');
    const more = wb.row(/^Load more|^Retry/);
    const busy = wb.contactsPane.locator('.monaco-progress-container.active');
    for (let i = 0; i < 60; i++) {
      await waitFor(
        'Load more, Retry or every row',
        async () => (await more.count()) > 0 || (await wb.rows().first().getAttribute('aria-setsize')) === '237',
        60_000,
      );
      if ((await more.count()) === 0) {
        break;
      }
      // The row can go from under the pointer when the page in flight arrives; then look again.
      await more
        .first()
        .click({ timeout: 2_000 })
        .catch(() => undefined);
      // As a user does, wait for the view's progress bar to finish before choosing again.
      await waitFor('the view is idle', async () => (await busy.count()) === 0, 60_000);
    }
    await waitFor('no Load more row left', async () => (await wb.row(/^Load more/).count()) === 0, 60_000);
    const labels = await wb.rows().locator('.label-name').allTextContents();
    assert.equal(labels.length, 237, `rows: ${labels.length}`);
    // Demo names repeat by design; each contact's email is unique, and the rows keep API order.
    const expectedFirst = [0, 1, 3].map((i) => makeContact(i, true).full_name);
    assert.deepEqual([labels[0], labels[1], labels[3]], expectedFirst);
    // Three pages of 100 hold them all (the view shows 25 rows per Load more, from the store).
    const okPages = wb.standIn.requests.filter((r) => r.status === 200).map((r) => r.query.page);
    assert.deepEqual([...okPages].sort(), ['1', '2', '3'], 'each page loaded once');
    const setSize = await wb.rows().first().getAttribute('aria-setsize');
    assert.equal(setSize, '237');
    await wb.screenshot('all-237-under-faults');
    const last = demoContact(236);
    await wb.contextMenu(last.full_name as string, 'Copy Email');
    await waitFor('clipboard holds the last email', async () => (await wb.clipboard()) === last.email, 30_000);
  });
});
