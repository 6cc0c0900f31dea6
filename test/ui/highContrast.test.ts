import * as assert from 'node:assert/strict';
import { demoContact } from '../server/contactFactory';
import { screenshotFailuresAndClose, Workbench } from './workbench';

describe('Detail tab in the high-contrast theme', function () {
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.start({ theme: 'high-contrast', standIn: { count: 30 } });
    await wb.setTokenFromWelcome('ui-token');
    await wb
      .row(demoContact(0).full_name as string)
      .first()
      .waitFor();
  });
  screenshotFailuresAndClose(`hc`, () => wb);

  it('takes its colours and borders from the theme', async () => {
    const contact = demoContact(0);
    await wb
      .row(contact.full_name as string)
      .first()
      .click();
    const detail = wb.detail();
    await detail.locator('h1', { hasText: contact.full_name as string }).waitFor();
    const seen = await detail.locator('body').evaluate((body) => {
      // Resolves a CSS colour (hex, name or rgb) to the form getComputedStyle reports.
      const probe = document.createElement('span');
      body.append(probe);
      const resolve = (value: string): string => {
        probe.style.color = '';
        probe.style.color = value;
        return getComputedStyle(probe).color;
      };
      const root = getComputedStyle(document.documentElement);
      const variable = (name: string): string => root.getPropertyValue(name).trim();
      const button = getComputedStyle(body.querySelector('button')!);
      const result = {
        highContrast: body.classList.contains('vscode-high-contrast'),
        contrastBorder: variable('--vscode-contrastBorder'),
        foreground: resolve(variable('--vscode-foreground')),
        heading: getComputedStyle(body.querySelector('h1')!).color,
        buttonBorder: `${button.borderTopStyle} ${button.borderTopColor}`,
        contrastBorderColour: resolve(variable('--vscode-contrastBorder')),
        avatarBorder: getComputedStyle(body.querySelector('.avatar')!).borderTopColor,
      };
      probe.remove();
      return result;
    });
    assert.equal(seen.highContrast, true, 'the webview runs in the high-contrast theme');
    assert.notEqual(seen.contrastBorder, '', 'the theme defines a contrast border');
    assert.equal(seen.heading, seen.foreground);
    assert.equal(seen.buttonBorder, `solid ${seen.contrastBorderColour}`);
    assert.equal(seen.avatarBorder, seen.contrastBorderColour);
    await wb.screenshot('detail-hc', true);
  });
});
