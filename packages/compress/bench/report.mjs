// Markdown tables of the benchmark: values, ratios against the baseline, the targets, and zstd 19
// against brotli 11 and gzip 9.
import { markdownTable } from '../../../scripts/lib/table.mjs';

const bytes = (value) => value.toLocaleString('en-US');
const ms = (value) =>
  value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value).toLocaleString('en-US')} ms`;
const seconds = (value) => `${(value / 1000).toFixed(1)} s`;
const mib = (value) => `${Math.round(value / 2 ** 20).toLocaleString('en-US')} MiB`;

export const metrics = [
  { key: 'gzipBytes', label: 'gzip bytes', format: bytes, digits: 3 },
  { key: 'brotliBytes', label: 'brotli bytes', format: bytes, digits: 3 },
  { key: 'compressColdMs', label: 'compress time cold', format: ms, digits: 2 },
  { key: 'compressWarmMs', label: 'compress time warm', format: ms, digits: 2 },
  { key: 'wallMs', label: 'build wall', format: seconds, digits: 2 },
  { key: 'peakRssBytes', label: 'peak RSS', format: mib, digits: 2 },
  { key: 'badRoundTrips', label: 'bad round-trips', format: String, digits: 2 },
];

/** The targets, as a maximum ratio against the baseline, per workload and contender. */
export const targets = [
  { workload: 'app', key: 'brotliBytes', max: () => 1 },
  { workload: 'app', key: 'gzipBytes', max: (name) => (name === 'packwise-zopfli' ? 0.97 : 1) },
  { workload: 'app', key: 'compressColdMs', max: () => 1 },
  { workload: 'app', key: 'compressWarmMs', label: 'compress time warm rebuild', max: () => 0.1 },
  { workload: 'synthetic', key: 'brotliBytes', max: () => 1 },
  { workload: 'synthetic', key: 'gzipBytes', max: (name) => (name === 'packwise-zopfli' ? 0.97 : 1) },
  { workload: 'synthetic', key: 'compressColdMs', label: 'compress time', max: () => 1 },
  { workload: 'synthetic', key: 'peakRssBytes', max: () => 0.6 },
];
/** Contenders the targets are for. */
export const targeted = ['packwise', 'packwise-zopfli'];

export function ratio(result, baseline, key) {
  const value = result[key];
  const base = baseline?.[key];
  if (value === undefined || base === undefined) return undefined;
  if (base === 0) return value === 0 ? 1 : Infinity;
  return value / base;
}

const formatRatio = (value, digits) =>
  value === undefined ? '—' : Number.isFinite(value) ? `${value.toFixed(digits)}×` : '∞';

/** The zstd table's contenders, one algorithm each at the plugin's default level: zstd, then its rivals. */
export const algorithmRows = [
  { contender: 'packwise-zstd', key: 'zstdBytes', label: 'zstd 19' },
  { contender: 'packwise-brotli', key: 'brotliBytes', label: 'brotli 11' },
  { contender: 'packwise-gzip', key: 'gzipBytes', label: 'gzip 9' },
];
export const zstdTableContenders = algorithmRows.map((row) => row.contender);

/** Per workload and algorithm label, `{ bytes, compressMs }` (`undefined` for a contender that did not run). */
export function zstdFigures(byWorkload) {
  return Object.fromEntries(
    Object.entries(byWorkload).map(([workload, results]) => [
      workload,
      Object.fromEntries(
        algorithmRows.map(({ contender, key, label }) => {
          const result = results.find((r) => r.name === contender);
          return [label, { bytes: result?.[key], compressMs: result?.compressColdMs }];
        }),
      ),
    ]),
  );
}

/** zstd 19's bytes and compression time, and their ratios to brotli 11's and gzip 9's; a column a workload. */
export function zstdTable(figures) {
  const workloads = Object.keys(figures);
  const [zstd, ...rivals] = algorithmRows.map((row) => row.label);
  const rows = [];
  for (const { field, noun, format, digits } of [
    { field: 'bytes', noun: 'bytes', format: bytes, digits: 3 },
    { field: 'compressMs', noun: 'compression time', format: ms, digits: 2 },
  ]) {
    for (const label of [zstd, ...rivals]) {
      rows.push([
        `${label} ${noun}`,
        ...workloads.map((w) => {
          const value = figures[w][label][field];
          return value === undefined ? '—' : format(value);
        }),
      ]);
    }
    for (const rival of rivals) {
      rows.push([
        `${zstd} ${noun} ÷ ${rival}`,
        ...workloads.map((w) => formatRatio(ratio(figures[w][zstd], figures[w][rival], field), digits)),
      ]);
    }
  }
  return markdownTable(['one algorithm per build', ...workloads.map((w) => `>${w}`)], rows);
}

/** Values and ratio tables of one workload's results (`ok` results only). */
export function workloadTables(results, baselineName) {
  const shown = metrics.filter((metric) => results.some((r) => r[metric.key] !== undefined));
  const headers = ['contender', ...shown.map((metric) => `>${metric.label}`)];
  const values = results.map((r) => [
    r.name,
    ...shown.map((metric) => (r[metric.key] === undefined ? '—' : metric.format(r[metric.key]))),
  ]);
  const baseline = results.find((r) => r.name === baselineName);
  const ratios = baseline
    ? results.map((r) => [
        r.name,
        ...shown.map((metric) => formatRatio(ratio(r, baseline, metric.key), metric.digits)),
      ])
    : undefined;
  return {
    values: markdownTable(headers, values),
    ratios: ratios && markdownTable(headers, ratios),
  };
}

/** Rows of the targets table, and the same as data for the JSON report. */
export function targetResults(byWorkload, baselineName) {
  const rows = [];
  for (const target of targets) {
    const results = byWorkload[target.workload] ?? [];
    const baseline = results.find((r) => r.name === baselineName);
    const metric = metrics.find((m) => m.key === target.key);
    for (const result of results.filter((r) => targeted.includes(r.name))) {
      const measured = ratio(result, baseline, target.key);
      if (measured === undefined) continue;
      const max = target.max(result.name);
      rows.push({
        contender: result.name,
        workload: target.workload,
        metric: target.label ?? metric.label,
        target: max,
        measured,
        met: measured <= max,
        digits: metric.digits,
      });
    }
  }
  return rows;
}

export function targetsTable(rows) {
  return markdownTable(
    ['contender', 'workload', 'metric', '>target', '>measured', 'met?'],
    rows.map((row) => [
      row.contender,
      row.workload,
      row.metric,
      `≤${row.target.toFixed(2)}×`,
      formatRatio(row.measured, row.digits),
      row.met ? 'met' : '**missed**',
    ]),
  );
}
