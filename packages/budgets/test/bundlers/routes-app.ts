import path from 'node:path';
import type { Compiler, Configuration, WebpackPluginInstance } from 'webpack';
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

export const FAKE_SUFFIX = { gzip: '.gz', brotli: '.br', zstd: '.zst' } as const;
export type FakeEncoding = keyof typeof FAKE_SUFFIX;
/** A size no compressor would give a file of `raw` bytes, different per encoding. */
export const fakeSize = (raw: number, encoding: FakeEncoding) =>
  10 * (1 + Object.keys(FAKE_SUFFIX).indexOf(encoding)) + (raw % 7);

/**
 * Writes `<file>.gz`, `.br` and `.zst` beside each JS asset as compression plugins do (`compressed: true`,
 * `related` on the original), of fakeSize bytes: a check reporting these sizes read them from the stats.
 */
export class FakeEncodingsPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('FakeEncodingsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'FakeEncodingsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        () => {
          for (const { name, source } of compilation.getAssets().filter((a) => a.name.endsWith('.js'))) {
            const related: Record<string, string> = {};
            for (const [encoding, suffix] of Object.entries(FAKE_SUFFIX)) {
              const size = fakeSize(source.size(), encoding as FakeEncoding);
              compilation.emitAsset(`${name}${suffix}`, new sources.RawSource(Buffer.alloc(size)), {
                compressed: true,
              });
              related[encoding] = `${name}${suffix}`;
            }
            compilation.updateAsset(name, source, (info) => ({
              ...info,
              related: { ...info?.related, ...related },
            }));
          }
        },
      );
    });
  }
}
