import type { BrowserContext } from 'playwright-core';
export function launchBrowser(
  profileDir: string,
  options?: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } },
): Promise<BrowserContext>;
