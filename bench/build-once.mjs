// One build in a fresh process, so that wall time and peak RSS belong to that build alone.
// Usage: node bench/build-once.mjs '{"configFile": "...", "env": {...}}'  -> one JSON line on stdout.
import { buildApp } from '../scripts/lib/app-build.mjs';
import { assetFileCount, isPackageModule, isVendorModule, measureBuild } from '../scripts/lib/measure.mjs';
import { upgradedPackages } from './configs.mjs';

const { configFile, env } = JSON.parse(process.argv[2]);
const build = await buildApp(configFile, env);
const { errors, warnings } = build.stats.toJson({ all: false, errors: true, warnings: true });
const files = await measureBuild(build, {
  vendor: isVendorModule,
  dependency: isPackageModule(upgradedPackages),
});

process.stdout.write(
  `${JSON.stringify({
    wallMs: build.wallMs,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    errors: errors.map((e) => e.message),
    warnings: warnings.map((w) => w.message),
    files,
    assetFiles: assetFileCount(build),
  })}\n`,
);
