import path from 'node:path';
import zlib from 'node:zlib';
import type { BuiltinAlgorithm, CompressPluginOptions, FilenameTemplate } from './options';

/** compression-webpack-plugin's `algorithm` strings (zlib's function names) and the encodings they are here. */
const ZLIB_FUNCTIONS: Readonly<Record<string, BuiltinAlgorithm>> = {
  gzip: 'gzip',
  deflate: 'deflate',
  deflateRaw: 'deflateRaw',
  brotliCompress: 'brotli',
  zstdCompress: 'zstd',
};

/** zlib options that change how zlib runs, not what it writes: accepted and left out. */
const OUTPUT_NEUTRAL = new Set(['chunkSize', 'flush', 'finishFlush', 'info', 'maxOutputLength']);

// zstd's parameter ids (stable in its ABI; Node 20's zlib.constants has none of them).
const ZSTD_C_COMPRESSION_LEVEL = 100;
const ZSTD_C_WINDOW_LOG = 101;

/** An encoding's name from the file a custom compressor writes, so `.gz` counts as gzip for budgets. */
const NAME_OF_EXTENSION: Readonly<Record<string, string>> = { gz: 'gzip', br: 'brotli', zst: 'zstd' };

function nameOfFilename(filename: FilenameTemplate): string {
  if (typeof filename !== 'string') return 'compressed';
  const extension = path.extname(filename.split('?', 1)[0] ?? filename).slice(1);
  return NAME_OF_EXTENSION[extension] ?? (/^[A-Za-z][\w-]*$/.test(extension) ? extension : 'compressed');
}

function withoutNeutral(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([key]) => !OUTPUT_NEUTRAL.has(key)));
}

/** compressionOptions as our settings for that built-in. */
function settingsOf(builtin: BuiltinAlgorithm, compressionOptions: Record<string, unknown>): object {
  const rest = withoutNeutral(compressionOptions);
  if (builtin === 'brotli' || builtin === 'zstd') {
    const { params, ...others } = rest as { params?: Record<string, number> };
    const unknown = Object.keys(others)[0];
    if (unknown) {
      throw new Error(
        `@packwise/compress: options.compressionOptions.${unknown} is not a ${builtin} option (only params)`,
      );
    }
    const byId = { ...params };
    if (builtin === 'brotli') {
      const qualityKey = String(zlib.constants.BROTLI_PARAM_QUALITY);
      const quality = byId[qualityKey];
      delete byId[qualityKey];
      return { ...(quality === undefined ? {} : { quality }), params: byId };
    }
    const { [ZSTD_C_COMPRESSION_LEVEL]: level, [ZSTD_C_WINDOW_LOG]: windowLog, ...otherParams } = byId;
    const unknownParam = Object.keys(otherParams)[0];
    if (unknownParam) {
      throw new Error(
        `@packwise/compress: options.compressionOptions.params[${unknownParam}] is not supported for zstd ` +
          '(ZSTD_c_compressionLevel and ZSTD_c_windowLog are)',
      );
    }
    return { ...(level === undefined ? {} : { level }), ...(windowLog === undefined ? {} : { windowLog }) };
  }
  return rest;
}

/**
 * compression-webpack-plugin's form (`algorithm`, `compressionOptions`) as ours: one algorithm in `algorithms`,
 * its settings under its name. Options without `algorithm` are returned as they are.
 */
export function fromCompressionPluginForm(options: CompressPluginOptions): CompressPluginOptions {
  const { compressionOptions, ...rest } = options;
  if (options.algorithm === undefined && compressionOptions === undefined) return options;
  // compressionOptions alone are gzip's, compression-webpack-plugin's default algorithm.
  const algorithm = options.algorithm ?? 'gzip';
  delete rest.algorithm;
  if (rest.algorithms !== undefined && options.algorithm === undefined) {
    throw new Error(
      '@packwise/compress: options.compressionOptions goes with options.algorithm; with options.algorithms, ' +
        'set each built-in under its name (gzip: { level }) or give a custom algorithm its compressionOptions',
    );
  }
  if (rest.algorithms !== undefined) {
    throw new Error(
      '@packwise/compress: options.algorithm (compression-webpack-plugin’s form, one encoding) and ' +
        'options.algorithms (several) exclude each other: use one',
    );
  }
  if (typeof algorithm === 'function') {
    const filename =
      typeof rest.filename === 'string' || typeof rest.filename === 'function'
        ? rest.filename
        : '[path][base].gz';
    const name = nameOfFilename(filename);
    return {
      ...rest,
      filename: undefined,
      algorithms: [{ name, algorithm, compressionOptions: compressionOptions ?? {}, filename }],
    };
  }
  const builtin = ZLIB_FUNCTIONS[algorithm];
  if (!builtin) {
    throw new Error(
      `@packwise/compress: options.algorithm "${algorithm}" is not a zlib compression function ` +
        `(${Object.keys(ZLIB_FUNCTIONS).join(', ')}) nor a function`,
    );
  }
  const settings = settingsOf(builtin, compressionOptions ?? {});
  return { ...rest, algorithms: [builtin], [builtin]: { ...settings, ...rest[builtin] } };
}
