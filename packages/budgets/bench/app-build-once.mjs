// One production build of fixtures/example-app in a fresh process (bench/configs/vendor-chunks.cjs: today's
// config, with its two compression-webpack-plugin instances, plus @packwise/vendor-chunks), with or without
// BudgetsPlugin, timing the PROCESS_ASSETS_STAGE_REPORT window.
// Usage: node app-build-once.mjs '{"outDir":"...","budgets":true|false}'  -> one JSON line on stdout.
import { createRequire } from 'node:module';
import { loadConfig, runBuild } from '../../../scripts/lib/app-build.mjs';
import { APP_BUDGETS, APP_CONFIG } from './app-share.mjs';
import { ReportStageTimingPlugin } from './report-stage-timing.mjs';

const require = createRequire(import.meta.url);

const job = JSON.parse(process.argv[2]);
const config = loadConfig(APP_CONFIG, { outDir: job.outDir });
const compressors = config.plugins.filter((plugin) => plugin?.constructor?.name === 'CompressionPlugin');
if (compressors.length !== 2) throw new Error(`expected 2 CompressionPlugin instances in ${APP_CONFIG}`);
const timing = new ReportStageTimingPlugin();
const extra = [timing];
if (job.budgets) {
  const { BudgetsPlugin } = require('@packwise/budgets');
  extra.unshift(new BudgetsPlugin({ budgets: APP_BUDGETS }));
}
config.plugins = [...config.plugins, ...extra];

const { stats, wallMs } = await runBuild(config);
const json = stats.toJson({ all: false, errors: true, warnings: true, logging: 'log' });
// Every emitted file (the stats' asset list nests the .gz/.br files under their originals).
const names = Object.keys(stats.compilation.assets);
const budgetsLog = Object.entries(json.logging ?? {})
  .filter(([name]) => name.includes('Budgets'))
  .flatMap(([, group]) => group.entries.map((entry) => entry.message));

process.stdout.write(
  `${JSON.stringify({
    wallMs,
    reportMs: timing.reportMs,
    windows: timing.windows.length,
    reportStageTaps: timing.taps,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    assets: names.length,
    compressedAssets: names.filter((name) => /\.(gz|br)$/.test(name)).length,
    budgetsLog,
    errors: json.errors.map((e) => e.message),
    warnings: json.warnings.map((w) => w.message),
  })}\n`,
);

setTimeout(() => {
  process.stderr.write('app-build-once: process still alive 10 s after the build closed (open handles)\n');
  process.exit(0);
}, 10_000).unref();
