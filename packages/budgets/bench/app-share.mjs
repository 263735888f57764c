// The plugin's added time on the example app build: builds with and without BudgetsPlugin, alternating, each
// in a fresh process (app-build-once.mjs). Whole-build wall time varies by more than the 3 % target between
// builds, so the plugin's time is measured directly (its PROCESS_ASSETS_STAGE_REPORT window) and reported as
// a share of the build's wall time.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { median } from './stats.mjs';
import { outRoot } from './workloads.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);
const log = (message) => console.error(message);

export const APP_CONFIG = 'bench/configs/vendor-chunks.cjs';
export const APP_BUDGETS = [
  { path: '*.js', limit: '1 MB' },
  { initial: true, limit: '1 MB' },
];

async function buildOnce(job) {
  let child;
  try {
    child = await run(process.execPath, [path.join(here, 'app-build-once.mjs'), JSON.stringify(job)], {
      cwd: here,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 15 * 60 * 1000,
    });
  } catch (error) {
    const detail = (error.stderr || error.message).trim().split('\n').slice(-15).join('\n');
    throw new Error(`example app build (budgets: ${job.budgets}) failed:\n${detail}`, { cause: error });
  }
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1));
  if (result.errors.length > 0)
    throw new Error(
      `example app build (budgets: ${job.budgets}) has errors:\n${result.errors.join('\n').slice(0, 2000)}`,
    );
  result.lingered = child.stderr.includes('process still alive');
  return result;
}

const brief = (b) =>
  `${(b.wallMs / 1000).toFixed(1)} s wall, REPORT window ${b.reportMs.toFixed(1)} ms, ` +
  `${Math.round(b.maxRssBytes / 2 ** 20)} MiB`;

/** `runs` builds with the plugin and `runs` without, alternating; medians and every build's numbers. */
export async function measureAppShare({ runs }) {
  const appOut = path.join(outRoot, 'app');
  await rm(appOut, { recursive: true, force: true });
  const builds = { with: [], without: [] };
  for (let i = 1; i <= runs; i += 1) {
    for (const variant of ['without', 'with']) {
      log(`[app] build ${i}/${runs} ${variant} BudgetsPlugin`);
      const outDir = path.join(appOut, `${variant}-${i}`);
      builds[variant].push(await buildOnce({ outDir, budgets: variant === 'with' }));
      log(`[app]   ${brief(builds[variant].at(-1))}`);
    }
  }
  const summary = (list) => ({
    wallMs: median(list.map((b) => b.wallMs)),
    reportMs: median(list.map((b) => b.reportMs)),
    peakRssBytes: median(list.map((b) => b.maxRssBytes)),
  });
  const withPlugin = summary(builds.with);
  const without = summary(builds.without);
  // Per build: the plugin's window, less what the same window takes without it, over that build's wall time.
  const shares = builds.with.map((b) => Math.max(0, b.reportMs - without.reportMs) / b.wallMs);
  const [first] = builds.with;
  return {
    config: APP_CONFIG,
    budgets: APP_BUDGETS,
    runs,
    with: withPlugin,
    without,
    pluginMs: Math.max(0, withPlugin.reportMs - without.reportMs),
    share: median(shares),
    wallDelta: withPlugin.wallMs / without.wallMs - 1,
    reportStageTaps: { with: first.reportStageTaps, without: builds.without[0].reportStageTaps },
    assets: first.assets,
    compressedAssets: first.compressedAssets,
    budgetsLog: [...new Set(builds.with.flatMap((b) => b.budgetsLog))],
    warnings: [...new Set([...builds.with, ...builds.without].flatMap((b) => b.warnings))],
    lingeringProcess: [...builds.with, ...builds.without].some((b) => b.lingered),
    builds: Object.fromEntries(
      Object.entries(builds).map(([variant, list]) => [
        variant,
        list.map(({ wallMs, reportMs, maxRssBytes }) => ({ wallMs, reportMs, maxRssBytes })),
      ]),
    ),
  };
}
