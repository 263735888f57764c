// `npm run bench -w @packwise/budgets`: `packwise check --dir` against size-limit + @size-limit/file (brotli)
// on a synthetic dist of 2,000 files (~100 MB) with .gz/.br siblings (A) and without them (B), every check in
// a fresh process (wall time from spawn to exit, peak RSS from GNU time), then BudgetsPlugin's own time in
// the example app's production build (which has two compression plugins). Prints Markdown tables (values,
// ratios against size-limit, the issue's targets) to stdout, progress to stderr, and writes
// bench/out/budgets.json at the repository root. The dists are generated once and cached in
// bench/out/budgets/ (about 2 minutes on 2 cores: every sibling is real zlib gzip-9 / brotli-11 output).
// Needs `npm run build` at the root first (packages/budgets/dist).
// Options: --runs N (packwise checks per workload, default 3), --baseline-runs N (size-limit checks per
// workload, default 1: each takes about a minute and does the same work on A and B, since it never reads
// the siblings), --app-runs N (example-app builds with and without the plugin, default 3),
// --only dist|app.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { repoRoot, wholeNumber } from '../../../scripts/lib/app-build.mjs';
import { APP_BUDGETS, measureAppShare } from './app-share.mjs';
import { BASELINE, contenders } from './contenders.mjs';
import { canMeasureRss } from './measure-command.mjs';
import { appTable, distTable, ratioTable, targetRows, targetsTable } from './report.mjs';
import { runChecks } from './run-checks.mjs';
import {
  DIST,
  PACKWISE_CONFIG,
  SIZE_LIMIT_CONFIG,
  manifestTotals,
  prepareWorkloads,
  warmPageCache,
} from './workloads.mjs';

const require = createRequire(import.meta.url);

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'baseline-runs': { type: 'string', default: '1' },
    'app-runs': { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
const runs = {
  packwise: wholeNumber(args.runs, '--runs'),
  [BASELINE]: wholeNumber(args['baseline-runs'], '--baseline-runs'),
};
const appRuns = wholeNumber(args['app-runs'], '--app-runs');
if (args.only && !['dist', 'app'].includes(args.only))
  throw new Error(`--only must be dist or app, got ${args.only}`);
const parts = args.only ? [args.only] : ['dist', 'app'];

const notes = [];
const note = (message) => {
  notes.push(`- ${message}`);
  console.error(`[bench] ${message}`);
};

const packwise = contenders.find((c) => c.name === 'packwise');
const missing = parts.includes('dist') && packwise.unavailable();
if (missing) {
  console.error(`[bench] packwise cannot run: ${missing}`);
  process.exit(2);
}

// A. and B.: the dists.
const results = [];
let manifest;
if (parts.includes('dist')) {
  const prepared = await prepareWorkloads();
  manifest = prepared.manifest;
  const { workloads } = prepared;
  console.error('[bench] reading every file once (same page cache for every run)');
  await warmPageCache(workloads);
  const available = contenders.filter((contender) => {
    const why = contender.unavailable();
    if (why) note(`**${contender.name}** skipped: ${why}`);
    return !why;
  });
  for (const workload of workloads) {
    try {
      results.push(...(await runChecks(available, workload, { runs, manifest })));
    } catch (error) {
      note(`the checks on ${workload.id} failed: ${error.message}`);
    }
  }
  for (const r of results) {
    if (r.exitCodes.some((code) => code !== 0))
      note(`${r.name} on ${r.workload} exited with ${r.exitCodes.join(', ')}: ${r.stderr || 'no stderr'}`);
    if (r.parseError) note(r.parseError);
  }
}

// The example app.
let app;
if (parts.includes('app')) {
  try {
    app = await measureAppShare({ runs: appRuns });
  } catch (error) {
    note(`the example-app measurement failed: ${error.message}`);
  }
}

// Report.
const webpackVersion = require('webpack/package.json').version;
const cores = os.availableParallelism();
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(`# @packwise/budgets benchmark\n`);
const machine = `Node ${process.version}, webpack ${webpackVersion}, ${cores} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}.`;
if (parts.includes('dist')) {
  console.log(
    `${machine} Every check runs in a fresh \`node\` process: wall time from spawn to exit, ` +
      `peak RSS and CPU ${canMeasureRss ? "from GNU time's %M, %U + %S" : 'not measured (/usr/bin/time is missing)'}. ` +
      `Runs: packwise ${runs.packwise} per workload, size-limit ${runs[BASELINE]} per workload (each run ` +
      `brotli-compresses all ${DIST.count} files; it does the same work on A and B), alternating between the ` +
      `contenders; the page cache is warm for all. Other work on the machine is not controlled: the ` +
      `1-minute load average before each run is in the table.\n`,
  );
  console.log(contenders.map((c) => `- \`${c.name}\`: ${c.describe()}`).join('\n'));
} else {
  console.log(machine);
}
if (results.length) {
  const totals = manifestTotals(manifest);
  const all = Object.values(totals).reduce(
    (sum, t) => ({
      files: sum.files + t.files,
      raw: sum.raw + t.raw,
      gzip: sum.gzip + t.gzip,
      brotli: sum.brotli + t.brotli,
    }),
    { files: 0, raw: 0, gzip: 0, brotli: 0 },
  );
  console.log(
    `\n## Dists\n\n` +
      `${all.files} files (${Object.entries(totals)
        .map(([kind, t]) => `${t.files} ${kind}`)
        .join(', ')}), ` +
      `${mb(all.raw)} raw, ${mb(all.gzip)} gzip-9 (${(all.gzip / all.raw).toFixed(3)}), ` +
      `${mb(all.brotli)} brotli-11 (${(all.brotli / all.raw).toFixed(3)}); largest ` +
      `${mb(Math.max(...manifest.files.map((f) => f.raw)))}, ` +
      `median ${(manifest.files.map((f) => f.raw).sort((a, b) => a - b)[manifest.files.length >> 1] / 1000).toFixed(0)} kB.\n` +
      `- **A**: with the .gz/.br siblings (zlib gzip level 9, brotli quality 11), ${3 * all.files} files.\n` +
      `- **B**: the same files without siblings (hard links).\n\n` +
      `Budgets (all pass): packwise \`${JSON.stringify(PACKWISE_CONFIG)}\`; size-limit ` +
      `\`${JSON.stringify(SIZE_LIMIT_CONFIG)}\`.\n\nCommands:\n\n` +
      [...new Set(results.map((r) => `    ${r.command}`))].join('\n'),
  );
  console.log(`\n## A and B: values\n\n${distTable(results)}`);
  console.log(`\nRatios against \`${BASELINE}\` (same workload):\n\n${ratioTable(results, BASELINE)}`);
  const details = results
    .filter((r) => r.verification?.assets !== undefined)
    .map((r) => {
      const v = r.verification;
      const spot = v.spotMismatches.length
        ? `, **spot mismatches: ${v.spotMismatches
            .slice(0, 3)
            .map((m) => `${m.name} ${m.encoding} ${m.reported} ≠ ${m.expected}`)
            .join('; ')}**`
        : '';
      const diff = v.mismatches
        ? `, **${v.mismatches} size mismatches, e.g. ${v.mismatchExamples.map((m) => `${m.name} ${m.encoding} ${m.reported} ≠ ${m.expected}`).join('; ')}**`
        : '';
      return (
        `- packwise on ${r.workload}: ${v.assets} assets reported (${v.missing} missing` +
        `${v.extra.length ? `, extra: ${v.extra.join(', ')}` : ''}); raw/gzip/brotli compared with the ` +
        `${r.workload === 'A' ? 'siblings' : 'zlib sizes'} of every file${diff}; ${v.spotChecked} files ` +
        `spot-checked against the ${v.spotAgainst}${spot}.`
      );
    });
  if (details.length) console.log(`\n${details.join('\n')}`);
}
if (app) {
  console.log(
    `\n## Example app: BudgetsPlugin's added time\n\n` +
      `\`${app.config}\` (today's config: two compression-webpack-plugin instances, gzip + brotli-11; ` +
      `@packwise/vendor-chunks), cold builds without cache, alternating without/with ` +
      `\`new BudgetsPlugin({ budgets: ${JSON.stringify(APP_BUDGETS)} })\`, each in a fresh process. The ` +
      `plugin's time is the PROCESS_ASSETS_STAGE_REPORT window (taps at REPORT ∓ 1) less the same window ` +
      `without it.\n\n${appTable(app)}\n\n` +
      `- Plugin time (median window with − median without): ${app.pluginMs.toFixed(1)} ms; share of each ` +
      `build's wall time, median: ${(app.share * 100).toFixed(2)} %. Whole-build wall difference ` +
      `(median with / median without − 1): ${(app.wallDelta * 100).toFixed(1)} % (noise of the whole build).\n` +
      `- Taps at the REPORT stage: with ${app.reportStageTaps.with.join(', ') || 'none'}; ` +
      `without ${app.reportStageTaps.without.join(', ') || 'none'}. ${app.assets} assets emitted, ` +
      `${app.compressedAssets} of them .gz/.br.\n` +
      `- The plugin's log: ${app.budgetsLog.map((line) => `"${line}"`).join('; ') || 'nothing logged'}.` +
      (app.warnings.length
        ? `\n- ${app.warnings.length} webpack warnings, e.g. ${app.warnings[0].slice(0, 200)}`
        : '') +
      (app.lingeringProcess ? '\n- **a build process stayed alive after compiler.close()**' : ''),
  );
}
const targets = targetRows(results, BASELINE, app);
if (targets.length) console.log(`\n## Targets from the issue\n\n${targetsTable(targets)}`);
if (notes.length) console.log(`\n## Notes\n\n${notes.join('\n')}`);

const jsonFile = path.join(repoRoot, 'bench/out/budgets.json');
await mkdir(path.dirname(jsonFile), { recursive: true });
const report = {
  date: new Date().toISOString(),
  node: process.version,
  webpack: webpackVersion,
  cores,
  options: {
    parts,
    runs,
    appRuns,
    dist: DIST,
    packwiseConfig: PACKWISE_CONFIG,
    sizeLimitConfig: SIZE_LIMIT_CONFIG,
  },
  baseline: BASELINE,
  dist: manifest && { totals: manifestTotals(manifest), generateMs: manifest.generateMs },
  results,
  app,
  targets: targets.map(({ target, limit, value, met }) => ({ target, limit, measured: value, met })),
  notes,
};
await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nJSON: ${path.relative(repoRoot, jsonFile)}`);
