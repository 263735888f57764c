// `npm run bench`: builds fixtures/example-app with every config in bench/configs.mjs side by side and
// prints a Markdown table (and writes bench/out/results.json). Options: --runs N (default 3), --only A,B.
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs, promisify } from 'node:util';
import { appDir, repoRoot, wholeNumber } from '../scripts/lib/app-build.mjs';
import { totals } from '../scripts/lib/measure.mjs';
import { markdownTable } from '../scripts/lib/table.mjs';
import { appEdit, configs } from './configs.mjs';

const require = createRequire(import.meta.url);
const { formatBytes } = require('@packwise/core');
const run = promisify(execFile);

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, only: { type: 'string' } },
});
const runs = wholeNumber(args.runs, '--runs');
const outRoot = path.join(repoRoot, 'bench/out');

async function buildOnce(configFile, env) {
  const { stdout } = await run(
    process.execPath,
    [path.join(repoRoot, 'bench/build-once.mjs'), JSON.stringify({ configFile, env })],
    {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const result = JSON.parse(stdout.trim().split('\n').at(-1));
  if (result.errors.length > 0)
    throw new Error(`${configFile} failed to build:\n${result.errors.join('\n')}`);
  return result;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Files of `after` whose names `before` did not have: what a returning visitor downloads again. */
function changedFiles(before, after) {
  const known = new Set(before.files.map((file) => file.name));
  return after.files.filter((file) => !known.has(file.name));
}
const sharedBytes = (files, key) =>
  Math.round(files.reduce((sum, file) => sum + file.raw * (file.shares[key] ?? 0), 0));

async function benchConfig({ name, file }) {
  const work = path.join(appDir, '.bench', name);
  const srcDir = path.join(work, 'src');
  const out = (label) => path.join(outRoot, name, label);
  await rm(work, { recursive: true, force: true });
  await rm(path.join(outRoot, name), { recursive: true, force: true });
  await cp(path.join(appDir, 'src'), srcDir, { recursive: true });

  const cold = [];
  for (let i = 1; i <= runs; i += 1) {
    console.error(`[${name}] cold build ${i}/${runs}`);
    cold.push(await buildOnce(file, { outDir: out(`cold-${i}`), srcDir }));
  }
  console.error(`[${name}] upgrade build`);
  const upgraded = await buildOnce(file, { outDir: out('upgrade'), srcDir, upgrade: true });

  console.error(`[${name}] filling the filesystem cache`);
  const cacheDir = path.join(work, 'cache');
  const cached = await buildOnce(file, { outDir: out('warm-0'), srcDir, cacheDir });
  const warm = [];
  const editedFile = path.join(srcDir, appEdit.file);
  const original = await readFile(editedFile, 'utf8');
  if (!original.includes(appEdit.text))
    throw new Error(`${appEdit.file} no longer contains "${appEdit.text}"`);
  for (let i = 1; i <= runs; i += 1) {
    console.error(`[${name}] warm rebuild ${i}/${runs} after editing ${appEdit.file}`);
    await writeFile(editedFile, original.replace(appEdit.text, `${appEdit.text} (edit ${i})`));
    warm.push(await buildOnce(file, { outDir: out(`warm-${i}`), srcDir, cacheDir }));
  }
  await rm(work, { recursive: true, force: true });

  const baseline = cold[0];
  const upgradeChanged = changedFiles(baseline, upgraded);
  const dependencyBytes = sharedBytes(upgraded.files, 'dependency');
  if (dependencyBytes === 0) throw new Error(`[${name}] the upgraded dependency is not in the bundle`);
  const appChanged = changedFiles(cached, warm[0]);
  if (appChanged.length === 0) throw new Error(`[${name}] editing ${appEdit.file} changed no file name`);
  const initialFiles = baseline.files.filter((f) => f.initial);

  return {
    name,
    config: file,
    coldMs: median(cold.map((r) => r.wallMs)),
    warmMs: median(warm.map((r) => r.wallMs)),
    peakRssBytes: median(cold.map((r) => r.maxRssBytes)),
    total: totals(baseline.files),
    initial: totals(initialFiles),
    assetFiles: baseline.assetFiles,
    upgrade: {
      changedFiles: upgradeChanged.map((f) => f.name),
      changedBytes: totals(upgradeChanged).raw,
      dependencyBytes,
      ratio: totals(upgradeChanged).raw / dependencyBytes,
    },
    appChange: {
      changedFiles: appChanged.map((f) => f.name),
      changedBytes: totals(appChanged).raw,
      vendorChangedBytes: sharedBytes(appChanged, 'vendor'),
    },
    warnings: [...new Set([...cold, upgraded, cached, ...warm].flatMap((r) => r.warnings))],
    runs: { coldMs: cold.map((r) => r.wallMs), warmMs: warm.map((r) => r.wallMs) },
  };
}

const only = args.only?.split(',');
const selected = configs.filter((config) => !only || only.includes(config.name));
if (selected.length === 0) throw new Error(`No config named "${args.only}" in bench/configs.mjs`);
const results = [];
for (const config of selected) results.push(await benchConfig(config));

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const metrics = [
  ['>cold build', (r) => r.coldMs, seconds],
  ['>warm rebuild', (r) => r.warmMs, seconds],
  ['>JS+CSS+HTML raw', (r) => r.total.raw, formatBytes],
  ['>gzip', (r) => r.total.gzip, formatBytes],
  ['>brotli', (r) => r.total.brotli, formatBytes],
  ['>initial requests', (r) => r.initial.files, String],
  ['>image/font files', (r) => r.assetFiles, String],
  ['>initial brotli', (r) => r.initial.brotli, formatBytes],
  ['>peak RSS', (r) => r.peakRssBytes, (v) => formatBytes(v, { standard: 'iec' })],
  ['>upgrade re-download', (r) => r.upgrade.changedBytes, formatBytes],
  ['>÷ dependency bytes', (r) => r.upgrade.ratio, (v) => `${v.toFixed(1)}×`],
  ['>app change: vendor bytes', (r) => r.appChange.vendorChangedBytes, formatBytes],
];
const first = results[0];
const valueRows = results.map((r) => [r.name, ...metrics.map(([, get, format]) => format(get(r)))]);
const ratioRows = results.map((r) => [
  r.name,
  ...metrics.map(([, get]) =>
    get(first) === 0 ? (get(r) === 0 ? '1.00×' : 'n/a') : `${(get(r) / get(first)).toFixed(2)}×`,
  ),
]);
const headers = ['config', ...metrics.map(([label]) => label)];

console.log(`## Benchmark: fixtures/example-app (median of ${runs} runs)\n`);
console.log(markdownTable(headers, valueRows));
console.log(`\nRatios against \`${first.name}\`:\n`);
console.log(markdownTable(headers, ratioRows));
for (const r of results) {
  console.log(
    `\n- ${r.name}: upgrade (date-fns 3.6 → 4.1) re-downloads ${r.upgrade.changedFiles.length} files; ` +
      `an app-only edit renames ${r.appChange.changedFiles.join(', ')}${r.warnings.length ? `; ${r.warnings.length} warnings` : ''}`,
  );
}

await mkdir(outRoot, { recursive: true });
const report = { date: new Date().toISOString(), node: process.version, runs, results };
await writeFile(path.join(outRoot, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nJSON: ${path.relative(repoRoot, path.join(outRoot, 'results.json'))}`);
