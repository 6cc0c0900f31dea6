import type { Workbench } from '../ui/workbench';

/**
 * Turns `linqContacts.cache` on or off as a user does, in the Settings editor (code-server does not watch the settings
 * file for outside edits), and closes the editor again.
 */
export async function setCacheSetting(wb: Workbench, on: boolean): Promise<void> {
  const page = wb.page;
  await wb.runCommand('Preferences: Open User Settings');
  await page.locator('.settings-editor .settings-header .suggest-input-container').click();
  // The Settings editor keeps its last search: replace it, do not type after it.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('@id:linqContacts.cache');
  const box = page.locator('.settings-editor .setting-value-checkbox[aria-label="linqContacts.cache"]');
  await box.waitFor();
  // The list redraws while the search settles: a click may land on a row about to be replaced.
  for (let tries = 0; tries < 10 && (await box.getAttribute('aria-checked')) !== String(on); tries++) {
    await page.waitForTimeout(500);
    await box.click();
    await page.waitForTimeout(500);
  }
  await page
    .locator(`.settings-editor .setting-value-checkbox[aria-label="linqContacts.cache"][aria-checked="${on}"]`)
    .waitFor();
  // The Settings editor may open as a modal over the workbench: Escape closes it either way.
  await page.keyboard.press('Escape');
  await page
    .locator('.settings-editor')
    .waitFor({ state: 'hidden' })
    .catch(() => wb.runCommand('View: Close All Editors'));
}
