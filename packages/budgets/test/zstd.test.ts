import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compile } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { compressedSize, formatBytes } from '@packwise/core';
import { CompressPlugin } from '@packwise/compress';
import { BudgetsPlugin } from '@packwise/budgets';
import type { AssetSize, BudgetConfig, PackwiseReport } from '@packwise/budgets';
import { appConfig, counts, FakeZstdPlugin, reportOf } from './fixtures/build';
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

afterAll(removeProjects);

const ZSTD_JS: BudgetConfig = { path: '*.js', limit: '1 MB', compression: 'zstd' };
/** What FakeZstdPlugin writes: more bytes than the file itself, which zstd -19 never gives for code. */
const FAKE = (content: Buffer) => content.length + 1000;

const build = (budgets: BudgetConfig[], fake = false) =>
  compile(appConfig([...(fake ? [new FakeZstdPlugin(FAKE)] : []), new BudgetsPlugin({ budgets })]));

const jsOf = (result: BuildResult) => [...result.files.keys()].filter((name) => name.endsWith('.js')).sort();
const zstdOf = (report: PackwiseReport) => report.assets.map(({ name, zstd }) => ({ name, zstd }));

describe('zstd budgets in the plugin', () => {
  let fake: BuildResult;
  beforeAll(async () => {
    fake = await build([ZSTD_JS, { entry: 'main', limit: '1 MB', compression: 'zstd' }], true);
  });

  it('reads the size of the .zst a compression plugin emitted (related.zstd), not compressing again', async () => {
    expect(fake.errors).toEqual([]);
    const js = jsOf(fake);
    expect(js).toHaveLength(2);
    const emitted = js.map((name) => ({ name, zstd: fake.read(`${name}.zst`).length }));
    expect(emitted).toEqual(js.map((name) => ({ name, zstd: FAKE(fake.read(name)) })));
    const report = reportOf(fake);
    expect(zstdOf(report)).toEqual(emitted);
    expect(
      report.results.map(({ target, compression, actual }) => ({ target, compression, actual })),
    ).toEqual([
      ...emitted.map(({ name, zstd }) => ({ target: name, compression: 'zstd', actual: zstd })),
      { target: 'entry main', compression: 'zstd', actual: emitted.reduce((sum, { zstd }) => sum + zstd, 0) },
    ]);
    // gzip and brotli computed, zstd read, for each file.
    expect(counts(fake)).toEqual({ computed: 2 * js.length, reused: js.length });
    const real = await Promise.all(js.map(async (name) => compressedSize(fake.read(name), 'zstd')));
    expect(real.every((size, i) => size !== emitted[i]?.zstd)).toBe(true);
  });

  it('compresses the emitted asset with zstd -19 when no .zst was emitted', async () => {
    const plain = await build([ZSTD_JS]);
    expect(plain.errors).toEqual([]);
    const js = jsOf(plain);
    const expected = await Promise.all(
      js.map(async (name) => ({ name, zstd: await compressedSize(plain.read(name), 'zstd') })),
    );
    expect(zstdOf(reportOf(plain))).toEqual(expected);
    expect(reportOf(plain).assets).toEqual(
      js.map((name, i) => ({ name, ...zlibSizes(plain.read(name)), zstd: expected[i]?.zstd })),
    );
    expect(counts(plain)).toEqual({ computed: 3 * js.length, reused: 0 });
  });

  it('measures no zstd without a zstd budget, even with a .zst emitted', async () => {
    const brotli = await build([{ path: '*.js', limit: '1 MB' }], true);
    const js = jsOf(brotli);
    expect(brotli.files.has(`${js[0]}.zst`)).toBe(true);
    expect(reportOf(brotli).assets.map((asset) => Object.keys(asset))).toEqual(
      js.map(() => ['name', 'raw', 'gzip', 'brotli']),
    );
    expect(counts(brotli)).toEqual({ computed: 2 * js.length, reused: 0 });
  });

  it("reads @packwise/compress's .zst sizes, in the plugin and in packwise check --dir", async () => {
    const compress = new CompressPlugin({
      algorithms: ['gzip', 'brotli', 'zstd'],
      threshold: 0,
      minRatio: Number.POSITIVE_INFINITY,
    });
    const compressed = await compile(appConfig([compress, new BudgetsPlugin({ budgets: [ZSTD_JS] })]));
    expect(compressed.errors).toEqual([]);
    const js = jsOf(compressed);
    expect(js).toHaveLength(2);
    const emitted = js.map((name) => ({ name, zstd: compressed.read(`${name}.zst`).length }));
    const report = reportOf(compressed);
    expect(zstdOf(report)).toEqual(emitted);
    expect(report.results.map(({ target, actual }) => ({ target, actual }))).toEqual(
      emitted.map(({ name, zstd }) => ({ target: name, actual: zstd })),
    );
    expect(counts(compressed)).toEqual({ computed: 0, reused: 3 * js.length });
    const cwd = await project({ 'packwise.config.json': { budgets: [ZSTD_JS] } });
    const fromDir = parseReport(
      await runCli(['check', '--dir', compressed.outputDir, '--format', 'json'], { cwd }),
    );
    expect(zstdOf(fromDir).filter(({ name }) => name.endsWith('.js'))).toEqual(emitted);
  });

  it('fails the build over a zstd limit, the message in zstd bytes', async () => {
    const over = await build(
      [{ name: 'main zstd', path: 'main.*.js', limit: 10, compression: 'zstd' }],
      true,
    );
    // Errors keep webpack from writing the files: the names and the .zst's size come from the compilation.
    const assets = over.stats.compilation.getAssets();
    const main = assets.find(({ name }) => /^main\..*\.js$/.test(name))?.name as string;
    const size = over.stats.compilation.getAsset(`${main}.zst`)?.source.size() as number;
    expect(size).toBeGreaterThan(1000);
    expect(over.errors).toEqual([
      expect.stringContaining(
        `PackwiseBudgetsPlugin: budget "main zstd": ${main} is ${formatBytes(size)} zstd, over the limit of 10 B by ${formatBytes(size - 10)}`,
      ),
    ]);
  });

  it('gives packwise check the same zstd sizes from the report and from the stats, without the .zst files', async () => {
    const js = jsOf(fake);
    // The JS files alone: a zstd size that shows up was read from the stats' related assets.
    const dist = await project(Object.fromEntries(js.map((name) => [`dist/${name}`, fake.read(name)])));
    const cwd = await project({ 'packwise.config.json': { budgets: [ZSTD_JS] } });
    await writeFile(path.join(cwd, 'stats.json'), JSON.stringify(fake.stats.toJson()));
    const expected = js.map((name) => ({ name, zstd: FAKE(fake.read(name)) }));
    for (const input of [
      ['--report', path.join(fake.outputDir, 'packwise-report.json')],
      ['--stats', 'stats.json', '--dir', path.join(dist, 'dist')],
    ]) {
      const result = await runCli(['check', ...input, '--format', 'json'], { cwd });
      expect({ input: input[0], code: result.code, stderr: result.stderr }).toEqual({
        input: input[0],
        code: 0,
        stderr: '',
      });
      expect({ input: input[0], sizes: zstdOf(parseReport(result)) }).toEqual({
        input: input[0],
        sizes: expected,
      });
    }
  });
});

describe('packwise check: zstd budgets', () => {
  const APP = code(6000, 1);
  const CHUNK = code(2000, 3);
  const ALL_ZSTD = { budgets: [{ path: '**/*.js', limit: '1 MB', compression: 'zstd' }] };
  const json = async (cwd: string, ...input: string[]) =>
    parseReport(await runCli(['check', ...input, '--format', 'json'], { cwd }));
  const byName = (assets: AssetSize[]) => Object.fromEntries(assets.map(({ name, zstd }) => [name, zstd]));

  it('--dir reads .zst siblings, and compresses the files without one', async () => {
    const cwd = await project({
      'packwise.config.json': ALL_ZSTD,
      'dist/app.js': APP,
      'dist/app.js.zst': Buffer.alloc(77),
      'dist/js/chunk.js': CHUNK,
    });
    const sizes = byName((await json(cwd, '--dir', 'dist')).assets);
    expect(sizes).toEqual({ 'app.js': 77, 'js/chunk.js': await compressedSize(CHUNK, 'zstd') });
  });

  it("--dir takes zstd sizes from compress-manifest.json's encodings.zstd", async () => {
    const manifest = {
      assets: { 'app.js': { size: 6000, encodings: { zstd: { file: 'app.js.zst', size: 42 } } } },
    };
    const cwd = await project({
      'packwise.config.json': ALL_ZSTD,
      'dist/app.js': APP,
      'dist/compress-manifest.json': manifest,
    });
    expect((await json(cwd, '--dir', 'dist')).assets).toEqual([
      { name: 'app.js', ...zlibSizes(APP), zstd: 42 },
    ]);
  });

  it('--stats needs no files when the stats carry .gz, .br and .zst related assets', async () => {
    const related = [
      { type: 'gzip', name: 'app.js.gz', size: 300 },
      { type: 'brotli', name: 'app.js.br', size: 200 },
      { type: 'zstd', name: 'app.js.zst', size: 250 },
    ];
    const stats = { assets: [{ name: 'app.js', size: 1000, related }], entrypoints: {}, chunks: [] };
    const cwd = await project({ 'packwise.config.json': ALL_ZSTD, 'stats.json': stats });
    const report = await json(cwd, '--stats', 'stats.json');
    expect(report.assets).toEqual([{ name: 'app.js', raw: 1000, gzip: 300, brotli: 200, zstd: 250 }]);
    const without = { ...stats, assets: [{ name: 'app.js', size: 1000, related: related.slice(0, 2) }] };
    await writeFile(path.join(cwd, 'stats.json'), JSON.stringify(without));
    expectUsageError(
      await runCli(['check', '--stats', 'stats.json'], { cwd }),
      /--stats stats\.json: the stats hold no gzip, brotli and zstd sizes and no outputPath/,
    );
  });

  it('exits 1 for a zstd budget over its limit, the text naming zstd', async () => {
    const cwd = await project({
      'packwise.config.json': { budgets: [{ name: 'app', path: 'app.js', limit: 10, compression: 'zstd' }] },
      'dist/app.js': APP,
      'dist/app.js.zst': Buffer.alloc(77),
    });
    const result = await runCli(['check', '--dir', 'dist'], { cwd });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 1, stderr: '' });
    expect(result.stdout).toMatch(/^ {2}app +app\.js +77 B zstd +10 B +✖ FAIL$/m);
    expect(result.stdout).toContain('app.js is 77 B zstd, over the limit of 10 B by 67 B');
  });

  it('takes the zstd sizes a report holds, and refuses a zstd budget on a report without them', async () => {
    const report = { version: 1, assets: [{ name: 'app.js', raw: 900, gzip: 400, brotli: 300, zstd: 350 }] };
    const cwd = await project({ 'packwise.config.json': ALL_ZSTD, 'report.json': report });
    expect((await json(cwd, '--report', 'report.json')).results).toMatchObject([
      { target: 'app.js', compression: 'zstd', actual: 350, status: 'pass' },
    ]);
    expectUsageError(
      await runCli(['check', '--report', fixture('report.json')], { cwd }),
      /budget "\*\*\/\*\.js" counts zstd, but the build's sizes hold none for main\.3fa76445bb2847ba8c57\.js: a packwise report has zstd sizes only from a build with a zstd budget/,
    );
    const bad = { version: 1, assets: [{ name: 'app.js', raw: 900, gzip: 400, brotli: 300, zstd: '350' }] };
    await writeFile(path.join(cwd, 'report.json'), JSON.stringify(bad));
    expectUsageError(
      await runCli(['check', '--report', 'report.json'], { cwd }),
      /assets\[0\] needs a name and raw, gzip and brotli sizes \(and zstd, if any, a size\)/,
    );
  });

  it('applies maxIncrease to zstd bytes, and not against a baseline without zstd sizes', async () => {
    const asset = { name: 'app.js', raw: 900, gzip: 400, brotli: 300 };
    const cwd = await project({
      'packwise.config.json': { budgets: [{ path: 'app.js', maxIncrease: '10 B', compression: 'zstd' }] },
      'report.json': { version: 1, assets: [{ ...asset, zstd: 350 }] },
      'zstd-base.json': { version: 1, assets: [{ ...asset, zstd: 300 }] },
      'old-base.json': { version: 1, assets: [asset] },
    });
    const against = (base: string) => json(cwd, '--report', 'report.json', '--baseline', base);
    const grown = await against('zstd-base.json');
    expect(grown.results).toMatchObject([{ actual: 350, baseline: 300, status: 'fail' }]);
    expect(grown.results[0]?.problems).toEqual([expect.stringContaining('app.js grew by 50 B zstd')]);
    expect(grown.deltas?.[0]?.delta).toEqual({ raw: 0, gzip: 0, brotli: 0, zstd: 50 });
    const old = await against('old-base.json');
    expect(old.results).toEqual([expect.objectContaining({ actual: 350, status: 'pass' })]);
    expect(old.results[0]?.baseline).toBeUndefined();
    expect(old.deltas?.[0]?.delta).toEqual({ raw: 0, gzip: 0, brotli: 0 });
  });
});
