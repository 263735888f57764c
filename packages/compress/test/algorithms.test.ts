import { execFileSync } from 'node:child_process';
import zlib from 'node:zlib';
import type { Configuration, StatsAsset } from 'webpack';
import { loadZstd } from '@packwise/core';
import { compile } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { CompressPlugin } from '@packwise/compress';
import type { AlgorithmCallback, CompressPluginOptions, Manifest } from '@packwise/compress';
import { compressConfig } from './helpers';

const build = (options?: CompressPluginOptions, overrides: Configuration = {}) =>
  compile(
    compressConfig({ ...overrides, plugins: [new CompressPlugin(options), ...(overrides.plugins ?? [])] }),
  );

const everything = { threshold: 0, minRatio: Number.POSITIVE_INFINITY, test: /\.(js|svg)$/ };
const names = (result: BuildResult) => [...result.files.keys()];
const scripts = (result: BuildResult) => names(result).filter((name) => name.endsWith('.js'));
const assetsOf = (result: BuildResult): StatsAsset[] =>
  result.stats.toJson({ all: false, assets: true, cachedAssets: true }).assets ?? [];

function zstdCli(): boolean {
  try {
    execFileSync('zstd', ['--version']);
    return true;
  } catch {
    if (process.env.CI) throw new Error('the zstd command-line tool is missing: apt-get install -y zstd');
    return false;
  }
}

describe('zstd', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await build({
      ...everything,
      algorithms: ['gzip', 'brotli', 'zstd'],
      manifest: 'compress-manifest.json',
    });
  });

  it('writes a .zst beside each .gz and .br that decodes to the original, with the binding and the zstd tool', async () => {
    expect(result.errors).toEqual([]);
    const originals = [...scripts(result), 'logo.svg'];
    expect(originals.length).toBeGreaterThanOrEqual(3);
    const cli = zstdCli();
    for (const name of originals) {
      const frame = result.read(`${name}.zst`);
      const decoded = await loadZstd().decompress(frame);
      expect({ name, equal: decoded.equals(result.read(name)) }).toEqual({ name, equal: true });
      if (cli) {
        const fromCli = execFileSync('zstd', ['-d', '-c', '-q'], { input: frame });
        expect({ name, cli: fromCli.equals(result.read(name)) }).toEqual({ name, cli: true });
      }
    }
  });

  it('compresses at level 19, smaller than gzip 9', async () => {
    const main = scripts(result).find((name) => name.startsWith('main.')) as string;
    const level19 = await loadZstd().compress(result.read(main), { level: 19 });
    expect(result.read(`${main}.zst`).length).toBe(level19.length);
    expect(level19.length).toBeLessThan(result.read(`${main}.gz`).length);
  });

  it('names the encoding in related info, the manifest and stats', () => {
    const main = scripts(result).find((name) => name.startsWith('main.')) as string;
    const assets = assetsOf(result);
    expect(assets.find((asset) => asset.name === main)?.info.related?.zstd).toBe(`${main}.zst`);
    const encoding = result.stats.compilation.getAsset(`${main}.zst`);
    expect(encoding?.info).toEqual(expect.objectContaining({ compressed: true, immutable: true }));
    const manifest = JSON.parse(result.text('compress-manifest.json')) as Manifest;
    expect(manifest.assets[main]?.encodings.zstd).toEqual({
      file: `${main}.zst`,
      size: result.read(`${main}.zst`).length,
    });
    const text = result.stats.toString({ colors: false, assets: true, relatedAssets: true });
    expect(text).toMatch(new RegExp(`${main.replace(/[.]/g, '\\.')}\\.zst .*\\[compressed\\]`));
  });

  it('takes a level and writes a window browsers decode', async () => {
    const fast = await build({ ...everything, algorithms: ['zstd'], zstd: { level: 1 } });
    const main = scripts(fast).find((name) => name.startsWith('main.')) as string;
    const level1 = await loadZstd().compress(fast.read(main), { level: 1 });
    expect(fast.read(`${main}.zst`).equals(level1)).toBe(true);
    expect(fast.read(`${main}.zst`).length).toBeGreaterThan(result.read(`${main}.zst`).length);
  });
});

// On Node 20 zstd comes from the binding, which takes the window from the level.
(loadZstd().setsWindow ? describe.skip : describe)('zstd where the window cannot be set', () => {
  it('ignores windowLog with one build warning, and still writes the encodings', async () => {
    const result = await build({ ...everything, algorithms: ['zstd'], zstd: { windowLog: 20 } });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^PackwiseCompressPlugin: zstd\.windowLog 20 is ignored: on Node\.js .* @toondepauw\/node-zstd/,
      ),
    ]);
    expect(names(result).filter((name) => name.endsWith('.zst')).length).toBeGreaterThanOrEqual(3);
  });
});

describe('deflate and deflateRaw', () => {
  it('write .deflate (zlib) and .deflate-raw files that inflate to the original', async () => {
    const result = await build({ ...everything, algorithms: ['deflate', 'deflateRaw'] });
    expect(result.errors).toEqual([]);
    for (const name of [...scripts(result), 'logo.svg']) {
      const original = result.read(name);
      expect({ name, deflate: zlib.inflateSync(result.read(`${name}.deflate`)).equals(original) }).toEqual({
        name,
        deflate: true,
      });
      const raw = zlib.inflateRawSync(result.read(`${name}.deflate-raw`));
      expect({ name, deflateRaw: raw.equals(original) }).toEqual({ name, deflateRaw: true });
      expect(result.read(`${name}.deflate`).equals(zlib.deflateSync(original, { level: 9 }))).toBe(true);
    }
  });
});

describe("zlib's settings", () => {
  it('gzip takes memLevel, windowBits and strategy as zlib does', async () => {
    const settings = { level: 6, memLevel: 2, windowBits: 10, strategy: zlib.constants.Z_FILTERED };
    const result = await build({ ...everything, algorithms: ['gzip'], gzip: settings });
    const main = scripts(result).find((name) => name.startsWith('main.')) as string;
    const original = result.read(main);
    expect(result.read(`${main}.gz`).equals(zlib.gzipSync(original, settings))).toBe(true);
    // The settings are not the defaults' bytes: a plugin that dropped them would fail here.
    expect(zlib.gzipSync(original, settings).equals(zlib.gzipSync(original, { level: 9 }))).toBe(false);
  });
});

describe('a custom algorithm', () => {
  const reversed = (input: Buffer) => Buffer.from(input).reverse();

  it('runs (input, compressionOptions, callback) and writes its output under its name', async () => {
    const calls: unknown[] = [];
    const algorithm = (input: Buffer, options: Record<string, unknown>, callback: AlgorithmCallback) => {
      calls.push(options);
      setImmediate(() => callback(null, reversed(input)));
    };
    const result = await build({
      ...everything,
      algorithms: ['brotli', { name: 'reverse', algorithm, compressionOptions: { mode: 'back' } }],
    });
    expect(result.errors).toEqual([]);
    const main = scripts(result).find((name) => name.startsWith('main.')) as string;
    expect(result.read(`${main}.reverse`).equals(reversed(result.read(main)))).toBe(true);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.every((options) => JSON.stringify(options) === '{"mode":"back"}')).toBe(true);
    expect(assetsOf(result).find((asset) => asset.name === main)?.info.related).toEqual(
      expect.objectContaining({ brotli: `${main}.br`, reverse: `${main}.reverse` }),
    );
  });

  it('may return a promise, and its failures are webpack errors naming the asset', async () => {
    const result = await build(
      {
        ...everything,
        test: /\.js$/,
        algorithms: [
          { name: 'gzip', algorithm: async (input) => zlib.gzipSync(input, { level: 1 }) },
          {
            name: 'broken',
            algorithm: (_input, _options, callback) => callback(new Error('no space left')),
          },
        ],
      },
      { optimization: { emitOnErrors: true } },
    );
    const main = scripts(result).find((name) => name.startsWith('main.')) as string;
    expect(zlib.gunzipSync(result.read(`${main}.gz`)).equals(result.read(main))).toBe(true);
    expect(result.errors).toContain(
      `PackwiseCompressPlugin: cannot compress "${main}" with broken: no space left`,
    );
    expect(names(result).some((name) => name.endsWith('.broken'))).toBe(false);
  });
});

describe('one filename for several algorithms', () => {
  it('a function gets the algorithm', async () => {
    const seen = new Set<string>();
    const result = await build({
      ...everything,
      algorithms: ['gzip', 'brotli', 'zstd'],
      filename: (_pathData, _info, algorithm) => {
        seen.add(algorithm);
        return `precompressed/${algorithm}/[base]`;
      },
    });
    expect(result.errors).toEqual([]);
    expect([...seen].sort()).toEqual(['brotli', 'gzip', 'zstd']);
    const main = scripts(result).find((name) => name.startsWith('main.')) as string;
    expect(zlib.gunzipSync(result.read(`precompressed/gzip/${main}`)).equals(result.read(main))).toBe(true);
    expect(
      zlib.brotliDecompressSync(result.read(`precompressed/brotli/${main}`)).equals(result.read(main)),
    ).toBe(true);
    expect(result.files.has(`precompressed/zstd/${main}`)).toBe(true);
  });

  it("a template with [suffix] gives each algorithm's extension", async () => {
    const result = await build({
      ...everything,
      algorithms: ['gzip', 'zstd'],
      filename: '[path][base].[suffix]',
    });
    const main = scripts(result).find((name) => name.startsWith('main.')) as string;
    expect([`${main}.gz`, `${main}.zst`].filter((name) => result.files.has(name))).toHaveLength(2);
  });

  it('a function that names two encodings alike is a webpack error, and the first is kept', async () => {
    const result = await build(
      {
        ...everything,
        test: /^main\..*\.js$/,
        algorithms: ['gzip', 'brotli'],
        filename: () => '[path][base].z',
      },
      { optimization: { emitOnErrors: true } },
    );
    const main = scripts(result).find((name) => name.startsWith('main.')) as string;
    expect(result.errors).toEqual([
      `PackwiseCompressPlugin: the brotli encoding of "${main}" would be written as "${main}.z", the name of ` +
        'its gzip encoding: give each algorithm its own filename',
    ]);
    expect(zlib.gunzipSync(result.read(`${main}.z`)).equals(result.read(main))).toBe(true);
  });
});
