// Builds a fixture app (fixtures/example-app, fixtures/admin-app) with a given config file through webpack's
// (or Rspack's) Node API.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const webpack = require('webpack');

/** The compiler factory of a bundler: `webpack`, or `rspack` (@rspack/core, loaded only when asked for). */
const factoryOf = (bundler = 'webpack') => {
  if (bundler === 'webpack') return webpack;
  if (bundler === 'rspack') return require('@rspack/core').rspack;
  throw new Error(`unknown bundler ${bundler}: webpack or rspack`);
};

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The example app, which the packages' own benchmarks build. */
export const appDir = path.join(repoRoot, 'fixtures/example-app');

/**
 * A config file exports `(env) => webpack.Configuration` with env keys `outDir`, `srcDir`, `cacheDir`,
 * `upgrade` (see fixtures/example-app/README.md). `transform`, a file exporting `(config) => config`, is
 * applied to the result (e.g. bench/configs/default-split.cjs).
 */
export function loadConfig(configFile, env, transform) {
  const exported = require(path.resolve(repoRoot, configFile));
  const config = typeof exported === 'function' ? exported(env) : exported;
  return transform ? require(path.resolve(repoRoot, transform))(config) : config;
}

/** Runs one build of a config object and closes the compiler (which persists a filesystem cache). */
export function runBuild(config, bundler = 'webpack') {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const compiler = factoryOf(bundler)(config);
    compiler.run((runError, stats) => {
      compiler.close((closeError) => {
        const error = runError ?? closeError;
        if (error) return reject(error);
        const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
        resolve({ stats, wallMs, outputDir: compiler.outputPath });
      });
    });
  });
}

/**
 * Runs one build of a config file's config (optionally transformed, see loadConfig). Resolves with stats,
 * wall time and the output directory.
 */
export function buildApp(configFile, env, transform, bundler = 'webpack') {
  return runBuild(loadConfig(configFile, env, transform), bundler);
}

/** A command-line count: a whole number of at least 1, or an error naming the flag. */
export function wholeNumber(value, flag) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a whole number ≥ 1, got ${value}`);
  return n;
}
