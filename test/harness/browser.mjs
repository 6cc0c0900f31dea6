// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';
import { chromiumPath } from './paths.mjs';

/** Launches Chromium with a fresh persistent profile in `profileDir`. */
export async function launchBrowser(
  profileDir,
  { colorScheme = 'dark', viewport = { width: 1400, height: 900 } } = {},
) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    colorScheme,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return context;
}
