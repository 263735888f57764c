import zlib from 'node:zlib';

/** Decompresses a `.gz` or `.br` file's bytes, choosing the algorithm by its name. */
export function decompress(content: Buffer, fileName: string): Buffer {
  const name = fileName.split('?', 1)[0] ?? fileName;
  if (name.endsWith('.gz')) return zlib.gunzipSync(content);
  if (name.endsWith('.br')) return zlib.brotliDecompressSync(content);
  throw new Error(`Cannot decompress "${fileName}": expected a name ending in .gz or .br`);
}
