// One build in a fresh process, so that wall time and peak RSS belong to that build alone.
// Usage: node bench/build-once.mjs '{"configFile": "...", "transform": "...", "env": {...},
//   "upgradedPackages": [...], "bundler": "webpack" | "rspack"}'  -> one JSON line on stdout.
// `processMs` is the build as a user waits for it: process start (node, webpack, the config and what it
// requires) until the compiler has closed (and stored its filesystem cache); `wallMs` starts at compiler
// creation instead. `phases` splits `processMs` (bench/phases.mjs). What only the benchmark needs (measuring
// the output) is loaded after the build, so that it is not counted in `setup`.
import path from 'node:path';
import { loadConfig, runBuild } from '../scripts/lib/app-build.mjs';
import { PhasesPlugin } from './phases.mjs';

const { configFile, transform, env, upgradedPackages, bundler } = JSON.parse(process.argv[2]);
const config = loadConfig(configFile, env, transform);
if (Array.isArray(config)) throw new Error(`${configFile}: one config expected, not an array`);
const phases = new PhasesPlugin();
config.plugins = [...(config.plugins ?? []), phases];
const build = await runBuild(config, bundler);
const timing = phases.result();

const { createRequire } = await import('node:module');
const { assetFileCount, isPackageModule, isVendorModule, measureBuild } =
  await import('../scripts/lib/measure.mjs');
const { routeLoads } = createRequire(import.meta.url)('@packwise/vendor-chunks');

const { errors, warnings } = build.stats.toJson({ all: false, errors: true, warnings: true });
const files = await measureBuild(build, {
  vendor: isVendorModule,
  dependency: isPackageModule(upgradedPackages),
});

// Route names hold module paths relative to the app: the work copy of src/ (`.bench/<config>/src`) is named
// `./src` again, so that a route has one name in every config of a fixture.
const { compilation } = build.stats;
const srcPrefix = `./${path.relative(compilation.compiler.context, env.srcDir).replace(/\\/g, '/')}/`;
const routes = routeLoads(compilation).map((route) => ({
  ...route,
  name: route.name.replaceAll(srcPrefix, './src/'),
}));

process.stdout.write(
  `${JSON.stringify({
    wallMs: build.wallMs,
    ...timing,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    errors: errors.map((e) => e.message),
    warnings: warnings.map((w) => w.message),
    files,
    routes,
    assetFiles: assetFileCount(build),
  })}\n`,
);
