/* eslint-disable @typescript-eslint/no-require-imports -- minimizers load only for production builds */
import type CssMinimizerPluginClass from 'css-minimizer-webpack-plugin';
import type TerserPluginClass from 'terser-webpack-plugin';
import type { Minifier } from './options';
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
  try {
    require.resolve(name, { paths: [context, __dirname] });
  } catch {
    throw new Error(
      `@packwise/preset: minify: '${minify}' needs the package ${name}: npm install -D ${name}`,
    );
  }
  return minify === 'swc' ? TerserPlugin.swcMinify : TerserPlugin.esbuildMinify;
}

/** terser-webpack-plugin (in parallel, with the chosen minifier) and css-minimizer-webpack-plugin (cssnano). */
export function minimizers(minify: Minifier, context: string) {
  if (!(minify in MINIFIER_PACKAGES) && minify !== 'terser')
    throw new Error(
      `@packwise/preset: minify must be 'terser', 'swc' or 'esbuild', got ${JSON.stringify(minify)}`,
    );
  const CssMinimizerPlugin = require('css-minimizer-webpack-plugin') as typeof CssMinimizerPluginClass;
  const TerserPlugin = terser();
  const minifyFn = minifyFunction(minify, context);
  return trusted(() => [new TerserPlugin({ parallel: true, minify: minifyFn }), new CssMinimizerPlugin()]);
}
