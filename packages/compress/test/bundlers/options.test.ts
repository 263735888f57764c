import zlib from 'node:zlib';
import type { Configuration } from 'webpack';
import { bundler, compile } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { CompressPlugin } from '@packwise/compress';
import type { CompressPluginOptions } from '@packwise/compress';
import { compressConfig, compressibleOriginals, expectRoundTrips } from '../helpers';

// The options that touch the bundler's API (getPath for filenames, deleteAsset with related source maps,
// updateAsset) behave alike on webpack 5 and both Rspacks.

async function build(options: CompressPluginOptions, overrides: Configuration = {}): Promise<BuildResult> {
  const result = await compile(
    compressConfig({
      ...overrides,
      plugins: [new CompressPlugin({ diskCache: false, minRatio: Number.POSITIVE_INFINITY, ...options })],
    }),
  );
  expect({ errors: result.errors, warnings: result.warnings }).toEqual({ errors: [], warnings: [] });
  return result;
}

const mainOf = (result: BuildResult) =>
  [...result.files.keys()].find((name) => /^main\.[0-9a-f]+\.js$/.test(name)) as string;
/** main's name when only its encodings are left. */
const mainOfGzip = (result: BuildResult) =>
  ([...result.files.keys()].find((name) => /^main\.[0-9a-f]+\.js\.gz$/.test(name)) ?? '').slice(0, -3);
const scripts = (result: BuildResult) => compressibleOriginals(result).filter((name) => name.endsWith('.js'));

describe(`options on ${bundler().name} ${bundler().version}`, () => {
  it('names encodings by a template with [name], [ext], [algorithm] and [suffix]', async () => {
    const result = await build({ filename: 'precompressed/[algorithm]/[name][ext].[suffix]', test: /\.js$/ });
    const main = mainOf(result);
    for (const [algorithm, suffix] of [
      ['gzip', 'gz'],
      ['brotli', 'br'],
    ]) {
      expect(result.files.has(`precompressed/${algorithm}/${main}.${suffix}`)).toBe(true);
    }
    expect(
      expectRoundTrips(result, (file) => file.replace(/^precompressed\/\w+\//, '').replace(/\.(gz|br)$/, '')),
    ).toBe(2 * scripts(result).length);
  });

  it('names encodings by a function of the path data, the asset info and the algorithm', async () => {
    const seen = new Set<string>();
    const result = await build({
      test: /\.js$/,
      filename: (pathData, _info, algorithm) => {
        seen.add(algorithm);
        return `${algorithm}/${pathData.filename ?? 'unknown'}.${algorithm === 'gzip' ? 'gz' : 'br'}`;
      },
    });
    expect([...seen].sort()).toEqual(['brotli', 'gzip']);
    const main = mainOf(result);
    expect([result.files.has(`gzip/${main}.gz`), result.files.has(`brotli/${main}.br`)]).toEqual([
      true,
      true,
    ]);
  });

  it("takes compression-webpack-plugin's form: a zlib function's name and its compressionOptions", async () => {
    const result = await build({
      algorithm: 'brotliCompress',
      compressionOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
      filename: '[path][base].br',
      test: /\.js$/,
    });
    const main = mainOf(result);
    const original = result.read(main);
    const expected = zlib.brotliCompressSync(original, {
      params: {
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: original.length,
        [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
      },
    });
    expect(result.read(`${main}.br`).equals(expected)).toBe(true);
    expect(result.files.has(`${main}.gz`)).toBe(false);
  });

  it.each<[string, CompressPluginOptions['deleteOriginalAssets'], boolean]>([
    ['true deletes the original and its source map', true, false],
    ["'keep-source-map' deletes the original only", 'keep-source-map', true],
  ])('deleteOriginalAssets: %s', async (_label, deleteOriginalAssets, mapKept) => {
    const result = await build({ test: /\.js$/, deleteOriginalAssets }, { devtool: 'source-map' });
    const main = mainOfGzip(result);
    expect(['', '.gz', '.br', '.map'].map((suffix) => result.files.has(`${main}${suffix}`))).toEqual([
      false,
      true,
      true,
      mapKept,
    ]);
  });

  it('deleteOriginalAssets as a function decides per asset', async () => {
    const result = await build({ deleteOriginalAssets: (name) => name.endsWith('.svg') });
    expect([
      result.files.has('logo.svg'),
      result.files.has('logo.svg.gz'),
      result.files.has(mainOf(result)),
    ]).toEqual([false, true, true]);
  });

  it('writes gzip with the zopfli engine (worker threads), no larger than zlib level 9 in all', async () => {
    const result = await build({
      algorithms: ['gzip'],
      gzip: { engine: 'zopfli', iterations: 5 },
      test: /\.js$/,
    });
    let zopfli = 0;
    let zlib9 = 0;
    for (const name of scripts(result)) {
      const original = result.read(name);
      const gz = result.read(`${name}.gz`);
      expect({ name, decoded: zlib.gunzipSync(gz).equals(original) }).toEqual({ name, decoded: true });
      zopfli += gz.length;
      zlib9 += zlib.gzipSync(original, { level: 9 }).length;
    }
    // A tiny chunk may come out a byte larger; the whole is smaller.
    expect({ zopfli, smaller: zopfli <= zlib9 }).toEqual({ zopfli, smaller: true });
  });
});
