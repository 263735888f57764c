// Checks the sizes each contender reported against what is known about the dist:
// - packwise on A: every asset's gzip/brotli size equals its .gz/.br sibling's size (read, not recomputed);
// - packwise on B: every asset's size equals zlib gzip-9 / brotli-11 of its bytes (the manifest, made with the
//   same zlib calls as the siblings), and ~20 files are compressed again here to confirm it;
// - size-limit: each check's size equals the sum of the brotli-11 sizes of the files it covers.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { BROTLI_OPTIONS, GZIP_OPTIONS, manifestTotals } from './workloads.mjs';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
const SPOT_CHECKS = 20;

/** ~`count` files spread over the manifest sorted by size: the largest, the smallest and in between. */
function spread(files, count) {
  const bySize = [...files].sort((a, b) => a.raw - b.raw);
  const step = (bySize.length - 1) / (count - 1);
  return [...new Set(Array.from({ length: count }, (_, i) => bySize[Math.round(i * step)]))];
}

const toPosix = (name) => name.split(path.sep).join('/');

/**
 * `{ assets, missing, extra, mismatches: [{ name, encoding, reported, expected }], spotChecked,
 *    spotMismatches, note }` for one packwise report.
 */
export async function verifyPackwise(report, manifest, workload) {
  const reported = new Map((report.assets ?? []).map((asset) => [toPosix(asset.name), asset]));
  const expected = new Map(manifest.files.map((file) => [file.name, file]));
  const missing = [...expected.keys()].filter((name) => !reported.has(name));
  const extra = [...reported.keys()].filter((name) => !expected.has(name));
  const mismatches = [];
  for (const [name, file] of expected) {
    const asset = reported.get(name);
    if (!asset) continue;
    for (const encoding of ['raw', 'gzip', 'brotli']) {
      if (asset[encoding] !== file[encoding])
        mismatches.push({ name, encoding, reported: asset[encoding], expected: file[encoding] });
    }
  }

  // Spot checks against the files themselves: the siblings' sizes on disk (A), fresh compressions (B).
  const spotMismatches = [];
  const spot = spread(manifest.files, SPOT_CHECKS);
  for (const file of spot) {
    const asset = reported.get(file.name);
    if (!asset) continue;
    const base = path.join(workload.dist, file.name);
    let truth;
    if (workload.siblings) {
      const [gz, br] = await Promise.all([stat(`${base}.gz`), stat(`${base}.br`)]);
      truth = { gzip: gz.size, brotli: br.size };
    } else {
      const content = await readFile(base);
      const [gz, br] = await Promise.all([gzip(content, GZIP_OPTIONS), brotli(content, BROTLI_OPTIONS)]);
      truth = { gzip: gz.length, brotli: br.length };
    }
    for (const encoding of ['gzip', 'brotli']) {
      if (asset[encoding] !== truth[encoding])
        spotMismatches.push({
          name: file.name,
          encoding,
          reported: asset[encoding],
          expected: truth[encoding],
        });
    }
  }
  return {
    assets: reported.size,
    missing: missing.length,
    extra: extra.slice(0, 5),
    mismatches: mismatches.length,
    mismatchExamples: mismatches.slice(0, 5),
    spotChecked: spot.length,
    spotAgainst: workload.siblings
      ? 'sizes of the .gz/.br files on disk'
      : 'zlib gzip-9 / brotli-11 run here',
    spotMismatches,
  };
}

/** `{ checks: [{ name, reported, expected, equal }] }` for size-limit's `--json` output. */
export function verifySizeLimit(parsed, manifest) {
  const totals = manifestTotals(manifest);
  return {
    checks: parsed.checks.map((check) => {
      const expected = totals[check.name]?.brotli;
      return { name: check.name, reported: check.size, expected, equal: check.size === expected };
    }),
  };
}
