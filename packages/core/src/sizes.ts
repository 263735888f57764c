import { promisify } from 'node:util';
import zlib from 'node:zlib';

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

/**
 * Measures a file's raw, gzip (level 9) and brotli (quality 11) sizes. Both compressions run on libuv's
 * thread pool, so measuring many files with `Promise.all` does not block the event loop.
 */
export async function measureSizes(content: Buffer | string): Promise<Sizes> {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  const [gzipped, brotlied] = await Promise.all([
    gzip(buffer, { level: GZIP_LEVEL }),
    brotliCompress(buffer, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }),
  ]);
  return { raw: buffer.length, gzip: gzipped.length, brotli: brotlied.length };
}
