// The compression set-ups the benchmark compares; the first, `cwp`, is the baseline of every ratio.
// `load()` returns a factory of the contender's plugin instances, or throws when the package is unusable;
// the factory's `tapNames` are the names its plugins tap hooks under, when not their constructor's name.
// `encodings` are what the contender must write (default gzip and brotli); `warm: false` skips the app's
// warm rebuilds (the one-algorithm contenders of the zstd table need cold builds only).
// Every contender compresses the same files: those today's config compresses (`test` below); all other
// options are each plugin's own defaults unless the contender's description says otherwise.
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);

/** The files `fixtures/example-app/webpack.today.cjs` compresses. */
export const test = /\.(js|css|html|svg)$/;
const brotli11 = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } };

const versionOf = (pkg) => {
  try {
    return require(`${pkg}/package.json`).version;
  } catch {
    return undefined;
  }
};

function loadPackwise() {
  try {
    return require('@packwise/compress');
  } catch (error) {
    throw new Error(
      `@packwise/compress could not be loaded (${error.code ?? error.message.split('\n')[0]}); ` +
        'run `npm run build` at the repository root once packages/compress/src exists',
      { cause: error },
    );
  }
}

/** `CompressPlugin({ test, algorithms: [algorithm] })`: one algorithm at its default level, timed alone. */
function oneAlgorithm(algorithm, level) {
  return {
    name: `packwise-${algorithm}`,
    package: '@packwise/compress',
    describe: `CompressPlugin({ test, algorithms: ['${algorithm}'] }) (${algorithm} ${level} alone)`,
    encodings: [algorithm],
    warm: false,
    load() {
      const { CompressPlugin, PLUGIN_NAME } = loadPackwise();
      // zstd on Node 20 needs the optional binding: say so here, rather than fail in every build.
      if (algorithm === 'zstd') require('@packwise/core').loadZstd();
      return Object.assign(() => [new CompressPlugin({ test, algorithms: [algorithm] })], {
        tapNames: [PLUGIN_NAME],
      });
    },
  };
}

export const contenders = [
  {
    name: 'cwp',
    package: 'compression-webpack-plugin',
    describe: 'two compression-webpack-plugin instances: gzip level 9 + brotli quality 11 (today)',
    load() {
      const CompressionPlugin = require('compression-webpack-plugin');
      return () => [
        new CompressionPlugin({ test }),
        new CompressionPlugin({
          filename: '[path][base].br',
          algorithm: 'brotliCompress',
          test,
          compressionOptions: brotli11,
        }),
      ];
    },
  },
  {
    name: 'packwise',
    package: '@packwise/compress',
    describe: 'one CompressPlugin({ test }) with default algorithms (gzip 9 + brotli 11)',
    load() {
      const { CompressPlugin, PLUGIN_NAME } = loadPackwise();
      return Object.assign(() => [new CompressPlugin({ test })], { tapNames: [PLUGIN_NAME] });
    },
  },
  {
    name: 'packwise-zopfli',
    package: '@packwise/compress',
    describe: "CompressPlugin({ test, gzip: { engine: 'zopfli' } }) (zopfli 15 iterations + brotli 11)",
    load() {
      const { CompressPlugin, PLUGIN_NAME } = loadPackwise();
      return Object.assign(() => [new CompressPlugin({ test, gzip: { engine: 'zopfli' } })], {
        tapNames: [PLUGIN_NAME],
      });
    },
  },
  {
    name: 'minimizer',
    package: 'minimizer-webpack-plugin',
    describe:
      'one MinimizerPlugin({ test, minify: [], generate: { gzip, brotli } }) with MinimizerPlugin.compress ' +
      'as "asset" generators (gzip level 9, brotli quality 11, minRatio 0.8)',
    load() {
      const MinimizerPlugin = require('minimizer-webpack-plugin');
      if (typeof MinimizerPlugin.compress !== 'function')
        throw new Error(
          `minimizer-webpack-plugin ${versionOf(this.package)} has no MinimizerPlugin.compress`,
        );
      const generator = (algorithm, compressionOptions, filename) => ({
        implementation: MinimizerPlugin.compress,
        options: { algorithm, compressionOptions },
        type: 'asset',
        filename,
        threshold: 0,
        minRatio: 0.8,
      });
      // `minify: []`: compress only; the example app keeps its own terser + cssnano minimizers.
      return () => [
        new MinimizerPlugin({
          test,
          minify: [],
          generate: {
            gzip: generator('gzip', { level: 9 }, '[path][base].gz'),
            brotli: generator('brotliCompress', brotli11, '[path][base].br'),
          },
        }),
      ];
    },
  },
  oneAlgorithm('zstd', 19),
  oneAlgorithm('brotli', 11),
  oneAlgorithm('gzip', 9),
];

/** The encodings a contender must write, and no other. */
export const encodingsOf = (contender) => contender.encodings ?? ['gzip', 'brotli'];

/** Loads a contender: `{ plugins }` (a factory) or `{ error }` (why it cannot run), plus its version. */
export function loadContender(contender) {
  const version = versionOf(contender.package);
  try {
    return { plugins: contender.load(), version };
  } catch (error) {
    return { error: error.message, version };
  }
}
