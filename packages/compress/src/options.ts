import os from 'node:os';
import zlib from 'node:zlib';
import type { AssetInfo, PathData } from 'webpack';
import { createAssetMatcher, parseBytes, ZSTD_LEVEL } from '@packwise/core';
import type { AssetConditions, AssetMatchOptions, ByteSize } from '@packwise/core';
import type { DiskCacheOption } from './disk-cache-options';
import { resolveZopfli } from './zopfli-pool';

/** The encodings built in: zlib's four and zstd. */
export type BuiltinAlgorithm = 'gzip' | 'brotli' | 'zstd' | 'deflate' | 'deflateRaw';

/**
 * A webpack filename template of the original's name (`[path][base].gz`; `[algorithm]` and `[suffix]` name the
 * encoding), or a function of the original's path data that also gets the algorithm's name.
 */
export type FilenameTemplate =
  string | ((pathData: PathData, assetInfo: AssetInfo | undefined, algorithm: string) => string);

/** What a compressor calls back with, as zlib's functions do. */
export type AlgorithmCallback = (error?: Error | null, output?: Buffer | Uint8Array | string) => void;

/**
 * Any compressor, as compression-webpack-plugin takes it: `(input, compressionOptions, callback)`. It may also
 * return a promise of the output instead of calling back.
 */
export type AlgorithmFunction = (
  input: Buffer,
  options: Record<string, unknown>,
  callback: AlgorithmCallback,
) => void | Promise<Buffer | Uint8Array | string | void>;

export interface CustomAlgorithm {
  /** Names the encoding in `info.related`, the manifest and `filename` keys (`gzip` lets budgets read it). */
  name: string;
  algorithm: AlgorithmFunction;
  /** Passed to `algorithm` as its second argument; part of the cache key. @default {} */
  compressionOptions?: Record<string, unknown>;
  /** @default '[path][base].<name>', or the built-in's name when it has one (`gzip`: `.gz`) */
  filename?: FilenameTemplate;
}

export type AlgorithmSpec = BuiltinAlgorithm | CustomAlgorithm;

/** zlib's deflate settings (gzip, deflate and deflateRaw): https://nodejs.org/api/zlib.html#class-options */
export interface ZlibOptions {
  /** 0–9. @default 9 */
  level?: number;
  /** 1–9: memory for the compression state. @default 8 */
  memLevel?: number;
  /** 8–15: log2 of the window. @default 15 */
  windowBits?: number;
  /** zlib strategy, 0–4 (`Z_FILTERED` 1, `Z_HUFFMAN_ONLY` 2, `Z_RLE` 3, `Z_FIXED` 4). @default 0 */
  strategy?: number;
}

export interface GzipOptions extends ZlibOptions {
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

export interface ZstdOptions {
  /** zstd level, 1–22. @default 19 */
  level?: number;
  /**
   * log2 of the window, 10–31 (node:zlib only: on Node 20 the binding takes the level's window). Browsers
   * decode at most 23 (8 MiB, RFC 9659). @default the level's, at most 23
   */
  windowLog?: number;
}

/** Deltas for returning visitors: each file compressed against its earlier versions (RFC 9842). */
export interface DictionaryOptions {
  /** Folders of earlier deployed outputs (absolute, or relative to webpack's context). */
  previous?: string | string[];
  /**
   * A folder the plugin keeps the last `keep` builds' dictionary files in, read as earlier versions too: `true`
   * for `node_modules/.cache/packwise/dictionaries`. Outside `output.path`, so `output.clean` keeps it.
   * @default false
   */
  history?: string | boolean;
  /** How many earlier builds the history keeps. @default 3 */
  keep?: number;
  /** Which assets get deltas and are announced as dictionaries. @default /\.(js|mjs|css)$/ */
  test?: AssetConditions;
  /** zstd level of the deltas, 1–19. @default 19 */
  level?: number;
}

export interface CompressPluginOptions extends AssetMatchOptions {
  /** Encodings to write, in one pass over the assets: built-in names or custom compressors. @default ['gzip', 'brotli'] */
  algorithms?: AlgorithmSpec[];
  /**
   * compression-webpack-plugin's form, for one encoding: a zlib function's name (`'gzip'`, `'brotliCompress'`,
   * `'deflate'`, `'deflateRaw'`, `'zstdCompress'`) or a compressor. Not together with `algorithms`.
   */
  algorithm?: string | AlgorithmFunction;
  /** With `algorithm`: zlib's options for it, or the compressor's second argument. */
  compressionOptions?: Record<string, unknown>;
  gzip?: GzipOptions;
  deflate?: ZlibOptions;
  deflateRaw?: ZlibOptions;
  brotli?: BrotliOptions;
  zstd?: ZstdOptions;
  /** Only assets of at least this many bytes (`1024`, `"1 KiB"`). @default 0 */
  threshold?: ByteSize;
  /** Only keep an encoding when `compressed / original <= minRatio`. @default 0.8 */
  minRatio?: number;
  /**
   * Output names: one template (or function) for every algorithm, or one per algorithm name.
   * @default { gzip: '[path][base].gz', brotli: '[path][base].br', zstd: '[path][base].zst', … }
   */
  filename?: FilenameTemplate | Record<string, FilenameTemplate>;
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
  /**
   * Dictionary-compressed deltas (`.dcz`) against earlier versions, for servers that speak RFC 9842. Turns the
   * manifest on (`compress-manifest.json`) when it is off. @default false
   */
  dictionaries?: false | DictionaryOptions;
  /**
   * Encodings (and deltas) kept on disk across builds and processes, keyed by the content's hash and every setting
   * that changes the output, bounded in size. `'auto'`: on Rspack, whose `compilation.getCache` is memory-only;
   * on webpack its own cache does this (`cache.type: 'filesystem'`). `true` or `{ directory, maxSize }`: on any
   * bundler. @default 'auto'
   */
  diskCache?: DiskCacheOption;
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
  'deflate',
  'dcz',
  'dcb',
]);

/** The file extension each built-in writes: what `[suffix]` stands for. */
export const SUFFIXES: Readonly<Record<BuiltinAlgorithm, string>> = Object.freeze({
  gzip: 'gz',
  brotli: 'br',
  zstd: 'zst',
  deflate: 'deflate',
  deflateRaw: 'deflate-raw',
});

export const DEFAULT_FILENAME = '[path][base].[suffix]';

export const DEFAULT_FILENAMES: Readonly<Record<BuiltinAlgorithm, string>> = Object.freeze({
  gzip: '[path][base].gz',
  brotli: '[path][base].br',
  zstd: '[path][base].zst',
  deflate: '[path][base].deflate',
  deflateRaw: '[path][base].deflate-raw',
});

export const BUILTIN_ALGORITHMS = Object.keys(SUFFIXES) as BuiltinAlgorithm[];

export interface ResolvedAlgorithm {
  name: string;
  /** `[suffix]`: the built-in's extension (also for a custom algorithm of a built-in's name), else the name. */
  suffix: string;
  filename: FilenameTemplate;
  /** Set for custom compressors. */
  custom?: { algorithm: AlgorithmFunction; compressionOptions: Record<string, unknown> };
}

export interface ResolvedOptions {
  algorithms: ResolvedAlgorithm[];
  gzip: GzipOptions & Required<Pick<GzipOptions, 'level' | 'engine' | 'iterations'>>;
  deflate: ZlibOptions;
  deflateRaw: ZlibOptions;
  /** `params` keyed by zlib's numeric ids. */
  brotli: { quality: number; params: Record<number, number> };
  zstd: { level: number; windowLog?: number };
  /** Where @gfx/zopfli is, when gzip uses it. */
  zopfliPath?: string;
  match: AssetMatchOptions;
  threshold: number;
  minRatio: number;
  deleteOriginalAssets: NonNullable<CompressPluginOptions['deleteOriginalAssets']>;
  skipExtensions: Set<string>;
  parallel: number;
  manifest: string | false;
  dictionaries?: ResolvedDictionaries;
  diskCache: DiskCacheOption;
}

export interface ResolvedDictionaries {
  /** As given: resolved against webpack's context when the plugin is applied. */
  previous: string[];
  history?: string;
  keep: number;
  test: (assetName: string) => boolean;
  level: number;
}

export const DEFAULT_HISTORY = 'node_modules/.cache/packwise/dictionaries';
export const DEFAULT_MANIFEST = 'compress-manifest.json';

/**
 * Options (in our form: see `fromCompressionPluginForm`) with defaults applied and names resolved; throws a
 * clear error for what the schema cannot check.
 */
export function resolveOptions(options: CompressPluginOptions): ResolvedOptions {
  const algorithms = resolveAlgorithms(options);
  const gzip = { level: 9, engine: 'zlib' as const, iterations: 15, ...options.gzip };
  return {
    algorithms,
    gzip,
    deflate: { level: 9, ...options.deflate },
    deflateRaw: { level: 9, ...options.deflateRaw },
    brotli: { quality: options.brotli?.quality ?? 11, params: brotliParams(options.brotli?.params ?? {}) },
    zstd: { level: options.zstd?.level ?? ZSTD_LEVEL, windowLog: options.zstd?.windowLog },
    zopfliPath:
      algorithms.some((a) => a.name === 'gzip' && !a.custom) && gzip.engine === 'zopfli'
        ? resolveZopfli()
        : undefined,
    match: { test: options.test, include: options.include, exclude: options.exclude },
    threshold: parseBytes(options.threshold ?? 0),
    minRatio: options.minRatio ?? 0.8,
    deleteOriginalAssets: options.deleteOriginalAssets ?? false,
    skipExtensions: new Set(
      (options.skipExtensions ?? DEFAULT_SKIPPED_EXTENSIONS).map((ext) => ext.toLowerCase()),
    ),
    parallel: options.parallel ?? defaultParallelism(),
    manifest: options.manifest || (options.dictionaries ? DEFAULT_MANIFEST : false),
    dictionaries: options.dictionaries ? resolveDictionaries(options.dictionaries) : undefined,
    diskCache: options.diskCache ?? 'auto',
  };
}

function resolveDictionaries(options: DictionaryOptions): ResolvedDictionaries {
  const history = options.history === true ? DEFAULT_HISTORY : options.history || undefined;
  // `previous: []` is a first deploy: files are announced as dictionaries, and there is nothing to delta against.
  if (options.previous === undefined && !history) {
    throw new Error(
      '@packwise/compress: options.dictionaries needs previous (folders of earlier outputs, [] for a first deploy) ' +
        'or history: true',
    );
  }
  const previous = [options.previous ?? []].flat();
  return {
    previous,
    history,
    keep: options.keep ?? 3,
    test: createAssetMatcher({ test: options.test ?? /\.(js|mjs|css)$/ }),
    level: options.level ?? ZSTD_LEVEL,
  };
}

function resolveAlgorithms(options: CompressPluginOptions): ResolvedAlgorithm[] {
  const specs = options.algorithms ?? ['gzip', 'brotli'];
  const { filename } = options;
  const resolved = specs.map((spec): ResolvedAlgorithm => {
    const name = typeof spec === 'string' ? spec : spec.name;
    // A custom compressor named like a built-in writes that built-in's files: a zopfli named gzip, `.gz`.
    const suffix = Object.hasOwn(SUFFIXES, name) ? SUFFIXES[name as BuiltinAlgorithm] : name;
    const own = typeof filename === 'object' ? filename[name] : filename;
    const fallback = typeof spec === 'string' ? DEFAULT_FILENAMES[spec] : (spec.filename ?? DEFAULT_FILENAME);
    return {
      name,
      suffix,
      filename: own ?? fallback,
      custom:
        typeof spec === 'string'
          ? undefined
          : { algorithm: spec.algorithm, compressionOptions: spec.compressionOptions ?? {} },
    };
  });
  checkNames(resolved, options);
  return resolved;
}

/** Two encodings of one asset must not share a name, and every `filename` key must name an algorithm. */
function checkNames(algorithms: ResolvedAlgorithm[], options: CompressPluginOptions): void {
  const names = algorithms.map((a) => a.name);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice)
    throw new Error(`@packwise/compress: two algorithms are named "${twice}"; give each its own name`);
  if (options.filename && typeof options.filename === 'object') {
    const unknown = Object.keys(options.filename).filter((key) => !names.includes(key));
    if (unknown.length > 0) {
      throw new Error(
        `@packwise/compress: options.filename.${unknown[0]} names no configured algorithm (${names.join(', ')})`,
      );
    }
  }
  const seen = new Map<string, string>();
  for (const { name, suffix, filename } of algorithms) {
    if (typeof filename !== 'string') continue;
    const expanded = expandAlgorithm(filename, name, suffix);
    const other = seen.get(expanded);
    if (other) {
      throw new Error(
        `@packwise/compress: ${other} and ${name} would both write "${filename}": one filename for several ` +
          `algorithms needs [suffix] or [algorithm] in it (e.g. '[path][base].[suffix]'), or give one per algorithm`,
      );
    }
    seen.set(expanded, name);
  }
}

/** Fills the placeholders that name the encoding; webpack's `getPath` fills the rest. */
export function expandAlgorithm(template: string, name: string, suffix: string): string {
  return template.replace(/\[algorithm\]/g, name).replace(/\[suffix\]/g, suffix);
}

/** Brotli params from names (`BROTLI_PARAM_LGWIN`) or numbers to zlib's numeric ids. */
export function brotliParams(params: Record<string, number>): Record<number, number> {
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

function defaultParallelism(): number {
  return Math.max(1, os.availableParallelism());
}
