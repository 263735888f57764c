import path from 'node:path';
import type { Configuration, WebpackPluginInstance } from 'webpack';
import { bundler } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import type { PackwiseReport } from '@packwise/budgets';

/**
 * fixtures/routes: entry `main` (date-fns, a stylesheet, an SVG as asset/resource) and two lazy routes,
 * `dashboard` (more of date-fns) and `settings`; one page, index.html.
 */
export const ROUTES_APP = path.join(__dirname, '../fixtures/routes');

/** The HTML and CSS-extract plugins of the bundler under test: Rspack's built-ins, or webpack's usual pair. */
function pagePlugins() {
  const { exports, rspack } = bundler();
  /* eslint-disable @typescript-eslint/no-require-imports -- picked by the bundler under test */
  const Html = rspack ? exports.HtmlRspackPlugin : require('html-webpack-plugin');
  const CssExtract = rspack ? exports.CssExtractRspackPlugin : require('mini-css-extract-plugin');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { Html, CssExtract };
}

/** A production build of the routes app with its page and extracted CSS, then `plugins`. */
export function routesConfig(plugins: WebpackPluginInstance[], more: Configuration = {}): Configuration {
  const { Html, CssExtract } = pagePlugins();
  return {
    mode: 'production',
    context: ROUTES_APP,
    entry: './src/index.js',
    devtool: false,
    infrastructureLogging: { level: 'error' },
    output: { filename: '[name].[contenthash].js', publicPath: '/' },
    module: {
      rules: [
        { test: /\.css$/, use: [CssExtract.loader, 'css-loader'], type: 'javascript/auto' },
        { test: /\.svg$/, type: 'asset/resource', generator: { filename: '[name][ext]' } },
      ],
    },
    plugins: [
      new Html({ template: './src/index.html' }),
      new CssExtract({ filename: '[name].[contenthash].css' }),
      ...plugins,
    ],
    ...more,
  };
}

/** Rspack prefixes its messages with "  × " (errors) or "  ⚠ " (warnings) and ends them with a newline: the messages as webpack writes them. */
export const messages = (list: string[]): string[] =>
  list.map((text) => text.replace(/^\s*[×⚠] /, '').trimEnd());

/** The emitted report: from disk, or from the compilation when errors kept the bundler from writing it. */
export function reportOf(build: BuildResult): PackwiseReport {
  const written = build.files.get('packwise-report.json');
  const source = written ?? build.stats.compilation.getAsset('packwise-report.json')?.source.source();
  if (source === undefined) throw new Error(`no packwise-report.json; emitted ${[...build.files.keys()]}`);
  return JSON.parse(String(source)) as PackwiseReport;
}

/** The one emitted file whose name matches. */
export function fileNamed(build: BuildResult, pattern: RegExp): string {
  const names = [...build.files.keys()].filter((name) => pattern.test(name));
  if (names.length !== 1)
    throw new Error(`${names.length} files match ${pattern}: ${[...build.files.keys()]}`);
  return names[0] as string;
}
