// One build in a fresh process, so that wall time and peak RSS belong to that build alone.
// Usage: node bench/build-once.mjs '{"workload":"app"|"synthetic","contender":"cwp","outDir":"...",
//   "env":{...}}'  -> one JSON line on stdout: wallMs, compressMs, maxRssBytes, taps, errors, warnings.
import os from 'node:os';
import { loadConfig, runBuild } from '../../../scripts/lib/app-build.mjs';
import { contenders, loadContender } from './contenders.mjs';
import { syntheticConfig } from './synthetic.mjs';
import { CompressTimingPlugin } from './timing-plugin.mjs';

const APP_CONFIG = 'fixtures/example-app/webpack.today.cjs';

const job = JSON.parse(process.argv[2]);
const contender = contenders.find((c) => c.name === job.contender);
if (!contender) throw new Error(`unknown contender ${job.contender}`);
const loaded = loadContender(contender);
if (loaded.error) throw new Error(loaded.error);

function configFor() {
  if (job.workload === 'synthetic') return syntheticConfig({ outDir: job.outDir, ...job.synthetic });
  const config = loadConfig(APP_CONFIG, { ...job.env, outDir: job.outDir });
  const kept = config.plugins.filter((plugin) => plugin?.constructor?.name !== 'CompressionPlugin');
  if (config.plugins.length - kept.length !== 2)
    throw new Error(`expected 2 CompressionPlugin instances in ${APP_CONFIG}`);
  return { ...config, plugins: kept };
}

const config = configFor();
const plugins = loaded.plugins();
const timing = new CompressTimingPlugin([
  ...plugins.map((plugin) => plugin.constructor.name),
  ...(loaded.plugins.tapNames ?? []),
]);
config.plugins = [...config.plugins, ...plugins, timing];

const { stats, wallMs } = await runBuild(config);
const maxRssBytes = process.resourceUsage().maxRSS * 1024;
const { errors, warnings } = stats.toJson({ all: false, errors: true, warnings: true });

process.stdout.write(
  `${JSON.stringify({
    wallMs,
    compressMs: timing.compressMs,
    windows: timing.windows.length,
    maxRssBytes,
    loadAverage: os.loadavg()[0],
    taps: timing.taps,
    tapsOutsideWindow: timing.tapsOutsideWindow,
    errors: errors.map((e) => e.message),
    warnings: warnings.map((w) => w.message),
  })}\n`,
);

// A plugin that leaves a handle open (a worker, a timer) would keep this process alive: say so and leave.
setTimeout(() => {
  process.stderr.write('build-once: process still alive 10 s after the build closed (open handles)\n');
  process.exit(0);
}, 10_000).unref();
