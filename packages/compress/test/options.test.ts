import { loadZstd } from '@packwise/core';
import { CompressPlugin } from '@packwise/compress';
import type { CompressPluginOptions } from '@packwise/compress';

const create = (options: unknown) => () => new CompressPlugin(options as CompressPluginOptions);

describe('CompressPlugin options', () => {
  it.each<[string, unknown]>([
    ['no options', undefined],
    ['one algorithm', { algorithms: ['brotli'] }],
    ['both algorithms', { algorithms: ['gzip', 'brotli'] }],
    ['gzip level', { gzip: { level: 6 } }],
    ['zopfli with iterations', { gzip: { engine: 'zopfli', iterations: 5 } }],
    ['brotli quality and named params', { brotli: { quality: 5, params: { BROTLI_PARAM_LGWIN: 22 } } }],
    ['brotli numeric params', { brotli: { params: { '2': 20 } } }],
    [
      'test/include/exclude',
      { test: /\.js$/, include: ['main', /vendor/], exclude: (name: string) => name === 'x' },
    ],
    ['threshold in bytes', { threshold: 10240 }],
    ['threshold with a unit', { threshold: '10 KiB' }],
    ['minRatio', { minRatio: 0.5 }],
    ['minRatio Infinity (keep every encoding)', { minRatio: Number.POSITIVE_INFINITY }],
    ['minRatio 0 (keep no encoding), as compression-webpack-plugin accepts', { minRatio: 0 }],
    [
      'filename per algorithm',
      { filename: { gzip: '[path][name].gzip', brotli: (data: unknown) => String(data) } },
    ],
    ['one filename with one algorithm', { algorithms: ['gzip'], filename: '[file].gz' }],
    ['deleteOriginalAssets true', { deleteOriginalAssets: true }],
    ['deleteOriginalAssets keep-source-map', { deleteOriginalAssets: 'keep-source-map' }],
    ['deleteOriginalAssets function', { deleteOriginalAssets: (name: string) => name.endsWith('.js') }],
    ['skipExtensions empty', { skipExtensions: [] }],
    ['parallel', { parallel: 4 }],
    ['manifest', { manifest: 'compress-manifest.json' }],
    ['manifest off', { manifest: false }],
    ['zstd', { algorithms: ['zstd'] }],
    ['every built-in', { algorithms: ['gzip', 'brotli', 'zstd', 'deflate', 'deflateRaw'] }],
    ['zstd level and window', { algorithms: ['zstd'], zstd: { level: 12, windowLog: 20 } }],
    ["zlib's settings for gzip", { gzip: { level: 6, memLevel: 9, windowBits: 14, strategy: 1 } }],
    [
      'deflate settings',
      { algorithms: ['deflate', 'deflateRaw'], deflate: { level: 3 }, deflateRaw: { strategy: 3 } },
    ],
    [
      'a custom algorithm',
      { algorithms: [{ name: 'lz', algorithm: () => undefined, compressionOptions: { x: 1 } }] },
    ],
    [
      'a custom algorithm beside a built-in',
      { algorithms: ['brotli', { name: 'gzip', algorithm: () => undefined }] },
    ],
    [
      'one filename with [suffix] for several algorithms',
      { filename: 'precompressed/[path][base].[suffix]' },
    ],
    ['one filename function for several algorithms', { filename: () => 'x' }],
    [
      "compression-webpack-plugin's algorithm name",
      { algorithm: 'brotliCompress', filename: '[path][base].br' },
    ],
    [
      "compression-webpack-plugin's zlib options",
      { algorithm: 'gzip', compressionOptions: { level: 6, chunkSize: 1024 } },
    ],
    [
      "compression-webpack-plugin's brotli params",
      { algorithm: 'brotliCompress', compressionOptions: { params: { 1: 5 } } },
    ],
    [
      "compression-webpack-plugin's zstd params",
      { algorithm: 'zstdCompress', compressionOptions: { params: { 100: 9 } } },
    ],
    [
      'compressionOptions alone, for gzip as compression-webpack-plugin does',
      { compressionOptions: { level: 1 } },
    ],
    [
      "compression-webpack-plugin's algorithm function",
      { algorithm: () => undefined, compressionOptions: { level: 1 } },
    ],
    ['the disk cache on every bundler', { diskCache: true }],
    ['the disk cache off', { diskCache: false }],
    ['the disk cache on Rspack only', { diskCache: 'auto' }],
    ['a disk cache folder and bound', { diskCache: { directory: '.cache/compress', maxSize: '64 MiB' } }],
    ['a disk cache bound in bytes', { diskCache: { maxSize: 1_000_000 } }],
  ])('accepts %s', (_label, options) => {
    expect(create(options)).not.toThrow();
  });

  it.each<[string, unknown, string | RegExp]>([
    ['an unknown option', { algorithmz: ['gzip'] }, "options has an unknown property 'algorithmz'"],
    ['an unknown algorithm', { algorithms: ['lz4'] }, 'options.algorithms[0] should be one of these'],
    ['a custom algorithm without a function', { algorithms: [{ name: 'lz' }] }, 'options.algorithms[0]'],
    [
      'a custom algorithm with a bad name',
      { algorithms: [{ name: '.gz', algorithm: () => undefined }] },
      'options.algorithms[0]',
    ],
    [
      'two algorithms of one name',
      { algorithms: ['gzip', { name: 'gzip', algorithm: () => undefined }] },
      'two algorithms are named "gzip"',
    ],
    ['zstd level 23', { zstd: { level: 23 } }, 'options.zstd.level should be >= 1 and <= 22'],
    ['gzip windowBits 16', { gzip: { windowBits: 16 } }, 'options.gzip.windowBits should be >= 8 and <= 15'],
    ['a zlib strategy 5', { deflate: { strategy: 5 } }, 'options.deflate.strategy should be >= 0 and <= 4'],
    ['algorithm and algorithms', { algorithm: 'gzip', algorithms: ['gzip'] }, /exclude each other/],
    ['an algorithm zlib lacks', { algorithm: 'inflate' }, /"inflate" is not a zlib compression function/],
    [
      'compressionOptions with algorithms',
      { algorithms: ['gzip'], compressionOptions: { level: 1 } },
      /compressionOptions goes with options.algorithm/,
    ],
    [
      'compressionOptions zlib rejects',
      { algorithm: 'gzip', compressionOptions: { level: 11 } },
      /compression-webpack-plugin options read as ours[\s\S]*options.gzip.level should be >= 0 and <= 9/,
    ],
    [
      'a brotli compressionOption that is no param',
      { algorithm: 'brotliCompress', compressionOptions: { quality: 11 } },
      /compressionOptions.quality is not a brotli option/,
    ],
    [
      'a filename for an unconfigured algorithm',
      { filename: { zstd: '[file].zst' } },
      /filename.zstd names no configured algorithm/,
    ],
    ['no algorithm', { algorithms: [] }, 'options.algorithms should be a non-empty array'],
    ['a disk cache mode that is none', { diskCache: 'always' }, 'options.diskCache should be one of these'],
    [
      'an unknown disk cache option',
      { diskCache: { size: 1 } },
      "options.diskCache has an unknown property 'size'",
    ],
    [
      'an empty disk cache folder',
      { diskCache: { directory: '' } },
      'options.diskCache.directory should be a non-empty string',
    ],
    [
      'a disk cache bound of no size',
      { diskCache: { maxSize: 'lots' } },
      'options.diskCache.maxSize should match pattern',
    ],
    [
      'an algorithm twice',
      { algorithms: ['gzip', 'gzip'] },
      'options.algorithms should not contain the item',
    ],
    ['gzip level 10', { gzip: { level: 10 } }, 'options.gzip.level should be >= 0 and <= 9'],
    ['a fractional gzip level', { gzip: { level: 4.5 } }, 'options.gzip.level should be an integer'],
    ['an unknown engine', { gzip: { engine: 'pigz' } }, 'options.gzip.engine should be one of these'],
    ['zero iterations', { gzip: { iterations: 0 } }, 'options.gzip.iterations should be >= 1'],
    ['brotli quality 12', { brotli: { quality: 12 } }, 'options.brotli.quality should be >= 0 and <= 11'],
    ['an unknown brotli option', { brotli: { level: 5 } }, "options.brotli has an unknown property 'level'"],
    [
      'a brotli param that is no param',
      { brotli: { params: { lgwin: 22 } } },
      "options.brotli.params has an unknown property 'lgwin'",
    ],
    [
      'a brotli param name zlib lacks',
      { brotli: { params: { BROTLI_PARAM_SPEED: 1 } } },
      /brotli\.params\.BROTLI_PARAM_SPEED is not a zlib brotli parameter/,
    ],
    ['a negative threshold', { threshold: -1 }, 'options.threshold'],
    ['a threshold in parsecs', { threshold: '12 parsecs' }, 'options.threshold'],
    ['a negative minRatio', { minRatio: -0.1 }, 'options.minRatio should be >= 0'],
    ['a minRatio string', { minRatio: '0.8' }, 'options.minRatio should be a number'],
    ['a test that is a number', { test: 5 }, 'options.test'],
    ['an empty filename', { filename: '' }, 'options.filename'],
    [
      'one filename for two algorithms',
      { filename: '[file].gz' },
      /gzip and brotli would both write "\[file\].gz"/,
    ],
    ['deleteOriginalAssets "yes"', { deleteOriginalAssets: 'yes' }, 'options.deleteOriginalAssets'],
    ['a skipped extension with a dot', { skipExtensions: ['.png'] }, 'options.skipExtensions[0]'],
    ['parallel 0', { parallel: 0 }, 'options.parallel should be >= 1'],
    ['parallel true', { parallel: true }, 'options.parallel should be an integer'],
    ['manifest true', { manifest: true }, 'options.manifest'],
    ['an empty manifest name', { manifest: '' }, 'options.manifest'],
  ])('rejects %s with a message naming the option', (_label, options, message) => {
    expect(create(options)).toThrow(message);
  });

  // Node 20's binding takes the window from the level: 32 MiB and more above level 19.
  (loadZstd().setsWindow ? it.skip : it)('rejects zstd level 22 where the window cannot be capped', () => {
    expect(create({ algorithms: ['zstd'], zstd: { level: 22 } })).toThrow(/browsers decode at most 8 MiB/);
  });

  it('names the plugin in schema errors', () => {
    expect(create({ gzip: { level: 10 } })).toThrow(
      '@packwise/compress has been initialized using an options object that does not match the API schema',
    );
  });
});
