// The main job: build fixtures/example-app and print its emitted JS/CSS/HTML with raw, gzip and brotli sizes
// and the totals of the initial page load. Usage: node scripts/example.mjs [config file]
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { appDir, buildApp, repoRoot } from './lib/app-build.mjs';
import { measureBuild, totals } from './lib/measure.mjs';
import { textTable } from './lib/table.mjs';

const require = createRequire(import.meta.url);
const { formatBytes } = require('@packwise/core');
const { FORMATS } = require('@packwise/budgets');

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
