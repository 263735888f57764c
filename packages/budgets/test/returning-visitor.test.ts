import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatBytes, sha256 } from '@packwise/core';
import { compile, makeTempDir } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { CompressPlugin } from '@packwise/compress';
import { BudgetsPlugin } from '@packwise/budgets';
import type { BudgetConfig, BudgetResult, BudgetsPluginOptions, PackwiseReport } from '@packwise/budgets';
import { appConfig, reportOf } from './fixtures/build';
import {
  code,
  expectUsageError,
  fixture,
  parseReport,
  project,
  removeProjects,
  runCli,
  zlibSizes,
} from './fixtures/harness';
import { buildVersion, deltasIn, fileOf, writeApp } from './fixtures/versions';

afterAll(removeProjects);

const FIRST_LOAD_RETURNING: BudgetConfig = {
  name: 'first page load, returning',
  initial: true,
  visitor: 'returning',
  limit: '1 MB',
};
const BUDGETS: BudgetConfig[] = [
  FIRST_LOAD_RETURNING,
  { name: 'main, returning', entry: 'main', visitor: 'returning', limit: '1 MB' },
  { name: 'first page load', initial: true, limit: '1 MB' },
];

const resultOf = (report: PackwiseReport, budget: string): BudgetResult => {
  const result = report.results.find((r) => r.budget === budget);
  if (!result) throw new Error(`no result of "${budget}" in ${JSON.stringify(report.results)}`);
  return result;
};

/** A file's size as a build emitted it, from the compilation (a build with errors writes no files). */
const sizeOf = (build: BuildResult, name: string): number => {
  const asset = build.stats.compilation.getAsset(name);
  if (!asset) throw new Error(`no asset ${name}`);
  return asset.source.size();
};

/** The brotli size budgets count: the emitted `.br`, else brotli -11 of the file. */
const brotliOf = (build: BuildResult, name: string): number =>
  build.stats.compilation.getAsset(`${name}.br`)
    ? sizeOf(build, `${name}.br`)
    : zlibSizes(Buffer.from(build.stats.compilation.getAsset(name)?.source.buffer() ?? '')).brotli;

const returningOf = (report: PackwiseReport) =>
  Object.fromEntries(report.assets.map(({ name, returning }) => [name, returning]));

describe('returning visitors: two versions of an app', () => {
  let context: string;
  let v1: BuildResult;
  /** v2 with compress dictionaries against v1: main has a delta. */
  let v2: BuildResult;
  /** v2 without dictionaries: no delta. */
  let plain: BuildResult;
  const budgets = (options: Partial<BudgetsPluginOptions> = {}) =>
    new BudgetsPlugin({ budgets: BUDGETS, returningVisitor: { previous: v1.outputDir }, ...options });

  beforeAll(async () => {
    context = await makeTempDir('packwise-budgets-returning-src-');
    await writeApp(context, 'first');
    v1 = await buildVersion(context, [new CompressPlugin({ threshold: 0 })]);
    await writeApp(context, 'second');
    v2 = await buildVersion(context, [
      new CompressPlugin({ threshold: 0, dictionaries: { previous: v1.outputDir } }),
      budgets(),
    ]);
    plain = await buildVersion(context, [new CompressPlugin({ threshold: 0 }), budgets()]);
  });

  /** A build's delta of main against v1's main: what a visitor holding v1 gets. */
  const heldDelta = (build: BuildResult) =>
    `${fileOf(build, 'main')}.${sha256(v1.read(fileOf(v1, 'main')))
      .toString('hex')
      .slice(0, 8)}.dcz`;

  it('builds what the rules need: lib and settings unchanged, main changed with a delta against v1', () => {
    expect({ v1: v1.errors, v2: v2.errors, plain: plain.errors }).toEqual({ v1: [], v2: [], plain: [] });
    expect({ lib: fileOf(v2, 'lib'), settings: fileOf(v2, 'settings') }).toEqual({
      lib: fileOf(v1, 'lib'),
      settings: fileOf(v1, 'settings'),
    });
    expect({ main: fileOf(v2, 'main') === fileOf(v1, 'main') }).toEqual({ main: false });
    const hash = sha256(v1.read(fileOf(v1, 'main'))).toString('hex');
    // The compress plugin also writes main against itself (for a browser that asks again holding it).
    const own = sha256(v2.read(fileOf(v2, 'main'))).toString('hex');
    expect({ deltas: deltasIn(v2).sort(), plain: deltasIn(plain) }).toEqual({
      deltas: [
        `${fileOf(v2, 'main')}.${hash.slice(0, 8)}.dcz`,
        `${fileOf(v2, 'main')}.${own.slice(0, 8)}.dcz`,
      ].sort(),
      plain: [],
    });
  });

  it('counts the page in full, the unchanged files 0 and the changed file’s delta exactly', () => {
    const [main, lib, settings] = [fileOf(v2, 'main'), fileOf(v2, 'lib'), fileOf(v2, 'settings')];
    const delta = heldDelta(v2);
    const deltaSize = v2.read(delta).length;
    const page = brotliOf(v2, 'index.html');
    const report = reportOf(v2);
    const firstLoad = resultOf(report, 'first page load, returning');
    expect({ firstLoad: firstLoad.actual }).toEqual({ firstLoad: page + 0 + deltaSize });
    expect({ files: [...(firstLoad.files ?? [])].sort() }).toEqual({
      files: ['index.html', lib, main].sort(),
    });
    expect({ visitor: firstLoad.visitor }).toEqual({ visitor: 'returning' });
    expect({ entry: resultOf(report, 'main, returning').actual }).toEqual({ entry: deltaSize });
    // A new visitor downloads all of it: far more.
    const fresh = resultOf(report, 'first page load');
    expect({ fresh: fresh.actual, visitor: fresh.visitor }).toEqual({
      fresh: page + brotliOf(v2, lib) + brotliOf(v2, main),
      visitor: undefined,
    });
    expect({ deltaSmaller: deltaSize < brotliOf(v2, main) / 4 }).toEqual({ deltaSmaller: true });
    expect(returningOf(report)).toEqual({
      [lib]: { via: 'cache', raw: 0, gzip: 0, brotli: 0 },
      [settings]: { via: 'cache', raw: 0, gzip: 0, brotli: 0 },
      [main]: { via: 'delta', delta, raw: deltaSize, gzip: deltaSize, brotli: deltaSize },
      'index.html': expect.objectContaining({ via: 'full', brotli: page }),
    });
  });

  it('counts the changed file’s full brotli size without compress dictionaries', () => {
    const main = fileOf(plain, 'main');
    const report = reportOf(plain);
    expect({ main: returningOf(report)[main] }).toEqual({
      main: expect.objectContaining({ via: 'full', brotli: plain.read(`${main}.br`).length }),
    });
    expect({ firstLoad: resultOf(report, 'first page load, returning').actual }).toEqual({
      firstLoad: brotliOf(plain, 'index.html') + plain.read(`${main}.br`).length,
    });
  });

  it('fails the build over a returning-visitor limit, naming the returning visitor and how it gets the files', async () => {
    const over = await buildVersion(context, [
      new CompressPlugin({ threshold: 0, dictionaries: { previous: v1.outputDir } }),
      budgets({
        budgets: [
          { ...FIRST_LOAD_RETURNING, limit: 10 },
          { initial: true, limit: '1 MB' },
        ],
      }),
    ]);
    const delta = heldDelta(over);
    const total = brotliOf(over, 'index.html') + sizeOf(over, delta as string);
    expect({ errors: over.errors }).toEqual({
      errors: [
        expect.stringContaining(
          `PackwiseBudgetsPlugin: budget "first page load, returning": initial main is ${formatBytes(total)} brotli ` +
            `for a returning visitor (1 cached, 1 delta, 1 in full), over the limit of 10 B by ${formatBytes(total - 10)}`,
        ),
      ],
    });
  });

  it('packwise check --dir v2 --previous v1: the same per-file sizes, and exit 1 naming the returning visitor', async () => {
    const main = fileOf(v2, 'main');
    const delta = heldDelta(v2);
    const cwd = await project({
      'packwise.config.json': {
        budgets: [{ name: 'main js', path: 'main.*.js', visitor: 'returning', limit: 10 }],
      },
    });
    const argv = ['check', '--dir', v2.outputDir, '--previous', v1.outputDir];
    const json = await runCli([...argv, '--format', 'json'], { cwd });
    expect({ code: json.code, stderr: json.stderr }).toEqual({ code: 1, stderr: '' });
    expect(returningOf(parseReport(json))).toEqual(returningOf(reportOf(v2)));
    const text = await runCli(argv, { cwd });
    expect({ code: text.code }).toEqual({ code: 1 });
    const size = formatBytes(v2.read(delta).length);
    expect(text.stdout).toContain(
      `${main} is ${size} brotli for a returning visitor (delta ${delta}), over the limit of 10 B`,
    );
    expect(text.stdout).toContain(`${size} brotli (returning visitor)`);
    expect(text.stdout).toContain(
      `Returning visitor (holding the previous version): 2 files cached, 1 delta (${size}), 1 in full`,
    );
  });

  it('packwise check --stats v2 --previous v1 and --report give the plugin’s first-page total', async () => {
    const cwd = await project({ 'packwise.config.json': { budgets: [FIRST_LOAD_RETURNING] } });
    await writeFile(
      path.join(cwd, 'stats.json'),
      JSON.stringify(
        v2.stats.toJson({ all: false, assets: true, entrypoints: true, chunks: true, outputPath: true }),
      ),
    );
    const plugin = resultOf(reportOf(v2), 'first page load, returning');
    for (const input of [
      ['--stats', 'stats.json', '--previous', v1.outputDir],
      ['--report', path.join(v2.outputDir, 'packwise-report.json')],
    ]) {
      const result = await runCli(['check', ...input, '--format', 'json'], { cwd });
      const first = resultOf(parseReport(result), 'first page load, returning');
      expect({ input: input[0], code: result.code, actual: first.actual, files: first.files }).toEqual({
        input: input[0],
        code: 0,
        actual: plugin.actual,
        files: plugin.files,
      });
    }
  });

  it.each([
    [
      'markdown',
      /\| ❌ fail \| main js \| main\.[0-9a-f]{8}\.js \| [\d.]+ k?B brotli \(returning visitor\) \|/,
    ],
    ['junit', /<testcase name="main\.[0-9a-f]{8}\.js \([\d.]+ k?B brotli \(returning visitor\)\)"/],
    [
      'github',
      /^::error title=Budget main js::main\.[0-9a-f]{8}\.js is [\d.]+ k?B brotli for a returning visitor/m,
    ],
  ])('shows the returning visitor in the %s format', async (format, shape) => {
    const cwd = await project({
      'packwise.config.json': {
        budgets: [{ name: 'main js', path: 'main.*.js', visitor: 'returning', limit: 10 }],
      },
    });
    const result = await runCli(
      ['check', '--dir', v2.outputDir, '--previous', v1.outputDir, '--format', format],
      { cwd },
    );
    expect({ format, code: result.code, matches: shape.test(result.stdout) }).toEqual({
      format,
      code: 1,
      matches: true,
    });
  });
});

describe('returning visitors: the rules, file by file', () => {
  it('cache for the same name and bytes, the delta against the file held, else in full; the page always', async () => {
    const [a, b, c, d] = [code(4000, 1), code(4000, 2), code(4000, 3), code(4000, 4)];
    const page = '<!doctype html><script src="/a.js"></script>';
    const previous = await project({ 'a.js': a, 'b.js': b, 'c.js': c, 'index.html': page });
    const held = (text: string) => sha256(Buffer.from(text)).toString('hex');
    const deltas = {
      // Against the b.js the visitor holds: the smaller of two.
      'b.js': [
        { encoding: 'dcz', file: 'b.js.9.dcz', size: 200, dictionary: held(b), previous: 'b.js' },
        { encoding: 'dcz', file: 'b.js.1.dcz', size: 123, dictionary: held(b), previous: 'b.js' },
      ],
      // Against a c.js the visitor does not hold (another deploy's).
      'c.js': [
        { encoding: 'dcz', file: 'c.js.2.dcz', size: 45, dictionary: held('other'), previous: 'c.js' },
      ],
    };
    const dist = await project({
      'a.js': a,
      'b.js': `${b}\nconsole.log(2);`,
      'c.js': `${c}\nconsole.log(3);`,
      'd.js': d,
      'index.html': page,
      'compress-manifest.json': {
        assets: Object.fromEntries(Object.entries(deltas).map(([name, list]) => [name, { deltas: list }])),
      },
    });
    const cwd = await project({ 'packwise.config.json': { budgets: [{ path: '*', limit: '1 MB' }] } });
    const result = await runCli(['check', '--dir', dist, '--previous', previous, '--format', 'json'], {
      cwd,
    });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    const report = parseReport(result);
    const full = (name: string) => {
      const { raw, gzip, brotli } = report.assets.find((asset) => asset.name === name) ?? {};
      return { via: 'full', raw, gzip, brotli };
    };
    expect(returningOf(report)).toEqual({
      'a.js': { via: 'cache', raw: 0, gzip: 0, brotli: 0 },
      'b.js': { via: 'delta', delta: 'b.js.1.dcz', raw: 123, gzip: 123, brotli: 123 },
      'c.js': full('c.js'),
      'd.js': full('d.js'),
      'index.html': full('index.html'),
    });
    expect({ fullSize: full('d.js').brotli }).toEqual({ fullSize: zlibSizes(d).brotli });
  });

  it('applies maxIncrease to returning bytes of a baseline that has them; one without them gives no figure', async () => {
    const previous = await project({ 'a.js': code(3000, 1) });
    const dist = await project({ 'a.js': code(3000, 2) });
    const asset = { name: 'a.js', raw: 3000, gzip: 1000, brotli: 900 };
    const baseline = (returning?: object) => ({
      version: 1,
      assets: [{ ...asset, ...(returning && { returning }) }],
      entries: {},
      results: [],
    });
    const cwd = await project({
      'packwise.config.json': {
        budgets: [{ name: 'a returning', path: 'a.js', visitor: 'returning', maxIncrease: 0 }],
      },
      'with.json': baseline({ via: 'cache', raw: 0, gzip: 0, brotli: 0 }),
      'without.json': baseline(),
    });
    const check = (file: string) =>
      runCli(['check', '--dir', dist, '--previous', previous, '--baseline', file, '--format', 'json'], {
        cwd,
      });
    const grown = await check('with.json');
    const brotli = zlibSizes(code(3000, 2)).brotli;
    expect({ code: grown.code, result: parseReport(grown).results[0] }).toEqual({
      code: 1,
      result: expect.objectContaining({
        actual: brotli,
        baseline: 0,
        problems: [
          `a.js grew by ${formatBytes(brotli)} brotli for a returning visitor (0 B → ${formatBytes(brotli)}), more than the 0 B allowed`,
        ],
      }),
    });
    const unknown = await check('without.json');
    expect({ code: unknown.code, baseline: parseReport(unknown).results[0]?.baseline }).toEqual({
      code: 0,
      baseline: undefined,
    });
  });

  it('adds no returning sizes to the report without a previous version', async () => {
    const dist = await project({ 'a.js': code(2000) });
    const cwd = await project({ 'packwise.config.json': { budgets: [{ path: '*.js', limit: '1 MB' }] } });
    const report = parseReport(await runCli(['check', '--dir', dist, '--format', 'json'], { cwd }));
    expect(report.assets.map((asset) => Object.keys(asset))).toEqual([['name', 'raw', 'gzip', 'brotli']]);
  });
});

describe('returning visitors: without a usable previous version', () => {
  const RETURNING_JS: BudgetConfig = {
    name: 'js, returning',
    path: '*.js',
    visitor: 'returning',
    limit: '1 MB',
  };

  it('is a build error naming the missing previous folder', async () => {
    const build = await compile(
      appConfig([
        new BudgetsPlugin({ budgets: [RETURNING_JS], returningVisitor: { previous: 'no-such-deploy' } }),
      ]),
    );
    expect({ errors: build.errors }).toEqual({
      errors: [
        `PackwiseBudgetsPlugin: returningVisitor.previous "<context>/no-such-deploy": no such directory (the previous deploy's output folder)`,
      ],
    });
  });

  it('is a build error saying what to set, for a returning budget with no previous folder', async () => {
    const build = await compile(appConfig([new BudgetsPlugin({ budgets: [RETURNING_JS] })]));
    expect({ errors: build.errors }).toEqual({
      errors: [
        expect.stringMatching(
          /^PackwiseBudgetsPlugin: budget "js, returning" counts returning visitors: set returningVisitor\.previous to the previous deploy's output folder/,
        ),
      ],
    });
  });

  const config = { 'packwise.config.json': { budgets: [RETURNING_JS] }, 'dist/a.js': code(2000) };
  it.each<[string, string[], RegExp]>([
    [
      'a --previous that does not exist',
      ['--dir', 'dist', '--previous', 'gone'],
      /^packwise: --previous gone: no such directory \(the previous deploy's output folder\)$/m,
    ],
    [
      'a --previous that is a file',
      ['--dir', 'dist', '--previous', 'dist/a.js'],
      /--previous dist\/a\.js: not a directory/,
    ],
    [
      'a returning budget without --previous',
      ['--dir', 'dist'],
      /budget "js, returning" counts returning visitors: pass --previous DIR \(the previous deploy's output folder\)/,
    ],
    [
      '--previous with --report',
      ['--report', fixture('report.json'), '--previous', 'dist'],
      /--previous compares the build's files with the previous version: use it with --dir or --stats/,
    ],
    [
      'a returning budget on a report without returning sizes',
      ['--report', fixture('report.json')],
      /--report .*report\.json holds no returning-visitor sizes: write it with BudgetsPlugin returningVisitor\.previous/,
    ],
  ])('packwise check exits 2 with one line for %s', async (_label, argv, reason) => {
    const cwd = await project(config);
    expectUsageError(await runCli(['check', ...argv], { cwd }), reason);
  });
});
