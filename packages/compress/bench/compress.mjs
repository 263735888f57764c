// `npm run bench -w @packwise/compress`: compression-webpack-plugin (the baseline), @packwise/compress
// (zlib and zopfli) and minimizer-webpack-plugin's compress generator side by side, every build in a fresh
// process; and @packwise/compress with one algorithm a build (zstd 19, brotli 11, gzip 9). Prints Markdown
// tables (values, ratios against `cwp`, the issue's targets, zstd against brotli and gzip) to stdout,
// progress to stderr, and writes bench/out/compress.json at the repository root. Exits with 1 when an
// encoded file does not decode to its original.
// Options: --only app|synthetic, --runs N (app cold and warm runs, default 3), --synthetic-runs N (default
// 1), --contenders a,b (default: all).
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { repoRoot, wholeNumber } from '../../../scripts/lib/app-build.mjs';
import { contenders, loadContender, test } from './contenders.mjs';
import {
  targetResults,
  targetsTable,
  workloadTables,
  zstdFigures,
  zstdTable,
  zstdTableContenders,
} from './report.mjs';
import { SYNTHETIC } from './synthetic.mjs';
import { runApp, runSynthetic } from './workloads.mjs';

const require = createRequire(import.meta.url);
const BASELINE = 'cwp';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'synthetic-runs': { type: 'string', default: '1' },
    contenders: { type: 'string' },
  },
});
const runs = wholeNumber(args.runs, '--runs');
const syntheticRuns = wholeNumber(args['synthetic-runs'], '--synthetic-runs');
if (args.only && !['app', 'synthetic'].includes(args.only))
  throw new Error(`--only must be app or synthetic, got ${args.only}`);
const workloads = args.only ? [args.only] : ['app', 'synthetic'];
const wanted = args.contenders?.split(',').map((name) => name.trim());
const unknown = wanted?.filter((name) => !contenders.some((c) => c.name === name)) ?? [];
if (unknown.length) throw new Error(`unknown contender(s) ${unknown.join(', ')}`);
const selected = contenders.filter((c) => !wanted || wanted.includes(c.name));

// Load every contender up front: one that cannot load is reported and skipped, never fatal (but the baseline).
const status = {};
const notes = [];
for (const contender of selected) {
  const { error, version } = loadContender(contender);
  status[contender.name] = { package: contender.package, version, describe: contender.describe };
  if (error) {
    if (contender.name === BASELINE) throw new Error(`the baseline cannot run: ${error}`);
    status[contender.name].skipped = error;
    notes.push(`- **${contender.name}** skipped: ${error}`);
    console.error(`[bench] ${contender.name} skipped: ${error}`);
  }
}

const results = {};
for (const workload of workloads) {
  results[workload] = [];
  for (const contender of selected.filter((c) => !status[c.name].skipped)) {
    if (status[contender.name].failed) continue;
    try {
      results[workload].push(
        workload === 'app'
          ? await runApp(contender.name, { runs, warm: contender.warm !== false })
          : await runSynthetic(contender.name, { runs: syntheticRuns, synthetic: SYNTHETIC }),
      );
    } catch (error) {
      if (contender.name === BASELINE) throw error;
      status[contender.name].failed = error.message;
      notes.push(`- **${contender.name}** failed on ${workload} and was skipped: ${error.message}`);
      console.error(`[bench] ${contender.name} failed on ${workload}, skipping it: ${error.message}`);
    }
  }
}

// Report.
const webpackVersion = require('webpack/package.json').version;
const cores = os.availableParallelism();
console.log(`# @packwise/compress benchmark\n`);
console.log(
  `Node ${process.version}, webpack ${webpackVersion}, ${cores} cores. Every build runs in a fresh process; ` +
    `compress time is the time between processAssets taps at PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER ∓ 1. ` +
    `Every contender compresses the files matching \`${test}\`.\n`,
);
console.log(
  selected
    .map((c) => `- \`${c.name}\` (${status[c.name].package}@${status[c.name].version ?? '?'}): ${c.describe}`)
    .join('\n'),
);
if (notes.length) console.log(`\n${notes.join('\n')}`);

const headings = {
  app: `## A. fixtures/example-app — cold: median of ${runs} builds without cache; warm: median of ${runs} rebuilds with the filesystem cache after editing components/Header.jsx`,
  synthetic: `## B. Synthetic — ${SYNTHETIC.count} minified-JS-like assets of ${SYNTHETIC.bytes / 1024} KiB (median of ${syntheticRuns} build${syntheticRuns > 1 ? 's' : ''}, no cache)`,
};
const encodedFiles = (r) =>
  [
    [r.gzipFiles, '.gz'],
    [r.brotliFiles, '.br'],
    [r.zstdFiles, '.zst'],
  ]
    .filter(([files]) => files > 0)
    .map(([files, suffix]) => `${files} ${suffix}`)
    .join(' + ') || 'no encoded';
for (const workload of workloads) {
  const list = results[workload];
  if (list.length === 0) continue;
  console.log(`\n${headings[workload]}`);
  // The one-algorithm contenders have a table of their own (C).
  const compared = list.filter((r) => !zstdTableContenders.includes(r.name));
  if (compared.length) {
    const tables = workloadTables(compared, BASELINE);
    console.log(`\n${tables.values}`);
    if (tables.ratios) console.log(`\nRatios against \`${BASELINE}\`:\n\n${tables.ratios}`);
  }
  const details = list.map((r) => {
    const stages = r.taps.map((t) => `${t.name}@${t.stage}`).join(', ') || 'no processAssets tap found';
    const outside = r.tapsOutsideWindow.length
      ? ` — **outside the timing window: ${r.tapsOutsideWindow.map((t) => `${t.name}@${t.stage}`).join(', ')}**`
      : '';
    const extra = [
      r.bytesDifferBetweenRuns && 'compressed bytes differ between runs',
      r.lingeringProcess && 'the build process stayed alive after compiler.close()',
      r.badFiles.length && `bad: ${r.badFiles.slice(0, 5).join(', ')}`,
      r.warnings.length && `${r.warnings.length} webpack warnings`,
    ].filter(Boolean);
    return (
      `- ${r.name}: ${encodedFiles(r)} files (${r.uncompressedFiles} matching files ` +
      `left uncompressed by minRatio), ${r.checkedFiles} round trips checked; taps: ${stages}${outside}; ` +
      `1-min load average after its builds ${r.loadAverage.min}–${r.loadAverage.max} on ${cores} cores` +
      (r.warmWallMs ? `; warm rebuild wall ${(r.warmWallMs / 1000).toFixed(1)} s` : '') +
      (extra.length ? `; ${extra.join('; ')}` : '')
    );
  });
  console.log(`\n${details.join('\n')}`);
}

const zstd = zstdFigures(results);
if (Object.values(results).some((list) => list.some((r) => zstdTableContenders.includes(r.name)))) {
  const medians = workloads
    .map((w) => (w === 'app' ? `app: median of ${runs} cold builds` : 'synthetic: as in B'))
    .join('; ');
  const names = zstdTableContenders.map((name) => `\`${name}\``).join(', ');
  console.log(
    `\n## C. zstd 19 against brotli 11 and gzip 9 — ${names}, one algorithm per build (${medians})\n\n` +
      zstdTable(zstd),
  );
}

const targets = targetResults(results, BASELINE);
if (targets.length) {
  console.log(`\n## Targets from the issue (ratios against \`${BASELINE}\`)\n\n${targetsTable(targets)}`);
}

const jsonFile = path.join(repoRoot, 'bench/out/compress.json');
await mkdir(path.dirname(jsonFile), { recursive: true });
const report = {
  date: new Date().toISOString(),
  node: process.version,
  webpack: webpackVersion,
  cores,
  options: { workloads, runs, syntheticRuns, synthetic: SYNTHETIC, test: String(test) },
  baseline: BASELINE,
  contenders: status,
  results,
  targets: targets.map(({ digits: _digits, ...row }) => row),
  zstd,
};
await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nJSON: ${path.relative(repoRoot, jsonFile)}`);

// An encoding that does not decode to its original fails the run, whichever table its contender is in.
const bad = Object.entries(results).flatMap(([workload, list]) =>
  list
    .filter((r) => r.badRoundTrips > 0)
    .map((r) => `${r.name} (${workload}): ${r.badFiles.slice(0, 5).join(', ')}`),
);
if (bad.length) {
  console.log(`\n**Bad round trips** — ${bad.join('; ')}`);
  console.error(`[bench] bad round trips: ${bad.join('; ')}`);
  process.exitCode = 1;
}
