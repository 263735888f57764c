import type { Configuration } from 'webpack';
import { compile, launchChromium, repoRoot, serveDirectory, watchProblems } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';

// The example app as bench/configs/inline.cjs builds it: runtime and CSS inlined, a CSP meta tag from the
// emitted hashes, images and fonts inlined under the per-chunk budget.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const inlineConfig = require(`${repoRoot}/bench/configs/inline.cjs`) as (env: object) => Configuration;

describe('the example app with runtime and CSS inlined under a strict CSP, in headless Chromium', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await compile(inlineConfig({}));
  }, 180_000);

  it('builds without errors or warnings, with a CSP meta tag of hashes and no unsafe-inline', () => {
    expect(build.errors).toEqual([]);
    expect(build.warnings).toEqual([]);
    const html = build.text('index.html');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    // The runtime lives in the page now, not in a file.
    expect([...build.files.keys()].some((name) => name.startsWith('runtime.'))).toBe(false);
  });

  it('renders, loads a lazy route, and reports no CSP violation or error', async () => {
    const server = await serveDirectory(build.outputDir);
    const chromium = await launchChromium();
    try {
      const page = await chromium.browser.newPage();
      const problems = await watchProblems(page);

      await page.goto(`${server.url}/`);
      await page.getByText('Acme Dashboard').first().waitFor({ timeout: 30_000 });

      await page.getByRole('link', { name: 'Reports', exact: true }).click();
      // The Reports route is a lazy chunk (with chart.js in its own lazy vendor chunk) drawing on canvases.
      await page.locator('canvas').first().waitFor({ timeout: 30_000 });
      expect(page.url()).toBe(`${server.url}/reports`);
      expect(problems).toEqual([]);
    } finally {
      await chromium.close();
      await server.close();
    }
  }, 120_000);
});
