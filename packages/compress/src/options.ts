import os from 'node:os';
import zlib from 'node:zlib';
import type { AssetInfo, PathData } from 'webpack';
import { parseBytes } from '@packwise/core';
import type { AssetMatchOptions, ByteSize } from '@packwise/core';
import { resolveZopfli } from './zopfli-pool';

export type AlgorithmName = 'gzip' | 'brotli';

/** A webpack filename template (`[path][base].gz`) or a function of the original's path data. */
export type FilenameTemplate = string | ((pathData: PathData, assetInfo?: AssetInfo) => string);

export interface GzipOptions {
  /** zlib compression level, 0–9. @default 9 */
  level?: number;
  /** `zopfli` writes gzip about 3 % smaller at about 100× the time, in worker threads. @default 'zlib' */
  engine?: 'zlib' | 'zopfli';
  /** zopfli iterations (only with `engine: 'zopfli'`). @default 15 */
  iterations?: number;
}

export interface BrotliOptions {
  /** Brotli quality, 0–11. @default 11 */
  quality?: number;
  /** Further zlib brotli parameters by name (`BROTLI_PARAM_LGWIN`) or number; `quality` wins over a QUALITY here. */
  params?: Record<string, number>;
}

export interface CompressPluginOptions extends AssetMatchOptions {
  /** Encodings to write, in one pass over the assets. @default ['gzip', 'brotli'] */
  algorithms?: AlgorithmName[];
  gzip?: GzipOptions;
  brotli?: BrotliOptions;
  /** Only assets of at least this many bytes (`1024`, `"1 KiB"`). @default 0 */
  threshold?: ByteSize;
  /** Only keep an encoding when `compressed / original <= minRatio`. @default 0.8 */
  minRatio?: number;
  /**
   * Output name per algorithm; a single template only when one algorithm is configured.
   * @default { gzip: '[path][base].gz', brotli: '[path][base].br' }
   */
  filename?: FilenameTemplate | Partial<Record<AlgorithmName, FilenameTemplate>>;
  /**
   * Delete the original once at least one encoding was written: `true` also deletes its source map,
   * `'keep-source-map'` keeps it, a function decides per asset name. Never deletes another encoding.
   * @default false
   */
  deleteOriginalAssets?: boolean | 'keep-source-map' | ((assetName: string) => boolean);
  /** File extensions never compressed (already compressed formats). @default see DEFAULT_SKIPPED_EXTENSIONS */
  skipExtensions?: string[];
  /** Compressions in flight at once. @default os.availableParallelism() */
  parallel?: number;
  /** Emit a JSON manifest of every original with its encodings and sizes under this name. @default false */
  manifest?: false | string;
}

/** Formats that are already compressed: a second compression only costs time. */
export const DEFAULT_SKIPPED_EXTENSIONS: readonly string[] = Object.freeze([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'avif',
  'woff',
  'woff2',
  'mp4',
  'webm',
  'zip',
  'gz',
  'br',
  'zst',
]);

export const DEFAULT_FILENAMES: Readonly<Record<AlgorithmName, string>> = Object.freeze({
  gzip: '[path][base].gz',
  brotli: '[path][base].br',
});

export interface ResolvedOptions {
  algorithms: AlgorithmName[];
  gzip: Required<GzipOptions>;
  /** `params` keyed by zlib's numeric ids. */
  brotli: { quality: number; params: Record<number, number> };
  /** Where @gfx/zopfli is, when gzip uses it. */
  zopfliPath?: string;
  match: AssetMatchOptions;
  threshold: number;
  minRatio: number;
  filenames: Record<AlgorithmName, FilenameTemplate>;
  deleteOriginalAssets: NonNullable<CompressPluginOptions['deleteOriginalAssets']>;
  skipExtensions: Set<string>;
  parallel: number;
  manifest: string | false;
}

/** Options with defaults applied and names resolved; throws a clear error for what the schema cannot check. */
export function resolveOptions(options: CompressPluginOptions): ResolvedOptions {
  const algorithms = options.algorithms ?? ['gzip', 'brotli'];
  const gzip = { level: 9, engine: 'zlib' as const, iterations: 15, ...options.gzip };
  return {
    algorithms,
    gzip,
    brotli: { quality: options.brotli?.quality ?? 11, params: brotliParams(options.brotli?.params ?? {}) },
    zopfliPath: algorithms.includes('gzip') && gzip.engine === 'zopfli' ? resolveZopfli() : undefined,
    match: { test: options.test, include: options.include, exclude: options.exclude },
    threshold: parseBytes(options.threshold ?? 0),
    minRatio: options.minRatio ?? 0.8,
    filenames: resolveFilenames(algorithms, options.filename),
    deleteOriginalAssets: options.deleteOriginalAssets ?? false,
    skipExtensions: new Set(
      (options.skipExtensions ?? DEFAULT_SKIPPED_EXTENSIONS).map((ext) => ext.toLowerCase()),
    ),
    parallel: options.parallel ?? defaultParallelism(),
    manifest: options.manifest ?? false,
  };
}

/** Brotli params from names (`BROTLI_PARAM_LGWIN`) or numbers to zlib's numeric ids. */
function brotliParams(params: Record<string, number>): Record<number, number> {
  const constants = zlib.constants as unknown as Record<string, number | undefined>;
  const resolved: Record<number, number> = {};
  for (const [key, value] of Object.entries(params)) {
    const id = /^\d+$/.test(key) ? Number(key) : constants[key];
    if (id === undefined)
      throw new Error(`@packwise/compress: options.brotli.params.${key} is not a zlib brotli parameter`);
    resolved[id] = value;
  }
  return resolved;
}

function resolveFilenames(
  algorithms: AlgorithmName[],
  filename: CompressPluginOptions['filename'],
): Record<AlgorithmName, FilenameTemplate> {
  if (filename === undefined) return { ...DEFAULT_FILENAMES };
  if (typeof filename === 'object') return { ...DEFAULT_FILENAMES, ...filename };
  if (algorithms.length > 1) {
    // One name for two encodings would make them overwrite each other.
    throw new Error(
      `@packwise/compress: options.filename is a single name but ${algorithms.length} algorithms are configured; ` +
        `give one per algorithm, e.g. { gzip: '[path][base].gz', brotli: '[path][base].br' }`,
    );
  }
  return { ...DEFAULT_FILENAMES, [algorithms[0] ?? 'gzip']: filename };
}

function defaultParallelism(): number {
  return Math.max(1, os.availableParallelism());
}
