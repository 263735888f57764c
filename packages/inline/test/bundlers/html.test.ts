import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import type { HTMLElement } from 'node-html-parser';
import { bundler, compile, launchChromium, serveDirectory, watchProblems } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { InlineHtmlPlugin } from '@packwise/inline';
import { appConfig, makeApp, pageGenerators } from './app';
import type { PageGenerator } from './app';

function parsePage(build: BuildResult): HTMLElement {
  return parse(build.text('index.html'), { blockTextElements: { script: true, style: true } });
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page's policy, directive by directive. */
function policyOf(root: HTMLElement): Record<string, string[]> {
  const metas = root.querySelectorAll('meta[http-equiv=Content-Security-Policy]');
  expect(metas).toHaveLength(1);
  return Object.fromEntries(
    (metas[0]?.getAttribute('content') ?? '').split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

interface PageRun {
  status: string;
  /** `naturalWidth` of every image (the PNGs are 1×1; the SVG is an icon). */
  images: { alt: string; width: number }[];
  problems: string[];
}

/** Opens the page in headless Chromium and waits for the lazy gallery chunk to write its line. */
async function openPage(build: BuildResult): Promise<PageRun> {
  const server = await serveDirectory(build.outputDir);
  const chromium = await launchChromium();
  try {
    const page = await chromium.browser.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${server.url}/`);
    await page.getByText('app ran').waitFor({ timeout: 30_000 });
    const status = (await page.locator('#status').textContent()) ?? '';
    // Every image decoded (a blocked or broken one has naturalWidth 0).
    await page.waitForFunction('[...document.images].every((image) => image.complete)');
    const images = (await page.evaluate(
      '[...document.images].map((image) => ({ alt: image.alt, width: image.naturalWidth }))',
    )) as PageRun['images'];
    return { status, images, problems };
  } finally {
    await chromium.close();
    await server.close();
  }
}

describe.each(pageGenerators())(
  `InlineHtmlPlugin with InlineAssetsPlugin on ${bundler().name} ${bundler().version}, pages from %s`,
  (generator: PageGenerator) => {
    let build: BuildResult;
    beforeAll(async () => {
      const context = await makeApp();
      build = await compile(
        appConfig(context, {
          html: { generator, options: { inlineRuntime: true, inlineCss: 'main', csp: { meta: true } } },
        }),
      );
    }, 120_000);

    it('builds without errors or warnings', () => {
      expect({ errors: build.errors, warnings: build.warnings }).toEqual({ errors: [], warnings: [] });
    });

    it('inlines the runtime and the CSS, and deletes their files', () => {
      const root = parsePage(build);
      const inlineScripts = root.querySelectorAll('script').filter((script) => !script.hasAttribute('src'));
      const files = root.querySelectorAll('script[src]').map((script) => script.getAttribute('src'));
      expect({
        inlineScripts: inlineScripts.length,
        styles: root.querySelectorAll('style').length,
        stylesheetLinks: root.querySelectorAll('link[rel=stylesheet]').length,
        files,
      }).toEqual({
        inlineScripts: 1,
        styles: 1,
        stylesheetLinks: 0,
        files: [expect.stringMatching(/^js\/main\.[0-9a-f]{8}\.js$/)],
      });
      // The runtime's auto public path placeholder was filled in at build time (its prefix test stays).
      expect(inlineScripts[0]?.rawText).toContain('PACKWISE_INLINE_PUBLIC_PATH');
      expect(inlineScripts[0]?.rawText).not.toContain('PACKWISE_INLINE_PUBLIC_PATH_b3c1e7d2');
      const emitted = [...build.files.keys()];
      expect(emitted.filter((name) => /^(js\/runtime|css\/)/.test(name))).toEqual([]);
    });

    it("extends the template's CSP with the hashes of exactly the inline elements, never unsafe-inline", () => {
      const root = parsePage(build);
      const hashes = (selector: string) =>
        root
          .querySelectorAll(selector)
          .filter((element) => !element.hasAttribute('src'))
          .map((element) => sha256(element.rawText));
      expect(policyOf(root)).toEqual({
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'script-src': ["'self'", ...hashes('script')],
        'style-src': ["'self'", ...hashes('style')],
      });
      expect(JSON.parse(build.text('csp-hashes.json'))).toEqual({
        'index.html': { 'script-src': hashes('script'), 'style-src': hashes('style') },
      });
      expect(build.text('index.html')).not.toContain('unsafe-inline');
    });

    it('runs in headless Chromium under that policy: the app and its lazy chunk ran, every image loaded', async () => {
      const run = await openPage(build);
      expect(run).toEqual({
        status: 'app ran: gallery of 6 tiles',
        images: [
          ...['small', 'mid', 'rawUnder', 'big'].map((alt) => ({ alt, width: 1 })),
          { alt: 'icon', width: expect.any(Number) },
          ...Array.from({ length: 6 }, () => ({ alt: 'tile', width: 1 })),
        ],
        problems: [],
      });
      expect(run.images.find((image) => image.alt === 'icon')?.width).toBeGreaterThan(0);
    }, 120_000);
  },
);

it(`a page without a hash in the policy is blocked (the check above can fail) on ${bundler().name}`, async () => {
  // The same page with the hashes removed from its meta: the inlined runtime must be refused.
  const context = await makeApp();
  const build = await compile(
    appConfig(context, {
      html: {
        generator: pageGenerators()[0] as PageGenerator,
        options: { inlineRuntime: true, inlineCss: 'main', csp: { meta: true } },
      },
    }),
  );
  const html = build.text('index.html').replace(/ 'sha256-[^']+'/g, '');
  expect(html).not.toBe(build.text('index.html'));
  await writeFile(path.join(build.outputDir, 'index.html'), html);
  const server = await serveDirectory(build.outputDir);
  const chromium = await launchChromium();
  try {
    const page = await chromium.browser.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${server.url}/`);
    await page.waitForLoadState('load');
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^console: CSP violation: script-src-elem /)]),
    );
    expect(await page.locator('#status').textContent()).toBe('waiting');
  } finally {
    await chromium.close();
    await server.close();
  }
}, 120_000);

it(`without a page generator in plugins: ${bundler().rspack ? 'one warning naming HtmlRspackPlugin' : 'the missing html-webpack-plugin error'}`, async () => {
  // The app lives outside the repository: html-webpack-plugin does not resolve from its context.
  const config = appConfig(await makeApp());
  config.plugins?.push(new InlineHtmlPlugin({ csp: true }));
  const build = await compile(config);
  const problems = { errors: build.errors, warnings: build.warnings.map((warning) => warning.trim()) };
  expect(problems).toEqual(
    bundler().rspack
      ? {
          errors: [],
          warnings: [
            expect.stringMatching(
              /PackwiseInlineHtmlPlugin: no page came from HtmlRspackPlugin: add `new HtmlRspackPlugin\(\)` to `plugins`\.$/,
            ),
          ],
        }
      : { errors: [expect.stringContaining('html-webpack-plugin was not found')], warnings: [] },
  );
});
