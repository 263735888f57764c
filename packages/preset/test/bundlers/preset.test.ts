import path from 'node:path';
import { parse } from 'node-html-parser';
import type { Configuration, RuleSetRule } from 'webpack';
import {
  bundler,
  compile,
  fixturePath,
  launchChromium,
  serveDirectory,
  watchProblems,
} from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { inspect, withPackwise } from '@packwise/preset';
import type { PackwiseOptions } from '@packwise/preset';

// The example app with every packwise feature, built by the preset for the bundler of this jest project: on
// Rspack with Rspack's built-ins (the `rspack` option points the preset at the Rspack under test), and opened
// in Chromium on every route.

const appDir = fixturePath('example-app');
const current = bundler();
const bundlerOptions: PackwiseOptions = current.rspack ? { bundler: 'rspack', rspack: current.exports } : {};
const appConfig = (options: PackwiseOptions = {}): Configuration =>
  withPackwise(
    { context: appDir, entry: { main: path.join(appDir, 'src/index.jsx') }, cache: false },
    { html: { template: path.join(appDir, 'src/index.html') }, ...bundlerOptions, ...options },
  );

const className = (value: unknown) => (value as object).constructor.name;
const loadersOf = (rule: unknown): string[] => {
  const { oneOf = [], use = [] } = (rule ?? {}) as { oneOf?: unknown[]; use?: unknown };
  return [...oneOf.flatMap(loadersOf), ...[use].flat().map((item) => (item as { loader: string }).loader)];
};
const withoutHash = (name: string) => name.replace(/\.[0-9a-f]{16,20}\./, '.');

describe(`@packwise/preset on ${current.name} ${current.version}`, () => {
  const config = appConfig();
  let build: BuildResult;
  beforeAll(async () => {
    build = await compile(config);
  }, 300_000);

  it("uses the bundler's own loaders, CSS extraction, minimizers and page plugin", () => {
    const plugins = (config.plugins ?? []).map(className);
    const minimizers = (config.optimization?.minimizer ?? []).map(className);
    const [scripts, styles] = (config.module?.rules ?? []) as RuleSetRule[];
    if (current.rspack) {
      expect({ plugins, minimizers }).toEqual({
        plugins: expect.arrayContaining(['HtmlRspackPlugin', 'CssExtractRspackPlugin']),
        minimizers: ['SwcJsMinimizerRspackPlugin', 'LightningCssMinimizerRspackPlugin'],
      });
      expect(loadersOf(scripts)).toEqual(['builtin:swc-loader']);
      expect(loadersOf(styles)[0]).toBe(current.exports.CssExtractRspackPlugin.loader);
    } else {
      expect({ plugins, minimizers }).toEqual({
        plugins: expect.arrayContaining(['HtmlWebpackPlugin', 'MiniCssExtractPlugin']),
        minimizers: ['TerserPlugin', 'CssMinimizerPlugin'],
      });
      expect(loadersOf(scripts)).toEqual([expect.stringContaining('swc-loader')]);
    }
    expect(plugins).toEqual(
      expect.arrayContaining([
        'VendorChunksPlugin',
        'InlineAssetsPlugin',
        'InlineHtmlPlugin',
        'CompressPlugin',
      ]),
    );
  });

  it('builds with vendor chunks, the runtime in the page, gzip and brotli, and no errors or warnings', () => {
    expect({ errors: build.errors, warnings: build.warnings }).toEqual({ errors: [], warnings: [] });
    const files = [...build.files.keys()].map(withoutHash);
    expect(files).toEqual(
      expect.arrayContaining(['main.js', 'main.css', 'index.html', 'main.js.gz', 'main.js.br']),
    );
    expect(files.filter((name) => /^vendor\..+\.js$/.test(name)).length).toBeGreaterThan(2);
    expect(files.some((name) => name.startsWith('runtime.'))).toBe(false);
    const page = parse(build.text('index.html'));
    expect(page.querySelectorAll('script:not([src])').length).toBe(1);
    expect(
      page
        .querySelectorAll('script[src]')
        .map((s) => withoutHash(path.basename(s.getAttribute('src') ?? ''))),
    ).toEqual(expect.arrayContaining(['main.js']));
  });

  it('renders every route in Chromium without an error, warning, failed request or CSP violation', async () => {
    const server = await serveDirectory(build.outputDir);
    const chromium = await launchChromium();
    try {
      const page = await chromium.browser.newPage();
      const problems = await watchProblems(page);
      const seen: Record<string, string> = {};
      for (const [route, title] of Object.entries({
        '/': 'Overview',
        '/reports': 'Reports',
        '/activity': 'Activity',
        '/settings': 'Settings',
      })) {
        await page.goto(`${server.url}${route}`);
        await page.waitForSelector('.app-header__title');
        await page.waitForFunction(`document.title.includes(${JSON.stringify(title)})`);
        seen[route] = (await page.textContent('.app-header__title')) ?? '';
      }
      expect(seen).toEqual({
        '/': 'Acme Dashboard',
        '/reports': 'Acme Dashboard',
        '/activity': 'Acme Dashboard',
        '/settings': 'Acme Dashboard',
      });
      // CSS modules (named and default exports) and the extracted sheet apply: the header is laid out by it.
      expect(
        await page.$eval('.app-header', (el) => el.ownerDocument.defaultView?.getComputedStyle(el).display),
      ).toBe('flex');
      expect(problems).toEqual([]);
    } finally {
      await chromium.close();
      await server.close();
    }
  });

  it('packwise inspect prints a config that builds the same files', async () => {
    let stdout = '';
    const configFile = path.join(appDir, current.rspack ? 'rspack.config.cjs' : 'webpack.config.cjs');
    const code = await inspect({
      argv: ['--config', configFile],
      cwd: appDir,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
    });
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toContain(`The final ${current.rspack ? 'Rspack' : 'webpack'} config`);
    // rspack.config.cjs takes the project's Rspack (2.x): its classes do not run on the 1.7 compiler.
    if (current.name === 'rspack-1') return;
    const printed = { exports: {} as Configuration };
    new Function('module', 'require', stdout)(printed, require);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fixture = require(configFile) as (env: object) => Configuration;
    const [fromFixture, fromPrinted] = [await compile(fixture({})), await compile(printed.exports)];
    expect(fromPrinted.errors).toEqual([]);
    expect([...fromPrinted.files.keys()].sort()).toEqual([...fromFixture.files.keys()].sort());
  });
});
