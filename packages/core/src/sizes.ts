import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { loadZstd, ZSTD_LEVEL } from './zstd';

const gzip = promisify(zlib.gzip);
const brotliCompress = promisify(zlib.brotliCompress);

/** The compression settings every packwise size is measured with: what a server should serve. */
export const GZIP_LEVEL = 9;
export const BROTLI_QUALITY = 11;

export interface Sizes {
  /** Bytes as emitted. */
  raw: number;
  /** Bytes after gzip at level 9. */
  gzip: number;
  /** Bytes after brotli at quality 11. */
  brotli: number;
}

export type Encoding = 'gzip' | 'brotli' | 'zstd';

/**
 * One compressed size: gzip at level 9, brotli at quality 11 or zstd at level 19, on libuv's thread pool.
 * zstd throws when neither node:zlib nor its binding has it (see `loadZstd`).
 */
export async function compressedSize(content: Buffer | string, encoding: Encoding): Promise<number> {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  if (encoding === 'gzip') return (await gzip(buffer, { level: GZIP_LEVEL })).length;
  if (encoding === 'zstd') return (await loadZstd().compress(buffer, { level: ZSTD_LEVEL })).length;
  const params = {
    [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
  };
  return (await brotliCompress(buffer, { params })).length;
}

/**
 * Measures a file's raw, gzip (level 9) and brotli (quality 11) sizes. Both compressions run on libuv's
 * thread pool, so measuring many files with `Promise.all` does not block the event loop.
 */
export async function measureSizes(content: Buffer | string): Promise<Sizes> {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  const [gzipped, brotlied] = await Promise.all([
    compressedSize(buffer, 'gzip'),
    compressedSize(buffer, 'brotli'),
  ]);
  return { raw: buffer.length, gzip: gzipped, brotli: brotlied };
}
