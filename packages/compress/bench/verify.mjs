// Reads what a build wrote: sums the .gz, .br and .zst files and checks that each decompresses to the bytes
// of the file it sits beside.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);

/** Per file extension, the encoding it holds and its decoder (sync or async). */
const decoders = {
  '.gz': { encoding: 'gzip', decode: zlib.gunzipSync },
  '.br': { encoding: 'brotli', decode: zlib.brotliDecompressSync },
  // node:zlib (Node >= 22.15) or the binding, as the plugin uses; throws (a bad round trip) when neither exists.
  '.zst': { encoding: 'zstd', decode: (buffer) => require('@packwise/core').loadZstd().decompress(buffer) },
};
export const encodings = Object.values(decoders).map((d) => d.encoding);

async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)));
}

/**
 * `{ gzip: { files, bytes, originalBytes }, brotli: {...}, zstd: {...}, badRoundTrips, bad: [names],
 * uncompressed }`, where `uncompressed` counts files matching `test` that have no encoded sibling.
 */
export async function verifyOutput(dir, test) {
  const files = await filesUnder(dir);
  const names = new Set(files);
  const result = {
    ...Object.fromEntries(encodings.map((encoding) => [encoding, { files: 0, bytes: 0, originalBytes: 0 }])),
    badRoundTrips: 0,
    bad: [],
    uncompressed: 0,
  };
  for (const name of files) {
    const ext = path.extname(name);
    if (!decoders[ext]) {
      const encoded = Object.keys(decoders).some((suffix) => names.has(`${name}${suffix}`));
      if (test.test(name) && !encoded) result.uncompressed += 1;
      continue;
    }
    const totals = result[decoders[ext].encoding];
    const compressed = await readFile(path.join(dir, name));
    const originalName = name.slice(0, -ext.length);
    totals.files += 1;
    totals.bytes += compressed.length;
    let ok = false;
    if (names.has(originalName)) {
      const original = await readFile(path.join(dir, originalName));
      totals.originalBytes += original.length;
      try {
        ok = (await decoders[ext].decode(compressed)).equals(original);
      } catch {
        ok = false;
      }
    }
    if (!ok) {
      result.badRoundTrips += 1;
      result.bad.push(name);
    }
  }
  return result;
}
