import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { AlgorithmName, ResolvedOptions } from './options';
import { ZopfliPool } from './zopfli-pool';

const gzip = promisify(zlib.gzip);
const brotliCompress = promisify(zlib.brotliCompress);

export interface Algorithm {
  name: AlgorithmName;
  /** Identifies the settings in cache keys and the manifest: a change of settings recompresses. */
  settings: Record<string, unknown>;
  compress(input: Buffer): Promise<Buffer>;
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

  const build: Record<AlgorithmName, () => Algorithm> = {
    gzip: () => {
      const { level, engine, iterations } = options.gzip;
      if (zopfliPath) {
        return {
          name: 'gzip',
          settings: { engine, iterations },
          compress: (input) => {
            pool ??= new ZopfliPool(options.parallel, zopfliPath);
            return pool.gzip(input, iterations);
          },
        };
      }
      return { name: 'gzip', settings: { engine, level }, compress: (input) => gzip(input, { level }) };
    },
    brotli: () => {
      const { quality, params } = options.brotli;
      return {
        name: 'brotli',
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
  };

  return {
    algorithms: options.algorithms.map((name) => build[name]()),
    close: async () => {
      await pool?.close();
      pool = undefined;
    },
  };
}
