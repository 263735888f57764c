// The two workloads, each run for one contender: builds in fresh processes, summarised to medians.
import { cp, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { appEdit } from '../../../bench/configs.mjs';
import { appDir, repoRoot } from '../../../scripts/lib/app-build.mjs';
import { runBuild } from './run-build.mjs';
import { encodings } from './verify.mjs';

export const outRoot = path.join(repoRoot, 'bench/out/compress');
const log = (message) => console.error(message);
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const loads = (builds) => builds.map((b) => Number(b.loadAverage.toFixed(1)));

/** Bytes of one encoding, `undefined` when the contender does not write it. */
const bytesOf = (totals) => (totals.files > 0 ? totals.bytes : undefined);

/**
 * What every build of a contender shares in the report: bytes and counts (of `same`, builds of the same
 * sources, which must agree), round-trip checks (of all `builds`), stages.
 */
function summarise(name, same, builds = same) {
  const [first] = same;
  const { output } = first;
  const sizes = new Set(same.map((b) => encodings.map((encoding) => b.output[encoding].bytes).join('/')));
  return {
    name,
    gzipBytes: bytesOf(output.gzip),
    brotliBytes: bytesOf(output.brotli),
    zstdBytes: bytesOf(output.zstd),
    gzipFiles: output.gzip.files,
    brotliFiles: output.brotli.files,
    zstdFiles: output.zstd.files,
    originalBytes: Math.max(...encodings.map((encoding) => output[encoding].originalBytes)),
    uncompressedFiles: output.uncompressed,
    badRoundTrips: builds.reduce((sum, b) => sum + b.output.badRoundTrips, 0),
    badFiles: [...new Set(builds.flatMap((b) => b.output.bad))],
    checkedFiles: builds.reduce(
      (sum, b) => sum + encodings.reduce((files, encoding) => files + b.output[encoding].files, 0),
      0,
    ),
    bytesDifferBetweenRuns: sizes.size > 1,
    taps: first.taps,
    tapsOutsideWindow: first.tapsOutsideWindow,
    lingeringProcess: builds.some((b) => b.lingered),
    loadAverage: { min: Math.min(...loads(builds)), max: Math.max(...loads(builds)) },
    warnings: [...new Set(builds.flatMap((b) => b.warnings))],
  };
}

const perRun = ({ wallMs, compressMs, maxRssBytes }) => ({ wallMs, compressMs, maxRssBytes });

/** Medians of builds without cache. */
const coldFigures = (builds) => ({
  compressColdMs: median(builds.map((b) => b.compressMs)),
  wallMs: median(builds.map((b) => b.wallMs)),
  peakRssBytes: median(builds.map((b) => b.maxRssBytes)),
});

const brief = (b) =>
  `${sec(b.wallMs)} wall, compress ${Math.round(b.compressMs)} ms, ` +
  `${Math.round(b.maxRssBytes / 2 ** 20)} MiB, ${b.output.badRoundTrips} bad`;

/**
 * Workload A: the example app, cold (no cache) and, unless `warm` is false, warm (filesystem cache, one app
 * module edited).
 */
export async function runApp(name, { runs, warm: withWarm = true }) {
  const out = (label) => path.join(outRoot, name, 'app', label);
  await rm(path.join(outRoot, name, 'app'), { recursive: true, force: true });
  const cold = [];
  for (let i = 1; i <= runs; i += 1) {
    log(`[app] ${name}: cold build ${i}/${runs}`);
    cold.push(await runBuild({ workload: 'app', contender: name, outDir: out(`cold-${i}`), env: {} }));
    log(`[app] ${name}:   ${brief(cold.at(-1))}`);
  }
  if (!withWarm) return { ...summarise(name, cold), ...coldFigures(cold), runs: { cold: cold.map(perRun) } };

  const work = path.join(appDir, '.bench', `compress-${name}`);
  const srcDir = path.join(work, 'src');
  const cacheDir = path.join(work, 'cache');
  const warm = [];
  let fill;
  try {
    await rm(work, { recursive: true, force: true });
    await cp(path.join(appDir, 'src'), srcDir, { recursive: true });
    const env = { srcDir, cacheDir };
    log(`[app] ${name}: filling the filesystem cache`);
    fill = await runBuild({ workload: 'app', contender: name, outDir: out('warm-0'), env });
    log(`[app] ${name}:   ${brief(fill)}`);
    const edited = path.join(srcDir, appEdit.file);
    const original = await readFile(edited, 'utf8');
    if (!original.includes(appEdit.text)) throw new Error(`${appEdit.file} lacks "${appEdit.text}"`);
    for (let i = 1; i <= runs; i += 1) {
      log(`[app] ${name}: warm rebuild ${i}/${runs} after editing ${appEdit.file}`);
      await writeFile(edited, original.replace(appEdit.text, `${appEdit.text} (edit ${i})`));
      warm.push(await runBuild({ workload: 'app', contender: name, outDir: out(`warm-${i}`), env }));
      log(`[app] ${name}:   ${brief(warm.at(-1))}`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
    // The shared `.bench` folder too, once empty (other benchmarks may be using it).
    await rmdir(path.dirname(work)).catch(() => {});
  }

  return {
    ...summarise(name, cold, [...cold, fill, ...warm]),
    ...coldFigures(cold),
    compressWarmMs: median(warm.map((b) => b.compressMs)),
    warmWallMs: median(warm.map((b) => b.wallMs)),
    runs: { cold: cold.map(perRun), fill: perRun(fill), warm: warm.map(perRun) },
  };
}

/** Workload B: 300 synthetic minified-JS-like assets of about 200 KB each. */
export async function runSynthetic(name, { runs, synthetic }) {
  await rm(path.join(outRoot, name, 'synthetic'), { recursive: true, force: true });
  const builds = [];
  for (let i = 1; i <= runs; i += 1) {
    log(`[synthetic] ${name}: build ${i}/${runs}`);
    const outDir = path.join(outRoot, name, 'synthetic', `run-${i}`);
    builds.push(await runBuild({ workload: 'synthetic', contender: name, outDir, synthetic }));
    log(`[synthetic] ${name}:   ${brief(builds.at(-1))}`);
  }
  return { ...summarise(name, builds), ...coldFigures(builds), runs: builds.map(perRun) };
}
