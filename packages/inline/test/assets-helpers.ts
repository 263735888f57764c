import { readFileSync } from 'node:fs';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import type { Configuration, RuleSetRule, WebpackPluginInstance } from 'webpack';
import { fixturePath } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import type { InlineAssetsReport } from '@packwise/inline';

/**
 * fixtures/inline-assets built for production without minification (so tests can read the output), CSS
 * extracted by mini-css-extract-plugin through css-loader, emitted assets named `[name].[contenthash:8][ext]`.
 */
export function inlineAssetsConfig(
  plugin: WebpackPluginInstance,
  overrides: Configuration = {},
  { cssFilename = '[name].css', rules = [] }: { cssFilename?: string; rules?: RuleSetRule[] } = {},
): Configuration {
  return {
    mode: 'production',
    context: fixturePath('inline-assets'),
    entry: './src/index.js',
    infrastructureLogging: { level: 'error' },
    optimization: { minimize: false },
    ...overrides,
    output: {
      filename: '[name].js',
      assetModuleFilename: '[name].[contenthash:8][ext]',
      ...overrides.output,
    },
    module: {
      rules: [
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, require.resolve('css-loader')] },
        ...rules,
      ],
    },
    plugins: [new MiniCssExtractPlugin({ filename: cssFilename }), plugin, ...(overrides.plugins ?? [])],
  };
}

/** The emitted copies of a source file (`tile-01.png` -> `tile-01.<hash>.png`). */
export function emittedCopies(build: BuildResult, source: string): string[] {
  const dot = source.lastIndexOf('.');
  const pattern = new RegExp(`^${source.slice(0, dot)}\\.[0-9a-f]{8}\\${source.slice(dot)}$`);
  return [...build.files.keys()].filter((name) => pattern.test(name));
}

/** The base64 of a fixture file: the payload its `data:` URI carries, to search the output for. */
export function base64Of(source: string): string {
  return readFileSync(fixturePath('inline-assets', 'src', source)).toString('base64');
}

/** The emitted JSON report. */
export function readReport(build: BuildResult, name = 'inline-report.json'): InlineAssetsReport {
  return JSON.parse(build.text(name)) as InlineAssetsReport;
}
