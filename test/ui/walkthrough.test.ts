import * as assert from 'node:assert/strict';
import { screenshotFailuresAndClose, Workbench } from './workbench';

describe('Getting Started walkthrough', function () {
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.start({ standIn: { count: 30 }, viewport: { width: 1400, height: 900 } });
  });
  screenshotFailuresAndClose(`walkthrough`, () => wb);

  it('shows every step with its page, and the Set API Token button sets the token and checks the step', async () => {
    const title = 'Get started with Linq Contacts';
    await wb.runCommand('Welcome: Open Walkthrough...');
    await wb.quickInput.fill(title);
    await wb.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor();
    await wb.quickInput.press('Enter');
    const step = (id: string) => wb.page.locator(`button.getting-started-step[data-step-id$="#${id}"]`);
    for (const id of ['setToken', 'browse', 'search', 'copy', 'lookup', 'filter', 'write']) {
      await step(id).waitFor();
    }
    // The step's Markdown page, shown beside the steps in a webview.
    const media = wb.page
      .locator('.getting-started-media iframe.webview.ready')
      .contentFrame()
      .locator('#active-frame')
      .contentFrame();
    await media.getByRole('heading', { name: 'Your Linq API token' }).waitFor();
    await wb.screenshot('walkthrough-dark', true);
    assert.equal(await step('setToken').locator('.codicon-getting-started-step-checked').count(), 0);
    await step('setToken').getByRole('button', { name: 'Set API Token' }).click();
    await wb.enterToken('ui-token');
    await step('setToken').locator('.codicon-getting-started-step-checked').waitFor();
  });
});
