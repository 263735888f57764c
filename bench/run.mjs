// `npm run bench:app`: builds each fixture in bench/configs.mjs with every one of its configs side by side and
// prints per fixture a Markdown table of the whole app, one per route and one of the build phases (and writes
// bench/out/results.json).
// Options: --runs N (default 3), --only A,B (config names), --fixture A,B (fixture names; default all).
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs, promisify } from 'node:util';
import { repoRoot, wholeNumber } from '../scripts/lib/app-build.mjs';
import { totals } from '../scripts/lib/measure.mjs';
import { markdownTable } from '../scripts/lib/table.mjs';
import { fixtures } from './configs.mjs';
import { PHASES } from './phases.mjs';

const require = createRequire(import.meta.url);
const { formatBytes } = require('@packwise/core');
const run = promisify(execFile);

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    fixture: { type: 'string' },
  },
});
const runs = wholeNumber(args.runs, '--runs');
const outRoot = path.join(repoRoot, 'bench/out');
/**
 * The per-route ratios, each printed where a fixture has both configs: `preset` against the same config with
 * webpack's default split, and the Rspack preset against the webpack preset.
 */
const RATIOS = [
  { config: 'preset', against: 'preset-default-split' },
  { config: 'rspack-preset', against: 'preset' },
];

async function buildOnce(job) {
  const { stdout } = await run(
    process.execPath,
    [path.join(repoRoot, 'bench/build-once.mjs'), JSON.stringify(job)],
    {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const result = JSON.parse(stdout.trim().split('\n').at(-1));
  if (result.errors.length > 0)
    throw new Error(`${job.configFile} failed to build:\n${result.errors.join('\n')}`);
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
/** Each phase's median over runs, and the median process time as `total`. */
const medianPhases = (builds) => ({
  ...Object.fromEntries(
    Object.keys(PHASES).map((phase) => [phase, median(builds.map((r) => r.phases[phase]))]),
  ),
  total: median(builds.map((r) => r.processMs)),
});
/** One build's timing as results.json keeps it (bench/phases.mjs). */
const timingOf = ({ processMs, wallMs, phases, steps, taps, cacheStores }) => ({
  processMs,
  compilerMs: wallMs,
  phases,
  steps,
  taps,
  cacheStores,
});

const sharedBytes = (files, key) =>
  Math.round(files.reduce((sum, file) => sum + file.raw * (file.shares[key] ?? 0), 0));

/**
 * What each route of a build downloads, counting only emitted files (the preset inlines the runtime into the
 * page and deletes runtime.js). An entry is the first page: the page plus what it loads (`initial`).
 */
function routeFigures(build) {
  const emitted = new Map(build.files.map((file) => [file.name, file]));
  const initial = totals(build.files.filter((file) => file.initial));
  return build.routes.map(({ name, entry, files }) => {
    const fetched = entry ? [] : files.filter((file) => emitted.has(file));
    const sum = entry ? initial : totals(fetched.map((file) => emitted.get(file)));
    return { name, entry, files: entry ? [] : fetched, requests: sum.files, brotli: sum.brotli };
  });
}

async function benchConfig(fixture, { name, file, transform, bundler }) {
  const appDir = path.join(repoRoot, fixture.appDir);
  const { appEdit, upgradedPackages } = fixture;
  const label = `${fixture.name}/${name}`;
  const work = path.join(appDir, '.bench', name);
  const srcDir = path.join(work, 'src');
  const out = (step) => path.join(outRoot, fixture.name, name, step);
  // On Rspack, whose getCache is memory-only, @packwise/compress keeps a disk cache of its own and budgets the
  // configs it validated, in the app's node_modules/.cache (compress's beside a cache directory when there is
  // one): a cold build starts without them, as without any other cache.
  const ownCaches = ['packwise-compress', 'packwise-budgets'].map((name) =>
    path.join(appDir, 'node_modules/.cache', name),
  );
  const build = async (env) => {
    if (!env.cacheDir) await Promise.all(ownCaches.map((dir) => rm(dir, { recursive: true, force: true })));
    return buildOnce({ configFile: file, transform, env, upgradedPackages, bundler });
  };
  await rm(work, { recursive: true, force: true });
  await rm(path.join(outRoot, fixture.name, name), { recursive: true, force: true });
  await cp(path.join(appDir, 'src'), srcDir, { recursive: true });

  const cold = [];
  for (let i = 1; i <= runs; i += 1) {
    console.error(`[${label}] cold build ${i}/${runs}`);
    cold.push(await build({ outDir: out(`cold-${i}`), srcDir }));
  }
  console.error(`[${label}] upgrade build`);
  const upgraded = await build({ outDir: out('upgrade'), srcDir, upgrade: true });

  console.error(`[${label}] filling the filesystem cache`);
  const cacheDir = path.join(work, 'cache');
  const cached = await build({ outDir: out('warm-0'), srcDir, cacheDir });
  const warm = [];
  const editedFile = path.join(srcDir, appEdit.file);
  const original = await readFile(editedFile, 'utf8');
  if (!original.includes(appEdit.text))
    throw new Error(`${fixture.appDir}/src/${appEdit.file} no longer contains "${appEdit.text}"`);
  for (let i = 1; i <= runs; i += 1) {
    console.error(`[${label}] warm rebuild ${i}/${runs} after editing ${appEdit.file}`);
    await writeFile(editedFile, original.replace(appEdit.text, `${appEdit.text} (edit ${i})`));
    warm.push(await build({ outDir: out(`warm-${i}`), srcDir, cacheDir }));
  }
  await rm(work, { recursive: true, force: true });

  const baseline = cold[0];
  const upgradeChanged = changedFiles(baseline, upgraded);
  const dependencyBytes = sharedBytes(upgraded.files, 'dependency');
  if (dependencyBytes === 0)
    throw new Error(`[${label}] the upgraded dependency (${upgradedPackages[0]}) is not in the bundle`);
  const appChanged = changedFiles(cached, warm[0]);
  if (appChanged.length === 0) throw new Error(`[${label}] editing ${appEdit.file} changed no file name`);

  return {
    name,
    config: file,
    ...(transform ? { transform } : {}),
    bundler: bundler ?? 'webpack',
    coldMs: median(cold.map((r) => r.processMs)),
    warmMs: median(warm.map((r) => r.processMs)),
    peakRssBytes: median(cold.map((r) => r.maxRssBytes)),
    total: totals(baseline.files),
    initial: totals(baseline.files.filter((f) => f.initial)),
    assetFiles: baseline.assetFiles,
    routes: routeFigures(baseline),
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
    runs: {
      coldMs: cold.map((r) => r.processMs),
      warmMs: warm.map((r) => r.processMs),
      coldCompilerMs: cold.map((r) => r.wallMs),
      warmCompilerMs: warm.map((r) => r.wallMs),
    },
    phases: {
      cold: medianPhases(cold),
      warm: medianPhases(warm),
      runs: { cold: cold.map(timingOf), fill: timingOf(cached), warm: warm.map(timingOf) },
    },
  };
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const times = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '∞');
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

/** The whole-app table: values, then ratios against the first config. */
function printWholeApp(fixture, results) {
  const first = results[0];
  const valueRows = results.map((r) => [r.name, ...metrics.map(([, get, format]) => format(get(r)))]);
  const ratioRows = results.map((r) => [
    r.name,
    ...metrics.map(([, get]) =>
      get(first) === 0 ? (get(r) === 0 ? '1.00×' : 'n/a') : times(get(r) / get(first)),
    ),
  ]);
  const headers = ['config', ...metrics.map(([label]) => label)];
  console.log(`## Benchmark: ${fixture.appDir} (median of ${runs} runs)\n`);
  console.log(markdownTable(headers, valueRows));
  console.log(`\nRatios against \`${first.name}\`:\n`);
  console.log(markdownTable(headers, ratioRows));
  for (const r of results) {
    console.log(
      `\n- ${r.name}: upgrade (${fixture.upgradeLabel}) re-downloads ${r.upgrade.changedFiles.length} files; ` +
        `an app-only edit renames ${r.appChange.changedFiles.join(', ')}${r.warnings.length ? `; ${r.warnings.length} warnings` : ''}`,
    );
  }
}

/** `a` ÷ `b` in brotli bytes of one route; a route that is empty in both is 1×. */
const routeRatio = (a, b) => (b.brotli === 0 ? (a.brotli === 0 ? 1 : Infinity) : a.brotli / b.brotli);

/**
 * Route by route (first page first, then lazy routes by name): each config's brotli bytes and requests, each
 * ratio of RATIOS whose two configs were built, the worst route of each and each config's most requests.
 */
function routeTable(results) {
  const figures = results.map((r) => new Map(r.routes.map((route) => [route.name, route])));
  const entries = new Set(
    results.flatMap((r) => r.routes.filter((route) => route.entry).map((route) => route.name)),
  );
  const names = [...new Set(results.flatMap((r) => r.routes.map((route) => route.name)))].sort(
    (a, b) => Number(entries.has(b)) - Number(entries.has(a)) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const index = (name) => results.findIndex((r) => r.name === name);
  const ratios = RATIOS.map((ratio) => ({
    ...ratio,
    mine: index(ratio.config),
    theirs: index(ratio.against),
  }))
    .filter(({ mine, theirs }) => mine >= 0 && theirs >= 0)
    .map(({ mine, theirs, ...ratio }) => ({
      ...ratio,
      byRoute: new Map(
        names.flatMap((name) => {
          const [a, b] = [figures[mine].get(name), figures[theirs].get(name)];
          return a && b ? [[name, routeRatio(a, b)]] : [];
        }),
      ),
    }));
  const rows = names.map((name) => ({
    name,
    entry: entries.has(name),
    ratios: ratios.map((ratio) => ratio.byRoute.get(name)),
    configs: figures.map((map) => map.get(name) ?? null),
  }));
  const worst = ratios.map((ratio) => {
    const [name, value] =
      [...ratio.byRoute].reduce((max, next) => (max && max[1] >= next[1] ? max : next), undefined) ?? [];
    return name === undefined ? undefined : { name, ratio: value };
  });
  const maxRequests = Object.fromEntries(
    results.map((r) => [r.name, Math.max(0, ...r.routes.map((route) => route.requests))]),
  );
  return {
    ratios: ratios.map(({ config, against }, i) => ({ config, against, worst: worst[i] })),
    rows,
    maxRequests,
  };
}

function printRoutes(results, table) {
  const ratioHeaders = table.ratios.map((ratio) => `>${ratio.config} ÷ ${ratio.against}`);
  const headers = ['route', ...results.map((r) => `>${r.name}`), ...ratioHeaders];
  const cell = (figure) => (figure ? `${formatBytes(figure.brotli)} / ${figure.requests}` : '—');
  const rows = table.rows.map((row) => [
    row.entry ? `first page (${row.name})` : row.name,
    ...row.configs.map(cell),
    ...row.ratios.map((ratio) => (ratio === undefined ? '—' : times(ratio))),
  ]);
  rows.push([
    '**worst**',
    ...results.map((r) => `max ${table.maxRequests[r.name]} req`),
    ...table.ratios.map(({ worst }) => (worst ? `${times(worst.ratio)} (${worst.name})` : '—')),
  ]);
  console.log(
    `\nPer route: brotli bytes / requests (JS+CSS files; the first page: the HTML page and what it loads, ` +
      `a lazy route: what it fetches beyond the first page), ${table.rows.length} routes:\n`,
  );
  console.log(markdownTable(headers, rows));
  const most = Object.entries(table.maxRequests)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  for (const { config, against, worst } of table.ratios)
    if (worst)
      console.log(`\n- worst ${config} ÷ ${against} of any route: ${times(worst.ratio)} (${worst.name})`);
  console.log(`\n- most requests of any route: ${most}`);
}

/** Issue 15's targets for the Rspack preset, each with its measured value, where the fixture built it. */
function rspackTargets(results, table) {
  const [rspack, webpack, today] = ['rspack-preset', 'preset', 'today'].map((name) =>
    results.find((r) => r.name === name),
  );
  if (!rspack || !webpack || !today) return undefined;
  const firstPage = (r) => r.routes.find((route) => route.entry);
  const routes = table.ratios.find((ratio) => ratio.config === 'rspack-preset')?.worst;
  const rows = [
    ['cold build ÷ today', rspack.coldMs / today.coldMs, 0.2],
    ['warm rebuild ÷ today', rspack.warmMs / today.warmMs, 0.3],
    ['brotli ÷ webpack preset', rspack.total.brotli / webpack.total.brotli, 1.02],
    ['upgrade re-download ÷ dependency bytes', rspack.upgrade.ratio, 1.2],
    ['app change: vendor bytes', rspack.appChange.vendorChangedBytes, 0],
    ['first page ÷ webpack preset', routeRatio(firstPage(rspack), firstPage(webpack)), 1.05],
    [`worst route ÷ webpack preset (${routes?.name ?? '—'})`, routes?.ratio ?? NaN, 1.05],
  ];
  return rows.map(([target, value, bound]) => ({ target, value, bound, met: value <= bound }));
}

function printRspackTargets(targets) {
  const format = (value, bound) => (bound === 0 ? formatBytes(value) : times(value));
  console.log('\nThe Rspack preset against its targets (issue 15):\n');
  console.log(
    markdownTable(
      ['target', '>measured', '>bound', 'met'],
      targets.map(({ target, value, bound, met }) => [
        target,
        format(value, bound),
        format(bound, bound),
        met ? 'yes' : '**no**',
      ]),
    ),
  );
}

const phaseSeconds = (ms) => (ms / 1000).toFixed(2);
/** The build whose process time is the median one (the lower of the two middle ones). */
const medianBuild = (runs) => [...runs].sort((a, b) => a.processMs - b.processMs)[(runs.length - 1) >> 1];
const largest = (entries, count) => entries.sort((a, b) => b[1] - a[1]).slice(0, count);

/**
 * Per config the cold and warm medians of each phase in seconds (`total`: the median process time, which the
 * phase medians add up to exactly with one run), then per config what its median warm rebuild spent most on.
 */
function printPhases(results) {
  const phases = Object.keys(PHASES);
  const headers = ['config', 'build', ...phases.map((phase) => `>${PHASES[phase].label}`), '>total'];
  const rows = results.flatMap((r) =>
    ['cold', 'warm'].map((build) => [
      r.name,
      build,
      ...[...phases, 'total'].map((phase) => phaseSeconds(r.phases[build][phase])),
    ]),
  );
  console.log(`\nPhases (seconds; median of ${runs} runs; process start to compiler closed):\n`);
  console.log(markdownTable(headers, rows));
  for (const r of results) {
    const warm = medianBuild(r.phases.runs.warm);
    const steps = largest(Object.entries(warm.steps), 4).map(([step, ms]) => `${step} ${phaseSeconds(ms)} s`);
    const taps = largest(
      warm.taps.map((tap) => [`${tap.name} (${tap.hook} ${tap.stage})`, tap.ms]),
      3,
    ).map(([tap, ms]) => `${tap} ${phaseSeconds(ms)} s`);
    const stores = Object.entries(warm.cacheStores).map(([name, n]) => `${name} ${n}`);
    console.log(
      `\n- ${r.name} warm: steps ${steps.join(', ')}; taps ${taps.join(', ')}; ` +
        `cache items stored: ${stores.join(', ') || 'none'}`,
    );
  }
}

const pick = (list, option, flag, where) => {
  const names = option?.split(',');
  const unknown = names?.filter((name) => !list.some((item) => item.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`${flag}: no ${unknown.join(', ')} in ${where}`);
  return list.filter((item) => !names || names.includes(item.name));
};
const chosen = pick(fixtures, args.fixture, '--fixture', 'bench/configs.mjs');
const plan = chosen
  .map((fixture) => ({
    fixture,
    configs: fixture.configs.filter((config) => !args.only || args.only.split(',').includes(config.name)),
  }))
  .filter(({ configs }) => configs.length > 0);
pick(
  plan.flatMap(({ configs }) => configs),
  args.only,
  '--only',
  `the configs of ${chosen.map((f) => f.name).join(', ')}`,
);

const report = { date: new Date().toISOString(), node: process.version, runs, fixtures: [] };
for (const [i, { fixture, configs }] of plan.entries()) {
  const results = [];
  for (const config of configs) results.push(await benchConfig(fixture, config));
  const routes = routeTable(results);
  if (i > 0) console.log('');
  printWholeApp(fixture, results);
  printRoutes(results, routes);
  const targets = rspackTargets(results, routes);
  if (targets) printRspackTargets(targets);
  printPhases(results);
  const { configs: _configs, ...described } = fixture;
  report.fixtures.push({ ...described, results, routes, ...(targets ? { rspackTargets: targets } : {}) });
}

await mkdir(outRoot, { recursive: true });
await writeFile(path.join(outRoot, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nJSON: ${path.relative(repoRoot, path.join(outRoot, 'results.json'))}`);
