import { compressedSize, formatBytes } from '@packwise/core';
import type { Encoding } from '@packwise/core';
import type { Configuration, WebpackPluginInstance } from 'webpack';
import { bundler, compile } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { readModelFromHtml } from '@packwise/report';
import { BudgetsPlugin } from '@packwise/budgets';
import type { BudgetConfig, BudgetResult, BudgetsPluginOptions, Compression } from '@packwise/budgets';
import { CompressPlugin } from '@packwise/compress';
import { FakeEncodingsPlugin, fakeSize, fileNamed, messages, reportOf, routesConfig } from './routes-app';

const build = (options: BudgetsPluginOptions) => compile(routesConfig([new BudgetsPlugin(options)]));

/** An emitted file's size in `compression`, as packwise measures it. */
async function sizeOf(result: BuildResult, name: string, compression: Compression): Promise<number> {
  const content = result.read(name);
  return compression === 'none' ? content.length : compressedSize(content, compression as Encoding);
}

const totalOf = async (result: BuildResult, names: string[], compression: Compression) =>
  (await Promise.all(names.map((name) => sizeOf(result, name, compression)))).reduce((a, b) => a + b, 0);

const resultFor = (result: BuildResult, target: string): BudgetResult => {
  const found = reportOf(result).results.find((r) => r.target === target);
  if (!found) throw new Error(`no result for ${target} in ${JSON.stringify(reportOf(result).results)}`);
  return found;
};

describe(`BudgetsPlugin on ${bundler().name} ${bundler().version}`, () => {
  let passing: BuildResult;
  const files = { main: '', css: '', dashboard: '', settings: '' };
  beforeAll(async () => {
    passing = await build({ budgets: [{ path: '*.js', limit: '1 MB' }] });
    files.main = fileNamed(passing, /^main\.[0-9a-f]+\.js$/);
    files.css = fileNamed(passing, /^main\.[0-9a-f]+\.css$/);
    files.dashboard = fileNamed(passing, /^dashboard\.[0-9a-f]+\.js$/);
    files.settings = fileNamed(passing, /^settings\.[0-9a-f]+\.js$/);
  });

  it('builds the app (a stylesheet, an asset/resource module, two lazy routes) without a problem', () => {
    expect({ errors: passing.errors, warnings: passing.warnings }).toEqual({ errors: [], warnings: [] });
    expect(passing.files.has('logo.svg')).toBe(true);
    expect(reportOf(passing).results.map((r) => [r.target, r.status])).toEqual(
      [files.dashboard, files.main, files.settings].sort().map((name) => [name, 'pass']),
    );
  });

  it.each<Compression>(['none', 'gzip', 'brotli', 'zstd'])(
    'a %s budget at the size passes; one byte less is a compilation error naming the asset and both sizes',
    async (compression) => {
      const actual = await sizeOf(passing, files.main, compression);
      const budget: BudgetConfig = { name: 'app code', path: 'main.*.js', compression, limit: actual };
      const at = await build({ budgets: [budget] });
      expect({ errors: at.errors, result: resultFor(at, files.main) }).toMatchObject({
        errors: [],
        result: { actual, limit: actual, status: 'pass' },
      });
      const over = await build({ budgets: [{ ...budget, limit: actual - 1 }] });
      const unit = compression === 'none' ? 'raw' : compression;
      const problem =
        `PackwiseBudgetsPlugin: budget "app code": ${files.main} is ${formatBytes(actual)} ${unit}, ` +
        `over the limit of ${formatBytes(actual - 1)} by 1 B. Largest modules: `;
      expect(messages(over.errors)).toEqual([expect.stringContaining(problem)]);
      expect(messages(over.errors)[0]?.slice(problem.length)).toMatch(/date-fns\/format\.mjs \(\d/);
      expect(over.warnings).toEqual([]);
    },
  );

  it('reports a budget with severity warning as a compilation warning, not an error', async () => {
    const result = await build({ budgets: [{ path: 'main.*.css', limit: 1, severity: 'warning' }] });
    expect(result.errors).toEqual([]);
    expect(messages(result.warnings)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^PackwiseBudgetsPlugin: budget "main\\.\\*\\.css": ${files.css.replace(/\./g, '\\.')} is .* brotli, over the limit of 1 B`,
        ),
      ),
    ]);
  });

  it('names the largest modules of a JS file (inside concatenated modules) and of a CSS file', () => {
    const largest = reportOf(passing).largestModules ?? {};
    expect(largest[files.main]?.map((m) => m.name)).toContainEqual(
      expect.stringMatching(/date-fns\/format\.mjs$/),
    );
    // On Rspack only CSS modules are asked for a CSS size: asking an asset module panics the process.
    // (webpack lists the chunk's largest modules of any kind for its CSS file too, as it always did.)
    if (bundler().rspack) {
      expect(largest[files.css]).toEqual([
        { name: expect.stringMatching(/style\.css$/), size: expect.any(Number) },
      ]);
    }
  });

  (bundler().rspack ? it : it.skip)(
    'Rspack’s native CSS and asset/inline modules: the CSS file’s largest module is its stylesheet',
    async () => {
      const result = await compile({
        ...routesConfig([]),
        ...(bundler().name === 'rspack-1' ? { experiments: { css: true } } : {}),
        module: {
          rules: [
            { test: /\.css$/, type: 'css/auto' },
            { test: /\.svg$/, type: 'asset/inline' },
          ],
        },
        plugins: [
          new (bundler().exports.HtmlRspackPlugin)(),
          new BudgetsPlugin({ budgets: [{ path: '*.css', limit: 1 }] }),
        ],
      } as Configuration);
      expect(messages(result.errors)).toEqual([
        expect.stringMatching(
          /budget "\*\.css": main\.[0-9a-f]+\.css is .* Largest modules: \.\/src\/style\.css \(\d+ B\)$/,
        ),
      ]);
    },
  );

  describe('route, entry and first-load budgets on the lazy-route app', () => {
    it('a route budget counts the lazy route’s own file, and fails one byte under it', async () => {
      const actual = await sizeOf(passing, files.dashboard, 'gzip');
      const route: BudgetConfig = {
        name: 'dashboard route',
        path: 'dashboard.*.js',
        compression: 'gzip',
        limit: actual,
      };
      expect(resultFor(await build({ budgets: [route] }), files.dashboard)).toMatchObject({
        actual,
        status: 'pass',
      });
      const over = await build({ budgets: [{ ...route, limit: actual - 1 }] });
      expect(messages(over.errors)).toEqual([
        expect.stringContaining(
          `budget "dashboard route": ${files.dashboard} is ${formatBytes(actual)} gzip`,
        ),
      ]);
    });

    it('an entry budget counts the entry’s JS and CSS and both lazy routes, not the page', async () => {
      const all = [files.css, files.dashboard, files.main, files.settings];
      const actual = await totalOf(passing, all, 'brotli');
      const result = resultFor(await build({ budgets: [{ entry: 'main', limit: actual }] }), 'entry main');
      expect(result).toMatchObject({ actual, status: 'pass' });
      expect([...(result.files ?? [])].sort()).toEqual(all.sort());
      const over = await build({ budgets: [{ entry: 'main', limit: actual - 1 }] });
      expect(messages(over.errors)).toEqual([
        expect.stringMatching(/budget "entry main": entry main is .* by 1 B\. Files: /),
      ]);
    });

    it('a first-load budget counts the page and the initial files, not the lazy routes', async () => {
      const initial = [files.css, 'index.html', files.main];
      const actual = await totalOf(passing, initial, 'none');
      const budget: BudgetConfig = { name: 'first load', initial: true, compression: 'none', limit: actual };
      const result = resultFor(await build({ budgets: [budget] }), 'initial main');
      expect(result).toMatchObject({ actual, status: 'pass' });
      expect([...(result.files ?? [])].sort()).toEqual(initial.sort());
      expect(reportOf(passing).entries.main?.pages).toEqual(['index.html']);
      const over = await build({ budgets: [{ ...budget, limit: actual - 1 }] });
      expect(messages(over.errors)).toEqual([
        expect.stringMatching(
          /budget "first load": initial main is .* raw, over the limit of .* by 1 B\. Files: .*index\.html/,
        ),
      ]);
    });

    it('a returning visitor holding the same build downloads only the page', async () => {
      const page = await sizeOf(passing, 'index.html', 'brotli');
      const result = await build({
        budgets: [{ name: 'returning', initial: true, visitor: 'returning', limit: page }],
        returningVisitor: { previous: passing.outputDir },
      });
      expect(result.errors).toEqual([]);
      expect(resultFor(result, 'initial main')).toMatchObject({ actual: page, status: 'pass' });
    });
  });

  it('takes gzip, brotli and zstd sizes from the files a compression plugin wrote (Rspack: found by name)', async () => {
    const budgets: BudgetConfig[] = (['gzip', 'brotli', 'zstd'] as const).map((compression) => ({
      path: 'main.*.js',
      compression,
      limit: '1 MB',
    }));
    const result = await compile(routesConfig([new FakeEncodingsPlugin(), new BudgetsPlugin({ budgets })]));
    const raw = result.read(files.main).length;
    expect(reportOf(result).results.map((r) => [r.compression, r.actual])).toEqual([
      ['gzip', fakeSize(raw, 'gzip')],
      ['brotli', fakeSize(raw, 'brotli')],
      ['zstd', fakeSize(raw, 'zstd')],
    ]);
  });

  it('counts a returning visitor’s download of a changed file as the delta @packwise/compress wrote', async () => {
    const { DefinePlugin } = bundler().exports;
    const v2 = (plugins: WebpackPluginInstance[]) =>
      compile(routesConfig([new DefinePlugin({ __BUILD__: JSON.stringify('version 2') }), ...plugins]));
    const budgets: BudgetConfig[] = [
      { name: 'returning', path: 'main.*.js', visitor: 'returning', limit: '1 MB' },
    ];
    const result = await v2([
      new CompressPlugin({ threshold: 0, dictionaries: { previous: passing.outputDir } }),
      new BudgetsPlugin({ budgets, returningVisitor: { previous: passing.outputDir } }),
    ]);
    expect(result.errors).toEqual([]);
    const main = fileNamed(result, /^main\.[0-9a-f]+\.js$/);
    expect(main).not.toBe(files.main);
    // The delta against the file the visitor holds (v1's main), as the manifest names it.
    const manifest = JSON.parse(result.text('compress-manifest.json')) as {
      assets: Record<string, { deltas?: { file: string; previous: string }[] }>;
    };
    const delta = manifest.assets[main]?.deltas?.find((d) => d.previous === files.main)?.file;
    expect(delta).toMatch(/^main\.[0-9a-f]+\.js\.[0-9a-f]{8}\.dcz$/);
    const returning = reportOf(result).results.find((r) => r.target === main);
    expect(returning).toMatchObject({ actual: result.read(delta as string).length, status: 'pass' });
    expect(returning?.actual).toBeLessThan(await sizeOf(result, main, 'brotli'));
  });

  it('reads its budgets from a config file (the config cache is memory-only on Rspack)', async () => {
    const result = await build({ config: 'packwise.budgets.json' });
    expect(messages(result.errors)).toEqual([
      expect.stringMatching(
        /^PackwiseBudgetsPlugin: budget "settings route": settings\.[0-9a-f]+\.js is .* over the limit of 10 B/,
      ),
    ]);
  });

  it('writes report { json, html }: the page’s packages count the modules inside concatenated modules', async () => {
    const result = await build({
      budgets: [{ path: '*.js', limit: '1 MB' }],
      report: { json: 'budgets.json', html: 'report.html' },
    });
    expect(result.errors).toEqual([]);
    expect(JSON.parse(result.text('budgets.json'))).toMatchObject({ version: 1, results: expect.any(Array) });
    const model = readModelFromHtml(result.text('report.html'));
    const dateFns = model?.packages.find((pkg) => pkg.name === 'date-fns');
    const app = model?.packages.find((pkg) => pkg.name === '(app)');
    const dateFnsModules = model?.modules.filter((m) => model.packages[m.package]?.name === 'date-fns') ?? [];
    // date-fns is concatenated into main and dashboard: listed one module at a time, it outweighs the app.
    expect(dateFnsModules.length).toBeGreaterThan(30);
    expect(dateFns?.size).toBe(dateFnsModules.reduce((sum, m) => sum + m.size, 0));
    expect(dateFns?.size).toBeGreaterThan(10 * (app?.size ?? 0));
  });
});
