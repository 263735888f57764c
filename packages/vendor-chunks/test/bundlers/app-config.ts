import path from 'node:path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import type { Configuration } from 'webpack';
import { bundler, compile } from '@packwise/test-utils';
import { VendorChunksPlugin } from '@packwise/vendor-chunks';
import type { VendorChunksOptions } from '@packwise/vendor-chunks';
import { appDirOf } from '../scenarios';
import type { Builds, Env, Fixture } from '../scenarios';

// A fixture app built the same way on every bundler, without @packwise/preset (whose Rspack layer is wired
// separately): babel-loader as the preset sets it up (the same JS on every bundler, so the same plan), CSS extracted by the
// bundler's own plugin, images and fonts as assets, index.html from the bundler's HTML plugin.

/** The upgrade each fixture's config makes with `env.upgrade` (as its webpack.config.cjs does). */
const upgradeAliases: Record<string, Record<string, string>> = {
  'example-app': { 'date-fns': 'date-fns-next' },
  'admin-app': { 'chart.js': 'chart.js-next' },
};

/** What @packwise/preset gives a React app without a babel config of its own (its browserslist from package.json). */
const babelOptions = {
  configFile: false,
  babelrc: false,
  cacheDirectory: false,
  presets: [
    require.resolve('@babel/preset-env'),
    [require.resolve('@babel/preset-react'), { runtime: 'automatic' }],
  ],
};

/** The app's config with `plugin` for its split (VendorChunksPlugin, or none for the bundler's default split). */
export function appConfig(fixture: Fixture, env: Env, split: VendorChunksOptions | 'default'): Configuration {
  const { rspack, exports } = bundler();
  const appDir = appDirOf(fixture);
  const srcDir = env.srcDir ?? path.join(appDir, 'src');
  const CssExtract: typeof MiniCssExtractPlugin = rspack
    ? exports.CssExtractRspackPlugin
    : MiniCssExtractPlugin;
  const Html: typeof HtmlWebpackPlugin = rspack ? exports.HtmlRspackPlugin : HtmlWebpackPlugin;
  return {
    mode: 'production',
    context: appDir,
    entry: { main: path.join(srcDir, 'index.jsx') },
    devtool: false,
    performance: false,
    infrastructureLogging: { level: 'error' },
    output: { filename: '[name].[contenthash].js', publicPath: '/' },
    resolve: {
      extensions: ['.js', '.jsx'],
      alias: env.upgrade ? (upgradeAliases[fixture.name] ?? {}) : {},
    },
    module: {
      rules: [
        {
          test: /\.jsx?$/,
          exclude: /node_modules/,
          loader: require.resolve('babel-loader'),
          options: { ...babelOptions, root: appDir },
        },
        { test: /\.css$/, use: [CssExtract.loader, require.resolve('css-loader')] },
        { test: /\.(?:png|jpe?g|gif|svg|woff2?)$/i, type: 'asset' },
      ],
    },
    optimization:
      split === 'default'
        ? { runtimeChunk: 'single', splitChunks: { chunks: 'all' }, moduleIds: 'deterministic' }
        : {},
    plugins: [
      new CssExtract({ filename: '[name].[contenthash].css' }),
      new Html({ template: path.join(srcDir, 'index.html') }),
      ...(split === 'default' ? [] : [new VendorChunksPlugin(split)]),
    ],
  };
}

/** The fixture with VendorChunksPlugin (`options`) against the bundler's default split, on the bundler under test. */
export const appBuilds = (options: VendorChunksOptions = { report: true }): Builds => ({
  label: `VendorChunksPlugin on ${bundler().name} ${bundler().version}`,
  ours: (fixture, env = {}) => compile(appConfig(fixture, env, options)),
  fallback: (fixture, env = {}) => compile(appConfig(fixture, env, 'default')),
  inlined: /^runtime\.[0-9a-f]+\.js$/,
});
