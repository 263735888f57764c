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
  ])('accepts %s', (_label, options) => {
    expect(create(options)).not.toThrow();
  });

  it.each<[string, unknown, string | RegExp]>([
    ['an unknown option', { algorithm: 'gzip' }, "options has an unknown property 'algorithm'"],
    ['an unknown algorithm', { algorithms: ['zstd'] }, 'options.algorithms[0] should be one of these'],
    ['no algorithm', { algorithms: [] }, 'options.algorithms should be a non-empty array'],
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
    ['a filename for an unknown algorithm', { filename: { zstd: '[file].zst' } }, 'options.filename'],
    [
      'one filename for two algorithms',
      { filename: '[file].gz' },
      /filename is a single name but 2 algorithms/,
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

  it('names the plugin in schema errors', () => {
    expect(create({ gzip: { level: 10 } })).toThrow(
      '@packwise/compress has been initialized using an options object that does not match the API schema',
    );
  });
});
