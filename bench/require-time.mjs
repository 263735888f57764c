// What a build's `setup` phase spends its time on, each in a fresh process: requiring each module a config may
// need (each alone, so shared dependencies count in each; `webpack` loads its parts lazily, in
// `webpack(config)`); requiring a config file, calling it and creating the compiler; and which packages that
// time goes to, twice: time inside require() by the package of the file required (its nested requires of other
// packages subtracted), and CPU time by package from a profile (node's own frames count for the package that
// called them).
// Usage: node bench/require-time.mjs [--runs N] [--config FILE] (default: fixtures/example-app/webpack.config.cjs)
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { repoRoot, wholeNumber } from '../scripts/lib/app-build.mjs';
import { markdownTable } from '../scripts/lib/table.mjs';

const run = promisify(execFile);
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    config: { type: 'string', default: 'fixtures/example-app/webpack.config.cjs' },
  },
});
const runs = wholeNumber(args.runs, '--runs');
const configFile = path.resolve(repoRoot, args.config);
const TOP = 12;

/** The modules a config of this repository may require, resolved from the config's directory. */
const MODULES = [
  'webpack',
  '@packwise/preset',
  '@packwise/core',
  '@packwise/vendor-chunks',
  '@packwise/inline',
  '@packwise/compress',
  '@packwise/budgets',
  'terser-webpack-plugin',
  'css-minimizer-webpack-plugin',
  'html-webpack-plugin',
  'mini-css-extract-plugin',
  'compression-webpack-plugin',
  '@babel/core',
  '@babel/preset-env',
  'babel-loader',
  'postcss',
  'schema-utils',
];

/** The package a file belongs to: `node_modules/<pkg>`, `@packwise/<x>` for packages/<x>, else the file. */
function packageOfFile(file, root) {
  const inModules = file.match(/.*\/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inModules) return inModules[1];
  const inPackages = file.match(/\/packages\/([^/]+)\//);
  if (inPackages) return `@packwise/${inPackages[1]}`;
  return file.startsWith('/') ? file.slice(root.length + 1) : '(node)';
}

/** Runs `body` in a fresh node process (CommonJS; `load` is `require` from the config's directory). */
async function fresh(body, nodeArgs = []) {
  const script = `const load = require('module').createRequire(${JSON.stringify(configFile)});
    const now = () => performance.now();
    ${body}`;
  const { stdout } = await run(process.execPath, [...nodeArgs, '-e', script], {
    cwd: repoRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

const median = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];
async function medianOf(body) {
  const results = [];
  for (let i = 0; i < runs; i += 1) results.push(await fresh(body));
  const keys = new Set(results.flatMap((r) => Object.keys(r)));
  return Object.fromEntries([...keys].map((key) => [key, median(results.map((r) => r[key] ?? 0))]));
}

const requireAlone = (name) => `
    const t = now(); load(${JSON.stringify(name)});
    console.log(JSON.stringify({ ms: now() - t }));`;
const configSteps = `
    const start = now(); load('webpack'); const webpack = now() - start;
    let t = now(); const exported = load(${JSON.stringify(configFile)}); const requireConfig = now() - t;
    t = now(); const config = typeof exported === 'function' ? exported({}) : exported; const callConfig = now() - t;
    t = now(); load('webpack')(config); const createCompiler = now() - t;
    const result = { start, webpack, requireConfig, callConfig, createCompiler, total: now() };`;
/** Wraps Module._load: per package, the time inside require() of its files, minus nested other packages. */
const byRequire = `
    const Module = require('module');
    const packageOf = ${packageOfFile};
    const original = Module._load;
    const stack = [];
    const byPackage = {};
    Module._load = function (request, parent, isMain) {
      let file;
      try { file = Module._resolveFilename(request, parent, isMain); } catch { return original.apply(this, arguments); }
      const name = packageOf(file, ${JSON.stringify(repoRoot)});
      const frame = { name, nested: 0, started: now() };
      stack.push(frame);
      try { return original.apply(this, arguments); } finally {
        stack.pop();
        const total = now() - frame.started;
        if (stack.length > 0) stack.at(-1).nested += total;
        byPackage[name] = (byPackage[name] ?? 0) + total - frame.nested;
      }
    };
    ${configSteps}
    console.log(JSON.stringify(byPackage));`;

/** CPU time of a profile of the config steps by package; node's own frames count for their nearest caller. */
async function cpuByPackage() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'packwise-require-'));
  try {
    await fresh(`${configSteps} console.log('{}');`, [
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
      '--cpu-prof-interval=200',
    ]);
    const [file] = await readdir(dir);
    const { nodes, samples, timeDeltas } = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    const parent = new Map(nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id])));
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const owners = new Map();
    const ownerOf = (id) => {
      if (owners.has(id)) return owners.get(id);
      const { url, functionName } = byId.get(id).callFrame;
      const up = parent.get(id);
      const own = url.startsWith('file://') ? packageOfFile(url.slice(7), repoRoot) : undefined;
      const owner = own ?? (functionName === '(garbage collector)' ? '(gc)' : up ? ownerOf(up) : '(node)');
      owners.set(id, owner);
      return owner;
    };
    const byPackage = {};
    samples.forEach((id, i) => {
      const owner = ownerOf(id);
      byPackage[owner] = (byPackage[owner] ?? 0) + timeDeltas[i] / 1000;
    });
    return byPackage;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const ms = (value) => `${Math.round(value)} ms`;
const top = (byPackage) =>
  Object.entries(byPackage)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([name, time]) => [name, ms(time)]);

const rows = [];
for (const name of MODULES) rows.push([name, ms((await medianOf(requireAlone(name))).ms)]);
console.log(`## require() of one module in a fresh process (median of ${runs})\n`);
console.log(markdownTable(['module', '>require'], rows));

const steps = await medianOf(`${configSteps} console.log(JSON.stringify(result));`);
const labels = ['node start', 'require webpack', 'require config', 'call config', 'webpack(config)', 'total'];
const keys = ['start', 'webpack', 'requireConfig', 'callConfig', 'createCompiler', 'total'];
console.log(`\n## ${path.relative(repoRoot, configFile)} with env {} (median of ${runs})\n`);
console.log(
  markdownTable(
    labels.map((label) => `>${label}`),
    [keys.map((key) => ms(steps[key]))],
  ),
);

console.log(`\n## The same, by package: time inside require() (top ${TOP}), CPU time (top ${TOP})\n`);
const required = top(await medianOf(byRequire));
const cpu = top(await cpuByPackage());
console.log(
  markdownTable(
    ['package', '>in require()', 'package', '>CPU'],
    required.map((row, i) => [...row, ...(cpu[i] ?? ['', ''])]),
  ),
);
