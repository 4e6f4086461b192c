import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs when it is missing. */
const CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium with a fresh profile (Playwright gives every launch a new temporary
 * user-data-dir), or null, with the reason printed, when no Chromium is installed.
 */
export async function launchBrowser(): Promise<Browser | null> {
  if (!existsSync(CHROMIUM)) {
    console.log(`browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`);
    return null;
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
