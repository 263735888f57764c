import { compile } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { compressedSize, formatBytes } from '@packwise/core';
import { CompressPlugin } from '@packwise/compress';
import { BudgetsPlugin } from '@packwise/budgets';
import type { BudgetConfig, PackwiseReport } from '@packwise/budgets';
import { appConfig, counts, FakeZstdPlugin, reportOf } from './fixtures/build';
import { zlibSizes } from './fixtures/harness';

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

  it("reads @packwise/compress's .zst sizes, not compressing again", async () => {
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
});
