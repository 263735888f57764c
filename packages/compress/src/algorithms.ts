import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { digestOf, loadZstd, ZSTD_BROWSER_WINDOW_LOG, ZSTD_LEVEL, zstdWindowSize } from '@packwise/core';
import type { ZstdEngine } from '@packwise/core';
import { callCompressor } from './custom-algorithm';
import type { BuiltinAlgorithm, FilenameTemplate, ResolvedAlgorithm, ResolvedOptions } from './options';
import { ZopfliPool } from './zopfli-pool';

type ZlibCompress = (input: Buffer, options: zlib.ZlibOptions) => Promise<Buffer>;
const zlibCompressors: Record<'gzip' | 'deflate' | 'deflateRaw', ZlibCompress> = {
  gzip: promisify(zlib.gzip),
  deflate: promisify(zlib.deflate),
  deflateRaw: promisify(zlib.deflateRaw),
};
const brotliCompress = promisify(zlib.brotliCompress);

export interface Algorithm {
  name: string;
  /** What `[suffix]` stands for in `filename`. */
  suffix: string;
  filename: FilenameTemplate;
  /** Identifies the settings in cache keys and the manifest: a change of settings recompresses. */
  settings: Record<string, unknown>;
  compress(input: Buffer): Promise<Buffer>;
}

type Compressor = Pick<Algorithm, 'settings' | 'compress'>;

/** zstd from node:zlib or the binding; a missing engine is an options error, reported when the plugin is made. */
function requireZstd(): ZstdEngine {
  try {
    return loadZstd();
  } catch (error) {
    throw new Error(`@packwise/compress: algorithms: ['zstd'] ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Checks, when the plugin is made, the zstd settings against this Node's engine: throws for what browsers could
 * not decode, and returns the build warnings for settings it cannot honour.
 */
export function checkZstdOptions({ level, windowLog }: ResolvedOptions['zstd']): string[] {
  const engine = requireZstd();
  if (level > ZSTD_LEVEL && !engine.setsWindow) {
    throw new Error(
      `@packwise/compress: zstd.level ${level} writes frames with a window of 32 MiB or more through ${engine.name} ` +
        '(the engine on Node.js < 22.15), and browsers decode at most 8 MiB (RFC 9659): use a level of at most 19',
    );
  }
  if (windowLog === undefined || engine.setsWindow) return [];
  return [
    `zstd.windowLog ${windowLog} is ignored: on Node.js ${process.versions.node} zstd comes from ${engine.name}, ` +
      'which takes the window from the level (node:zlib sets it from Node.js 22.15)',
  ];
}

/**
 * The configured algorithms. zopfli needs worker threads: they are started by the first zopfli job and
 * stopped by `close()` when the pass is over.
 */
export function createAlgorithms(options: ResolvedOptions): {
  algorithms: Algorithm[];
  close(): Promise<void>;
} {
  let pool: ZopfliPool | undefined;
  const { zopfliPath } = options;

  const builtins: Record<BuiltinAlgorithm, () => Compressor> = {
    gzip: () => {
      const { engine, iterations, ...zlibOptions } = options.gzip;
      if (zopfliPath) {
        return {
          settings: { engine, iterations },
          compress: (input) => {
            pool ??= new ZopfliPool(options.parallel, zopfliPath);
            return pool.gzip(input, iterations);
          },
        };
      }
      return {
        settings: { engine, ...zlibOptions },
        compress: (input) => zlibCompressors.gzip(input, zlibOptions),
      };
    },
    deflate: () => ({
      settings: { ...options.deflate },
      compress: (input) => zlibCompressors.deflate(input, options.deflate),
    }),
    deflateRaw: () => ({
      settings: { ...options.deflateRaw },
      compress: (input) => zlibCompressors.deflateRaw(input, options.deflateRaw),
    }),
    brotli: () => {
      const { quality, params } = options.brotli;
      return {
        settings: { quality, params },
        compress: (input) =>
          brotliCompress(input, {
            params: {
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: input.length,
              ...params,
              [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
            },
          }),
      };
    },
    zstd: () => zstdCompressor(options.zstd),
  };

  const create = (algorithm: ResolvedAlgorithm): Algorithm => {
    const { name, suffix, filename, custom } = algorithm;
    const compressor: Compressor = custom
      ? {
          // The function's text and its options: an edited compressor recompresses.
          settings: { function: String(custom.algorithm), options: digestOf(custom.compressionOptions) },
          compress: (input) => callCompressor(custom.algorithm, input, custom.compressionOptions),
        }
      : builtins[name as BuiltinAlgorithm]();
    return { name, suffix, filename, ...compressor };
  };

  return {
    algorithms: options.algorithms.map(create),
    close: async () => {
      await pool?.close();
      pool = undefined;
    },
  };
}

function zstdCompressor({ level, windowLog }: ResolvedOptions['zstd']): Compressor {
  const engine = requireZstd();
  const browserWindow = 2 ** ZSTD_BROWSER_WINDOW_LOG;
  return {
    settings: { level, windowLog, engine: engine.name },
    compress: async (input) => {
      const output = await engine.compress(input, { level, windowLog });
      const window = zstdWindowSize(output) ?? 0;
      // An explicit windowLog node:zlib honours is the user's choice; any other window must suit browsers.
      if ((windowLog === undefined || !engine.setsWindow) && window > browserWindow) {
        throw new Error(
          `zstd level ${level} needs a ${window / 2 ** 20} MiB window, and browsers decode at most 8 MiB ` +
            '(RFC 9659): use a level of at most 19' +
            (engine.setsWindow ? '' : `, or Node.js >= 22.15, where the window is capped at 8 MiB`),
        );
      }
      return output;
    },
  };
}
