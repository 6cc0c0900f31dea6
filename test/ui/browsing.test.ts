import * as assert from 'node:assert/strict';
import jsQR from 'jsqr';
import { parseContact } from '../../src/api/validate';
import { qrVCard } from '../../src/format/qrCard';
import { demoContact } from '../server/contactFactory';
import { decodeQrMatrix } from '../support/decodeQr';
import { waitFor } from '../support/waitFor';
import { screenshotFailuresAndClose, Workbench } from './workbench';

const COUNT = 600;

/** A QR code drawn in the tab as one SVG path of 1×1 squares (`M x y h1v1h-1z`) inside a 4-module quiet zone. */
function matrixFromPath(d: string, viewBox: string): { size: number; rows: string[] } {
  const side = Number(viewBox.split(' ')[2]);
  const size = side - 8;
  const grid = Array.from({ length: size }, () => Array<string>(size).fill('0'));
  for (const m of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    grid[Number(m[2]) - 4]![Number(m[1]) - 4] = '1';
  }
  return { size, rows: grid.map((r) => r.join('')) };
}

describe('Browsing like a contacts app in a real VS Code from the .vsix: sort, pin, new, QR code', function () {
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.start({ standIn: { count: COUNT }, settings: { 'linqContacts.pageSize': 25 } });
    // The last contact Linq lists gets the name that comes first.
    wb.standIn.changeBehind(COUNT, { first_name: 'Aaron', last_name: 'Aardvark' });
    await wb.setTokenFromWelcome('ui-token');
    await wb.row(/^Load more/).waitFor({ timeout: 60_000 });
  });
  screenshotFailuresAndClose('browsing', () => wb);

  it('Sort Contacts… by Name puts a contact from the last page first', async () => {
    assert.equal(await wb.row('Aaron Aardvark').count(), 0, 'not among the first rows in Linq’s order');
    await wb.runCommand('Linq: Sort Contacts…');
    await wb.page
      .locator('.quick-input-list .monaco-list-row', { hasText: /^Name$/ })
      .first()
      .click();
    await waitFor(
      'Aaron Aardvark first',
      async () => /Aaron Aardvark/.test((await wb.rows().first().textContent()) ?? ''),
      60_000,
    );
  });

  it('pins a contact from its row: a Pinned group at the top that survives Reload Window', async () => {
    const name = demoContact(3).full_name as string;
    await wb.contextMenu('Aaron Aardvark', 'Pin Contact');
    await wb.row(/^Pinned/).waitFor();
    await wb.screenshot('contacts-sorted-pinned-dark', true);
    await wb.reload();
    await wb.showContacts();
    await wb.row(/^Pinned/).waitFor({ timeout: 60_000 });
    const rows = await wb.rows().allTextContents();
    assert.match(rows[0] ?? '', /^Pinned/);
    assert.match(rows[1] ?? '', /Aaron Aardvark/, 'the pinned contact under the group');
    assert.ok(!rows.slice(0, 3).some((r) => r.includes(name)));
  });

  it('shows a badge on the Linq icon for contacts a refresh brings while the view is hidden', async () => {
    await wb.runCommand('Linq: Sort Contacts…');
    await wb.page
      .locator('.quick-input-list .monaco-list-row', { hasText: /Linq's order/ })
      .first()
      .click();
    await wb.runCommand('View: Show Explorer');
    wb.standIn.addBehind({ first_name: 'Nova', last_name: 'Newcomer' });
    wb.standIn.addBehind({ first_name: 'Neo', last_name: 'Newcomer' });
    await wb.runCommand('Linq: Refresh Contacts');
    const badge = wb.linqTab.locator('.badge-content');
    await waitFor('the badge says 2', async () => (await badge.textContent().catch(() => null)) === '2', 60_000);
    await wb.showContacts();
    await wb
      .row(/Newcomer/)
      .first()
      .waitFor();
    assert.match(
      (await wb
        .row(/Newcomer/)
        .first()
        .textContent()) ?? '',
      /New ·/,
    );
    await waitFor('the badge cleared', async () => !(await badge.isVisible().catch(() => false)));
  });

  it('shows the contact as a QR code in its tab that a QR reader reads back as its vCard 3.0', async () => {
    const wire = demoContact(7);
    await wb
      .row(wire.full_name as string)
      .first()
      .click();
    const detail = wb.detail();
    await detail.locator('h1', { hasText: wire.full_name as string }).waitFor();
    await detail.getByRole('button', { name: 'QR Code' }).click();
    const svg = detail.locator('svg.qr-code');
    await svg.waitFor();
    const box = await svg.boundingBox();
    assert.ok(box && box.width >= 200, `drawn at least 200 px wide (${box?.width})`);
    const d = (await svg.locator('path').getAttribute('d')) ?? '';
    const viewBox = (await svg.getAttribute('viewBox')) ?? '';
    const decoded = decodeQrMatrix(matrixFromPath(d, viewBox), jsQR);
    assert.equal(decoded, qrVCard(parseContact(wire)));
    assert.match(decoded ?? '', /^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
    await wb.screenshot('qr-dark', true);
  });
});
