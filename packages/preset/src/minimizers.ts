/* eslint-disable @typescript-eslint/no-require-imports -- minimizers load only for production builds */
import os from 'node:os';
import type CssMinimizerPluginClass from 'css-minimizer-webpack-plugin';
import type TerserPluginClass from 'terser-webpack-plugin';
import type { Minifier } from './options';
import { resolveFromProject } from './project';
import { trusted } from './trusted';

const terser = () => require('terser-webpack-plugin') as typeof TerserPluginClass;

/** The package each of terser-webpack-plugin's built-in alternatives needs. */
const MINIFIER_PACKAGES: Record<Exclude<Minifier, 'terser'>, string> = {
  swc: '@swc/core',
  esbuild: 'esbuild',
};

function minifyFunction(minify: Minifier, context: string) {
  const TerserPlugin = terser();
  if (minify === 'terser') return TerserPlugin.terserMinify;
  const name = MINIFIER_PACKAGES[minify];
  if (!resolveFromProject(name, context))
    throw new Error(
      `@packwise/preset: minify: '${minify}' needs the package ${name}: npm install -D ${name}`,
    );
  return minify === 'swc' ? TerserPlugin.swcMinify : TerserPlugin.esbuildMinify;
}

/**
 * Whether a JavaScript minimizer (terser, cssnano) runs in worker processes. Both plugins start
 * `availableParallelism() - 1` workers, so on two cores one worker minifies every file in turn after its own
 * start-up: no parallelism, only the cost. They get workers from three cores on.
 */
const workersPay = (cores = os.availableParallelism()) => cores >= 3;

function checkMinifier(minify: Minifier) {
  if (!(minify in MINIFIER_PACKAGES) && minify !== 'terser')
    throw new Error(
      `@packwise/preset: minify must be 'terser', 'swc' or 'esbuild', got ${JSON.stringify(minify)}`,
    );
}

/** terser-webpack-plugin with the chosen minifier (Rspack runs it too, for `terser` and `esbuild`). */
export function jsMinimizer(minify: Minifier, context: string) {
  checkMinifier(minify);
  const TerserPlugin = terser();
  const minifyFn = minifyFunction(minify, context);
  const jsWorkers = minify === 'terser' && workersPay();
  return trusted(() => new TerserPlugin({ parallel: jsWorkers, minify: minifyFn }));
}

/**
 * terser-webpack-plugin with the chosen minifier and css-minimizer-webpack-plugin (cssnano). swc and esbuild
 * minify on their own native threads when called in the main process (`parallel: false`): all files at once,
 * no worker to start. On the example app (2 cores, three interleaved cold builds) that took the median build
 * from 7.7 s to 6.7 s with the same bytes.
 */
export function minimizers(minify: Minifier, context: string) {
  checkMinifier(minify);
  const CssMinimizerPlugin = require('css-minimizer-webpack-plugin') as typeof CssMinimizerPluginClass;
  return [jsMinimizer(minify, context), trusted(() => new CssMinimizerPlugin({ parallel: workersPay() }))];
}
