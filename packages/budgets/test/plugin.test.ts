import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import CompressionPlugin from 'compression-webpack-plugin';
import type { WebpackPluginInstance } from 'webpack';
import { compile, makeTempDir } from '@packwise/test-utils';
import { CompressPlugin } from '@packwise/compress';
import { BudgetsPlugin } from '@packwise/budgets';
import type { BudgetConfig, BudgetsPluginOptions } from '@packwise/budgets';
import { appConfig, counts, reportOf } from './fixtures/build';

const withBudgets = (
  budgets: BudgetConfig[],
  more: WebpackPluginInstance[] = [],
  options: BudgetsPluginOptions = {},
) => compile(appConfig([...more, new BudgetsPlugin({ budgets, ...options })]));

const brotli = (content: Buffer) =>
  zlib.brotliCompressSync(content, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  }).length;

describe('BudgetsPlugin', () => {
  it('fails the build when an asset is over its limit, saying the budget, sizes and largest modules', async () => {
    const build = await withBudgets([
      { name: 'main script', path: 'main.*.js', limit: 100, compression: 'none' },
    ]);
    expect(build.errors).toHaveLength(1);
    const asset = build.stats.compilation.getAssets().find(({ name }) => /^main\..*\.js$/.test(name));
    const main = asset?.name as string;
    const size = asset?.source.size();
    expect(build.errors[0]).toMatch(
      new RegExp(
        `^PackwiseBudgetsPlugin: budget "main script": ${main.replace(/\./g, '\\.')} is [\\d.]+ k?B raw, over the limit of 100 B by [\\d.]+ k?B\\. Largest modules: \\./src/table\\.js \\(`,
      ),
    );
    expect(reportOf(build).results[0]).toMatchObject({
      target: main,
      actual: size,
      limit: 100,
      status: 'fail',
    });
  });

  it("only warns for a budget with severity 'warning'", async () => {
    const build = await withBudgets([{ path: '*.js', limit: '10 B', severity: 'warning' }]);
    expect(build.errors).toEqual([]);
    expect(build.warnings.length).toBe(2); // main and the lazy report chunk, each over
    expect(build.warnings.every((warning) => warning.includes('budget "*.js"'))).toBe(true);
  });

  it('passes quietly when everything is within budget', async () => {
    const build = await withBudgets([
      { path: '*.js', limit: '1 MB' },
      { entry: 'main', limit: '1 MB' },
      { initial: true, limit: '1 MB' },
    ]);
    expect(build.errors).toEqual([]);
    expect(build.warnings).toEqual([]);
    expect(reportOf(build).results.every((result) => result.status === 'pass')).toBe(true);
  });

  it('sums entry totals with lazy chunks and initial totals without them', async () => {
    const build = await withBudgets([
      { entry: 'main', limit: '1 MB', compression: 'none' },
      { initial: true, limit: '1 MB', compression: 'brotli' },
    ]);
    const js = [...build.files.keys()].filter((name) => name.endsWith('.js'));
    const main = js.filter((name) => name.startsWith('main.'));
    const lazy = js.filter((name) => name.startsWith('report.'));
    expect(main).toHaveLength(1);
    expect(lazy).toHaveLength(1);
    const report = reportOf(build);
    expect(report.entries.main).toEqual({ initial: main, all: [...lazy, ...main].sort(), pages: [] });
    const [entry, initial] = report.results;
    expect(entry).toMatchObject({
      target: 'entry main',
      actual: js.reduce((sum, name) => sum + build.read(name).length, 0),
    });
    expect(initial).toMatchObject({ target: 'initial main', actual: brotli(build.read(main[0] as string)) });
  });

  it('measures raw, gzip -9 and brotli -11 sizes of every JS, CSS and HTML asset', async () => {
    const build = await withBudgets([{ path: '*.js', limit: '1 MB' }]);
    const report = reportOf(build);
    const names = report.assets.map((asset) => asset.name);
    expect(names.every((name) => /\.js$/.test(name))).toBe(true);
    for (const asset of report.assets) {
      const content = build.read(asset.name);
      expect(asset).toEqual({
        name: asset.name,
        raw: content.length,
        gzip: zlib.gzipSync(content, { level: 9 }).length,
        brotli: brotli(content),
      });
    }
    expect(counts(build)).toEqual({ computed: 2 * names.length, reused: 0 });
  });

  it('reuses the sizes @packwise/compress wrote instead of compressing again', async () => {
    const compress = new CompressPlugin({ minRatio: Number.POSITIVE_INFINITY, test: /\.js$/ });
    const build = await withBudgets([{ path: '*.js', limit: '1 MB' }], [compress]);
    const report = reportOf(build);
    expect(counts(build)).toEqual({ computed: 0, reused: 2 * report.assets.length });
    for (const asset of report.assets) expect(asset.brotli).toBe(build.read(`${asset.name}.br`).length);
  });

  it('reuses the sizes two compression-webpack-plugin instances wrote', async () => {
    const plugins = [
      new CompressionPlugin({ test: /\.js$/, minRatio: Number.MAX_VALUE }),
      new CompressionPlugin({
        test: /\.js$/,
        minRatio: Number.MAX_VALUE,
        algorithm: 'brotliCompress',
        filename: '[path][base].br',
        compressionOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } } as zlib.ZlibOptions,
      }),
    ];
    const build = await withBudgets([{ path: '*.js', limit: '1 MB' }], plugins as WebpackPluginInstance[]);
    expect(counts(build)).toEqual({ computed: 0, reused: 2 * reportOf(build).assets.length });
  });

  it('reads the budgets from the project when none are passed', async () => {
    const context = await makeTempDir('packwise-budgets-');
    await mkdir(path.join(context, 'src'));
    await writeFile(path.join(context, 'src/index.js'), 'console.log("a small app");\n');
    await writeFile(
      path.join(context, 'packwise.config.json'),
      JSON.stringify({ budgets: [{ path: '*.js', limit: 5 }] }),
    );
    const build = await compile({
      ...appConfig([new BudgetsPlugin()], context),
      output: { filename: '[name].js' },
    });
    expect(build.errors).toEqual([expect.stringContaining('budget "*.js": main.js is')]);
  });

  it('reports a broken config file as a build error, not a crash', async () => {
    const context = await makeTempDir('packwise-budgets-');
    await mkdir(path.join(context, 'src'));
    await writeFile(path.join(context, 'src/index.js'), 'console.log(1);\n');
    await writeFile(
      path.join(context, 'packwise.config.json'),
      JSON.stringify({ budgets: [{ path: '*.js', limit: '12 parsecs' }] }),
    );
    const build = await compile(appConfig([new BudgetsPlugin()], context));
    expect(build.errors).toHaveLength(1);
    expect(build.errors[0]).toContain('budgets[0].limit');
  });

  it('fails a budget that matches nothing, so a typo cannot pass', async () => {
    const build = await withBudgets([
      { path: 'vendor.*.js', limit: '1 MB' },
      { entry: 'mian', limit: '1 MB' },
    ]);
    expect(build.errors).toEqual([
      'PackwiseBudgetsPlugin: budget "vendor.*.js": vendor.*.js matches nothing in this build',
      'PackwiseBudgetsPlugin: budget "entry mian": entry mian matches nothing in this build',
    ]);
  });
});

describe('BudgetsPlugin options', () => {
  it.each<[string, unknown]>([
    ['no options (read the project config)', undefined],
    ['a path budget', { budgets: [{ path: '*.js', limit: '170 kB' }] }],
    ['an entry budget with maxIncrease', { budgets: [{ entry: 'main', maxIncrease: '5%' }] }],
    [
      'an initial budget',
      { budgets: [{ initial: true, limit: 170000, compression: 'gzip', severity: 'warning' }] },
    ],
    ['a zstd budget', { budgets: [{ path: '*.js', limit: '20 kB', compression: 'zstd' }] }],
    ['tolerance and report name', { budgets: [], tolerance: '32 B', report: 'sizes.json' }],
    ['no report', { budgets: [], report: false }],
    ['the HTML report beside the JSON one', { budgets: [], report: { html: 'packwise-report.html' } }],
    ['only the HTML report', { budgets: [], report: { json: false, html: 'report.html' } }],
    ['both named', { budgets: [], report: { json: 'sizes.json', html: false } }],
    [
      'an HTML report with a baseline',
      { budgets: [], report: { html: 'r.html', baseline: '../base/r.html' } },
    ],
    ['a config file', { config: 'budgets.json' }],
    [
      'a returning-visitor budget and the previous version',
      {
        budgets: [
          { initial: true, visitor: 'returning', limit: '50 kB' },
          { path: '*.js', visitor: 'new', limit: 1 },
        ],
        returningVisitor: { previous: '../deploys/v1' },
      },
    ],
  ])('accepts %s', (_label, options) => {
    expect(() => new BudgetsPlugin(options as BudgetsPluginOptions)).not.toThrow();
  });

  it.each<[string, unknown, string | RegExp]>([
    ['an unknown key', { budgets: [], budget: [] }, "options has an unknown property 'budget'"],
    [
      'an unknown budget key',
      { budgets: [{ path: '*.js', limit: 1, max: 2 }] },
      "options.budgets[0] has an unknown property 'max'",
    ],
    ['a limit in parsecs', { budgets: [{ path: '*.js', limit: '12 parsecs' }] }, 'options.budgets[0].limit'],
    [
      'a budget without target',
      { budgets: [{ limit: 1 }] },
      'budgets[0] needs exactly one of path, entry or initial',
    ],
    [
      'a budget with two targets',
      { budgets: [{ path: '*.js', entry: 'main', limit: 1 }] },
      'budgets[0] needs exactly one of path, entry or initial, not path and entry',
    ],
    [
      'a budget with neither limit nor maxIncrease',
      { budgets: [{ path: '*.js' }] },
      'budgets[0] needs a limit or a maxIncrease',
    ],
    [
      'an unknown compression',
      { budgets: [{ path: '*.js', limit: 1, compression: 'lzma' }] },
      /options\.budgets\[0\]\.compression should be one of these:\s+"none" \| "gzip" \| "brotli" \| "zstd"/,
    ],
    [
      'maxIncrease in parsecs',
      { budgets: [{ path: '*.js', maxIncrease: '2 parsecs' }] },
      'options.budgets[0].maxIncrease',
    ],
    ['initial: false', { budgets: [{ initial: false, limit: 1 }] }, 'options.budgets[0].initial'],
    ['a report of true', { budgets: [], report: true }, 'options.report'],
    ['an HTML report of true', { budgets: [], report: { html: true } }, 'options.report'],
    ['an empty HTML report name', { budgets: [], report: { html: '' } }, 'options.report'],
    ['an unknown report key', { budgets: [], report: { markdown: 'r.md' } }, 'options.report'],
    ['an empty baseline', { budgets: [], report: { html: 'r.html', baseline: '' } }, 'options.report'],
    [
      'an unknown visitor',
      { budgets: [{ path: '*.js', limit: 1, visitor: 'frequent' }] },
      /options\.budgets\[0\]\.visitor should be one of these:\s+"new" \| "returning"/,
    ],
    [
      'returningVisitor without previous',
      { budgets: [], returningVisitor: {} },
      "options.returningVisitor misses the property 'previous'",
    ],
    [
      'returningVisitor as a string',
      { budgets: [], returningVisitor: 'v1' },
      'options.returningVisitor should be an object',
    ],
    [
      'an unknown returningVisitor key',
      { budgets: [], returningVisitor: { previous: 'v1', history: true } },
      "options.returningVisitor has an unknown property 'history'",
    ],
  ])('rejects %s, naming it', (_label, options, message) => {
    expect(() => new BudgetsPlugin(options as BudgetsPluginOptions)).toThrow(message);
  });
});
