// Reads what a build wrote: sums the .gz and .br files and checks that each decompresses to the bytes of
// the file it sits beside.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const decoders = { '.gz': zlib.gunzipSync, '.br': zlib.brotliDecompressSync };

async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)));
}

/**
 * `{ gzip: { files, bytes, originalBytes }, brotli: {...}, badRoundTrips, bad: [names], uncompressed }`,
 * where `uncompressed` counts files matching `test` that have neither sibling.
 */
export async function verifyOutput(dir, test) {
  const files = await filesUnder(dir);
  const names = new Set(files);
  const result = {
    gzip: { files: 0, bytes: 0, originalBytes: 0 },
    brotli: { files: 0, bytes: 0, originalBytes: 0 },
    badRoundTrips: 0,
    bad: [],
    uncompressed: 0,
  };
  for (const name of files) {
    const ext = path.extname(name);
    if (!decoders[ext]) {
      if (test.test(name) && !names.has(`${name}.gz`) && !names.has(`${name}.br`)) result.uncompressed += 1;
      continue;
    }
    const totals = ext === '.gz' ? result.gzip : result.brotli;
    const compressed = await readFile(path.join(dir, name));
    const originalName = name.slice(0, -ext.length);
    totals.files += 1;
    totals.bytes += compressed.length;
    let ok = false;
    if (names.has(originalName)) {
      const original = await readFile(path.join(dir, originalName));
      totals.originalBytes += original.length;
      try {
        ok = decoders[ext](compressed).equals(original);
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
