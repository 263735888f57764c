import zlib from 'node:zlib';
import type { Configuration } from 'webpack';
import { CompressPlugin } from '@packwise/compress';
import type { CompressPluginOptions } from '@packwise/compress';
import { compile, compileMulti, fixturePath, makeTempDir } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import {
  compressConfig,
  compressCounts,
  compressibleOriginals,
  encodedFiles,
  encodings,
  expectEncodings,
} from './helpers';

/** Keep every encoding, so which ones exist does not depend on how well each file compresses. */
const KEEP_ALL = { minRatio: Number.POSITIVE_INFINITY };

/** fixtures/compress (main, report chunk, SVG, PNG, font) or fixtures/basic (main, details chunk). */
function fixtureConfig(fixture: 'compress' | 'basic', plugin: CompressPlugin): Configuration {
  return compressConfig({ name: fixture, context: fixturePath(fixture), plugins: [plugin] });
}

describe('CompressPlugin in a MultiCompiler', () => {
  it('gives each compiler its own plugin instance its own encodings', async () => {
    const [app, basic] = (await compileMulti([
      fixtureConfig('compress', new CompressPlugin({ ...KEEP_ALL, algorithms: ['gzip'] })),
      fixtureConfig('basic', new CompressPlugin({ ...KEEP_ALL, algorithms: ['brotli'] })),
    ])) as [BuildResult, BuildResult];

    expect(app.files.has('logo.svg')).toBe(true);
    expectEncodings(app, ['.gz']);
    expect(compressCounts(app)).toEqual({ assets: 3, computed: 3, cached: 0 });
    expect([...basic.files.keys()].some((name) => name.startsWith('details.'))).toBe(true);
    expectEncodings(basic, ['.br']);
    expect(compressCounts(basic)).toEqual({ assets: 2, computed: 2, cached: 0 });
  });

  it('gives each compiler its own encodings when both share one plugin instance', async () => {
    const shared = new CompressPlugin(KEEP_ALL);
    const [app, basic] = (await compileMulti([
      fixtureConfig('compress', shared),
      fixtureConfig('basic', shared),
    ])) as [BuildResult, BuildResult];

    expectEncodings(app, ['.br', '.gz']);
    expect(compressCounts(app)).toEqual({ assets: 3, computed: 6, cached: 0 });
    expectEncodings(basic, ['.br', '.gz']);
    expect(compressCounts(basic)).toEqual({ assets: 2, computed: 4, cached: 0 });
    // Each output holds its own fixture's files only.
    expect([...basic.files.keys()].filter((name) => name.startsWith('logo.svg'))).toEqual([]);
    expect([...app.files.keys()].filter((name) => name.startsWith('details.'))).toEqual([]);
  });
});

describe('CompressPlugin in two builds at once', () => {
  it('writes valid zopfli gzip in one build while another uses zlib', async () => {
    const cacheDirs = await Promise.all([makeTempDir('packwise-cache-'), makeTempDir('packwise-cache-')]);
    const config = (cacheDirectory: string, options: CompressPluginOptions) =>
      compressConfig({
        cache: { type: 'filesystem', cacheDirectory, buildDependencies: {} },
        plugins: [new CompressPlugin({ ...KEEP_ALL, ...options })],
      });
    const [zopfli, zlibBuild] = await Promise.all([
      compile(config(cacheDirs[0] as string, { gzip: { engine: 'zopfli' } })),
      compile(config(cacheDirs[1] as string, {})),
    ]);

    expectEncodings(zopfli, ['.br', '.gz']);
    expectEncodings(zlibBuild, ['.br', '.gz']);
    // Same originals and brotli; gzip from the other engine: different bytes, no larger.
    const originals = compressibleOriginals(zlibBuild);
    expect(compressibleOriginals(zopfli)).toEqual(originals);
    for (const name of originals) {
      expect(zopfli.read(name).equals(zlibBuild.read(name))).toBe(true);
      expect(zopfli.read(`${name}.br`).equals(zlibBuild.read(`${name}.br`))).toBe(true);
      const [byZopfli, byZlib] = [zopfli.read(`${name}.gz`), zlibBuild.read(`${name}.gz`)];
      expect({ name, same: byZopfli.equals(byZlib) }).toEqual({ name, same: false });
      expect(byZopfli.length).toBeLessThanOrEqual(byZlib.length);
    }
  });
});

describe('CompressPlugin with a filesystem cache shared by builds with different settings', () => {
  it('serves each settings its own encodings', async () => {
    const cacheDirectory = await makeTempDir('packwise-cache-');
    const build = async (options: CompressPluginOptions) => {
      const result = await compile(
        compressConfig({
          cache: { type: 'filesystem', cacheDirectory, buildDependencies: {}, name: 'shared', version: '1' },
          plugins: [new CompressPlugin({ ...KEEP_ALL, ...options })],
        }),
      );
      expectEncodings(result, ['.br', '.gz']);
      return result;
    };

    const defaults = await build({});
    expect(compressCounts(defaults)).toEqual({ assets: 3, computed: 6, cached: 0 });

    const fast = await build({ gzip: { level: 1 }, brotli: { quality: 4 } });
    expect(compressCounts(fast)).toEqual({ assets: 3, computed: 6, cached: 0 });
    for (const name of encodedFiles(fast).filter((file) => file.endsWith('.gz'))) {
      const original = fast.read(name.replace(/\.gz$/, ''));
      expect({ name, level1: fast.read(name).equals(zlib.gzipSync(original, { level: 1 })) }).toEqual({
        name,
        level1: true,
      });
    }
    const main = encodedFiles(fast).find((file) => /^main\..*\.br$/.test(file)) as string;
    expect(fast.read(main).equals(defaults.read(main))).toBe(false);

    // The first settings' entries are still there, untouched by the second build's.
    const again = await build({});
    expect(compressCounts(again)).toEqual({ assets: 3, computed: 0, cached: 6 });
    expect(encodings(again)).toEqual(encodings(defaults));
  });
});
