import type { AssetInfo, PathData } from 'webpack';
import { parseBytes } from '@packwise/core';
import type { ByteSize } from '@packwise/core';

/** The kinds of files the plugin handles, each with its own rule, size limit and encoding. */
export type AssetKind = 'images' | 'fonts' | 'svg';

export const ASSET_KINDS: readonly AssetKind[] = Object.freeze(['images', 'fonts', 'svg']);

/** Which files each kind handles by default. */
export const DEFAULT_ASSET_TESTS: Readonly<Record<AssetKind, RegExp>> = Object.freeze({
  images: /\.(png|jpe?g|gif|webp|avif)$/i,
  fonts: /\.(woff2?|ttf|otf|eot)$/i,
  svg: /\.svg$/i,
});

/** `'4 KiB'`: 4096 characters of `data:` URI, header included. */
export const DEFAULT_MAX_SIZE = 4096;
/** `'16 KiB'` of `data:` URIs per chunk. */
export const DEFAULT_MAX_INLINED_BYTES_PER_CHUNK = 16384;

/** A webpack asset filename template or a function of the asset's path data. */
export type AssetFilename = string | ((pathData: PathData, assetInfo?: AssetInfo) => string);

export interface InlineAssetsPluginOptions {
  /**
   * Inline a file only when its whole `data:` URI (header and encoding included) is at most this many
   * characters: one size for every kind, or per kind. Base64 grows a file by a third, so a 3.5 kB PNG has
   * a 4.7 kB URI and is not inlined under the default.
   * @default '4 KiB' (4096) for every kind
   */
  maxSize?: ByteSize | Partial<Record<AssetKind, ByteSize>>;
  /**
   * Once a chunk holds this many characters of inlined URIs, further assets it references are emitted as
   * files; the smallest assets are inlined first. `false` turns the budget off.
   * @default '16 KiB' (16384)
   */
  maxInlinedBytesPerChunk?: ByteSize | false;
  /**
   * Which files each kind handles; `false` leaves that kind to webpack and your own rules.
   * @default { images: /\.(png|jpe?g|gif|webp|avif)$/i, fonts: /\.(woff2?|ttf|otf|eot)$/i, svg: /\.svg$/i }
   */
  test?: Partial<Record<AssetKind, RegExp | false>>;
  /** Name of the files emitted instead of inlined. @default webpack's `output.assetModuleFilename` */
  filename?: AssetFilename;
  /** Emit a JSON report of what was inlined into which chunk and what the budget refused. @default false */
  report?: false | string;
}

export interface ResolvedOptions {
  maxSize: Record<AssetKind, number>;
  /** Infinity when the budget is off. */
  maxInlinedBytesPerChunk: number;
  /** The kinds in use with their tests. */
  tests: Partial<Record<AssetKind, RegExp>>;
  filename: AssetFilename | undefined;
  report: false | string;
}

function resolveMaxSize(maxSize: InlineAssetsPluginOptions['maxSize']): Record<AssetKind, number> {
  if (maxSize === undefined || typeof maxSize !== 'object') {
    const size = maxSize === undefined ? DEFAULT_MAX_SIZE : parseBytes(maxSize);
    return { images: size, fonts: size, svg: size };
  }
  const size = (kind: AssetKind) => {
    const value = maxSize[kind];
    return value === undefined ? DEFAULT_MAX_SIZE : parseBytes(value);
  };
  return { images: size('images'), fonts: size('fonts'), svg: size('svg') };
}

function resolveTests(test: InlineAssetsPluginOptions['test'] = {}): Partial<Record<AssetKind, RegExp>> {
  const tests: Partial<Record<AssetKind, RegExp>> = {};
  for (const kind of ASSET_KINDS) {
    const value = test[kind] ?? DEFAULT_ASSET_TESTS[kind];
    if (value) tests[kind] = value;
  }
  return tests;
}

/** Options with defaults applied and byte sizes parsed; expects options that passed the schema. */
export function resolveOptions(options: InlineAssetsPluginOptions): ResolvedOptions {
  const budget = options.maxInlinedBytesPerChunk;
  return {
    maxSize: resolveMaxSize(options.maxSize),
    maxInlinedBytesPerChunk:
      budget === false
        ? Number.POSITIVE_INFINITY
        : budget === undefined
          ? DEFAULT_MAX_INLINED_BYTES_PER_CHUNK
          : parseBytes(budget),
    tests: resolveTests(options.test),
    filename: options.filename,
    report: options.report ?? false,
  };
}
