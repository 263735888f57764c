// One build in a fresh process, so that wall time and peak RSS belong to that build alone.
// Usage: node bench/build-once.mjs '{"configFile": "...", "transform": "...", "env": {...},
//   "upgradedPackages": [...]}'  -> one JSON line on stdout.
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildApp } from '../scripts/lib/app-build.mjs';
import { assetFileCount, isPackageModule, isVendorModule, measureBuild } from '../scripts/lib/measure.mjs';

const require = createRequire(import.meta.url);
const { routeLoads } = require('@packwise/vendor-chunks');

const { configFile, transform, env, upgradedPackages } = JSON.parse(process.argv[2]);
const build = await buildApp(configFile, env, transform);
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
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    errors: errors.map((e) => e.message),
    warnings: warnings.map((w) => w.message),
    files,
    routes,
    assetFiles: assetFileCount(build),
  })}\n`,
);
