// Markdown tables of the benchmark: values, ratios against size-limit, the app share and the targets.
import { markdownTable } from '../../../scripts/lib/table.mjs';
import { ratio } from './stats.mjs';

const seconds = (ms) =>
  ms === undefined ? '—' : ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes) =>
  bytes === undefined ? '—' : `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MiB`;
const times = (value, digits = 2) =>
  value === undefined ? '—' : Number.isFinite(value) ? `${value.toFixed(digits)}×` : '∞';
const percent = (value, digits = 2) => `${(value * 100).toFixed(digits)} %`;

/** The targets for the dist workloads: packwise's wall time over size-limit's. */
export const DIST_TARGETS = { A: 0.25, B: 1.0 };
export const APP_SHARE_TARGET = 0.03;

function sizesCell(result) {
  const v = result.verification;
  if (result.parseError) return `**no JSON output**`;
  if (!v) return '—';
  if (v.checks) return v.checks.every((c) => c.equal) ? 'sums = brotli-11 of the files' : '**sums differ**';
  const bad = v.missing + v.mismatches + v.spotMismatches.length;
  return bad === 0
    ? `${v.assets} files equal; ${v.spotChecked} spot-checked`
    : `**${v.missing} missing, ${v.mismatches} differ, ${v.spotMismatches.length} spot checks differ**`;
}

/** Values of every contender on every dist workload. */
export function distTable(results) {
  return markdownTable(
    [
      'workload',
      'contender',
      '>runs',
      '>wall (median)',
      '>wall of each run',
      '>CPU (median)',
      '>peak RSS',
      '>load before',
      '>exit',
      '>budgets passed',
      'sizes',
    ],
    results.map((r) => [
      r.workload,
      r.name,
      r.runs.length,
      seconds(r.wallMs),
      r.runs.map((run) => seconds(run.wallMs)).join(', '),
      seconds(r.cpuMs),
      mib(r.peakRssBytes),
      r.loadAverage.min === r.loadAverage.max
        ? r.loadAverage.min.toFixed(1)
        : `${r.loadAverage.min.toFixed(1)}–${r.loadAverage.max.toFixed(1)}`,
      r.exitCodes.join(', '),
      r.budgetsChecked === undefined ? '—' : `${r.budgetsPassed}/${r.budgetsChecked}`,
      sizesCell(r),
    ]),
  );
}

/** Ratios against the baseline on the same workload. */
export function ratioTable(results, baselineName) {
  const rows = results
    .filter((r) => r.name !== baselineName)
    .map((r) => {
      const base = results.find((b) => b.workload === r.workload && b.name === baselineName);
      return [
        r.workload,
        r.name,
        times(ratio(r.wallMs, base?.wallMs), 3),
        times(ratio(r.cpuMs, base?.cpuMs), 3),
        times(ratio(r.peakRssBytes, base?.peakRssBytes)),
      ];
    });
  return markdownTable(['workload', 'contender', '>wall', '>CPU', '>peak RSS'], rows);
}

/** The example-app builds with and without the plugin. */
export function appTable(app) {
  return markdownTable(
    ['build', '>builds', '>build wall (median)', '>REPORT-stage window (median)', '>peak RSS (median)'],
    [
      [
        'without BudgetsPlugin',
        app.runs,
        seconds(app.without.wallMs),
        `${app.without.reportMs.toFixed(1)} ms`,
        mib(app.without.peakRssBytes),
      ],
      [
        'with BudgetsPlugin',
        app.runs,
        seconds(app.with.wallMs),
        `${app.with.reportMs.toFixed(1)} ms`,
        mib(app.with.peakRssBytes),
      ],
    ],
  );
}

/** Rows of the targets table (also the JSON report's `targets`). */
export function targetRows(results, baselineName, app) {
  const rows = [];
  for (const [workload, max] of Object.entries(DIST_TARGETS)) {
    const base = results.find((r) => r.workload === workload && r.name === baselineName);
    const packwise = results.find((r) => r.workload === workload && r.name === 'packwise');
    const measured = ratio(packwise?.wallMs, base?.wallMs);
    if (measured === undefined) continue;
    rows.push({
      target: `${workload}: \`packwise check --dir\` wall time vs size-limit`,
      limit: `≤ ${max.toFixed(2)}×`,
      measured: times(measured, 3),
      value: measured,
      met: measured <= max,
    });
  }
  if (app) {
    rows.push({
      target:
        "example app: BudgetsPlugin's time as a share of the build's wall time (compression plugins present)",
      limit: `≤ ${percent(APP_SHARE_TARGET, 0)}`,
      measured: percent(app.share),
      value: app.share,
      met: app.share <= APP_SHARE_TARGET,
    });
  }
  return rows;
}

export function targetsTable(rows) {
  return markdownTable(
    ['target', '>limit', '>measured', 'met?'],
    rows.map((row) => [row.target, row.limit, row.measured, row.met ? 'met' : '**missed**']),
  );
}
