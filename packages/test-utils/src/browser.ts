import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

/** Debian's chromium; browser downloads do not work on these machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Starts headless Chromium with the flags that work in a sandbox without network (see FIELD-NOTES);
 * Playwright gives each launch a fresh, temporary profile.
 */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/**
 * Collects what goes wrong on `page` from now on: console errors and warnings, uncaught errors, failed requests
 * and Content-Security-Policy violations (reported by the page itself, as `CSP violation: <directive> <URI>`).
 * Call it before `page.goto`; the returned list fills as the page runs.
 */
export async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  // A string, so it runs in the page without DOM types here.
  await page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (event) => " +
      'console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));',
  });
  return problems;
}
