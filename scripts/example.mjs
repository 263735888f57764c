// The main job: build fixtures/example-app and print its emitted JS/CSS/HTML with raw, gzip and brotli sizes
// and the totals of the initial page load. Usage: node scripts/example.mjs [config file]
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { appDir, buildApp, repoRoot } from './lib/app-build.mjs';
import { measureBuild, totals } from './lib/measure.mjs';
import { textTable } from './lib/table.mjs';

const require = createRequire(import.meta.url);
const { formatBytes } = require('@packwise/core');
const { FORMATS, check } = require('@packwise/budgets');

// The main job builds the example app with @packwise/preset (webpack.config.cjs); pass
// fixtures/example-app/webpack.today.cjs to see the config teams paste today.
const configFile = process.argv[2] ?? 'fixtures/example-app/webpack.config.cjs';
const outDir = path.join(appDir, 'dist');

const build = await buildApp(configFile, { outDir });
const { errors, warnings } = build.stats.toJson({ all: false, errors: true, warnings: true });
for (const problem of [...errors, ...warnings]) console.error(problem.message);

const files = await measureBuild(build);
const sizeCells = (entry) => [formatBytes(entry.raw), formatBytes(entry.gzip), formatBytes(entry.brotli)];
const rows = files.map((file) => [file.name, ...sizeCells(file), file.initial ? 'yes' : '']);
const all = totals(files);
const initial = totals(files.filter((file) => file.initial));

console.log(
  `Built ${path.relative(repoRoot, appDir)} with ${configFile} in ${(build.wallMs / 1000).toFixed(1)} s`,
);
console.log(`Output: ${path.relative(repoRoot, outDir)}/\n`);
console.log(
  textTable(
    ['asset', '>raw', '>gzip', '>brotli', 'initial'],
    [
      ...rows,
      [`all JS, CSS, HTML (${all.files} files)`, ...sizeCells(all), ''],
      [`initial page load (${initial.files} files)`, ...sizeCells(initial), ''],
    ],
  ),
);
const reportFile = path.join(outDir, 'packwise-report.json');
if (existsSync(reportFile)) {
  console.log(`\nBudgets (${path.relative(repoRoot, reportFile)}):\n`);
  console.log(FORMATS.text(JSON.parse(await readFile(reportFile, 'utf8'))).trimEnd());
}
console.log(`\n${errors.length} errors, ${warnings.length} warnings`);
if (errors.length > 0) process.exitCode = 1;

// Returning visitors (only for the preset's config, whose compress writes dictionary deltas): the next deploy
// after an app change and after the date-fns upgrade, each built with dist/ as `previous`, and checked as CI
// would check it: `packwise check --stats … --previous dist` with the returning-visitor budgets.
if (!process.argv[2] && errors.length === 0) await returningVisitors();

async function returningVisitors() {
  // From the same src/ as dist/: module ids derive from paths, so a copy elsewhere would change every file.
  const header = path.join(appDir, 'src/components/Header.jsx');
  const scenarios = [
    ['app change (Header.jsx edited)', 'app-change', {}],
    ['date-fns 3.6 → 4.1', 'upgrade', { upgrade: true }],
  ];
  for (const [label, name, env] of scenarios) {
    const next = path.join(appDir, 'dist-next', name);
    const original = await readFile(header, 'utf8');
    let built;
    try {
      if (name === 'app-change')
        await writeFile(header, original.replace('Acme Dashboard', 'Acme Dashboard (next)'));
      built = await buildApp(configFile, { outDir: next, previous: outDir, ...env });
    } finally {
      await writeFile(header, original);
    }
    const statsFile = path.join(appDir, 'dist-next', `${name}.stats.json`);
    const statsJson = built.stats.toJson({
      all: false,
      assets: true,
      // A rerun writes into the same folder: webpack skips unchanged files, and stats hide them unless asked.
      cachedAssets: true,
      entrypoints: true,
      chunks: true,
      outputPath: true,
    });
    await writeFile(statsFile, JSON.stringify(statsJson));
    console.log(`\nReturning visitor after the next deploy: ${label} (${path.relative(repoRoot, next)}/):\n`);
    const code = await check({
      argv: [
        '--stats',
        statsFile,
        '--previous',
        outDir,
        '--config',
        path.join(appDir, 'packwise.returning.json'),
      ],
      cwd: repoRoot,
      env: {},
      stdout: { write: (text) => process.stdout.write(text) },
      stderr: { write: (text) => process.stderr.write(text) },
    });
    if (code !== 0) process.exitCode = code;
  }
}
