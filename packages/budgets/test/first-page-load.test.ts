import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import type { Configuration, WebpackPluginInstance } from 'webpack';
import { compile, fixturePath } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { InlineHtmlPlugin } from '@packwise/inline';
import { CompressPlugin } from '@packwise/compress';
import { BudgetsPlugin } from '@packwise/budgets';
import type { BudgetConfig, BudgetResult, PackwiseReport } from '@packwise/budgets';
import { counts, reportOf } from './fixtures/build';
import { parseReport, project, removeProjects, runCli } from './fixtures/harness';

afterAll(removeProjects);

/**
 * fixtures/inline-html (entry `main` with a stylesheet and a lazy chunk), built by html-webpack-plugin with
 * `runtimeChunk: 'single'`, the runtime inlined into index.html by InlineHtmlPlugin and its file deleted.
 */
function inlinedRuntimeConfig(budgets: BudgetConfig[], more: WebpackPluginInstance[] = []): Configuration {
  return {
    mode: 'production',
    context: fixturePath('inline-html'),
    entry: './src/index.js',
    devtool: false,
    infrastructureLogging: { level: 'error' },
    output: { filename: 'js/[name].[contenthash].js', publicPath: '/' },
    optimization: { runtimeChunk: 'single' },
    module: {
      rules: [
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
        { test: /\.png$/, type: 'asset/resource', generator: { filename: 'img/[name][ext]' } },
      ],
    },
    plugins: [
      new InlineHtmlPlugin({ inlineRuntime: true }),
      new HtmlWebpackPlugin(),
      new MiniCssExtractPlugin({ filename: 'css/[name].css' }),
      ...more,
      new BudgetsPlugin({ budgets }),
    ],
  };
}

const FIRST_LOAD: BudgetConfig = {
  name: 'first page load',
  initial: true,
  limit: '1 MB',
  compression: 'none',
};

const initialOf = (report: PackwiseReport, entry = 'main'): BudgetResult => {
  const result = report.results.find((r) => r.target === `initial ${entry}`);
  if (!result) throw new Error(`no initial ${entry} in ${JSON.stringify(report.results)}`);
  return result;
};

/** What a visitor's first load of `main` downloads, from the output directory: its JS and CSS, and the page. */
const firstLoadFiles = (build: BuildResult) =>
  [...build.files.keys()].filter((name) => /^(js\/main\..*\.js|css\/main\.css|index\.html)$/.test(name));

const bytesOf = (build: BuildResult, names: string[], suffix = '') =>
  names.reduce((sum, name) => sum + build.read(`${name}${suffix}`).length, 0);

describe('initial budgets: the first page load includes its HTML page', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await compile(inlinedRuntimeConfig([FIRST_LOAD]));
  });

  it('counts index.html with the entry’s emitted files, and nothing of the inlined runtime', () => {
    expect(build.errors).toEqual([]);
    expect([...build.files.keys()].filter((name) => /runtime/.test(name))).toEqual([]);
    expect(build.text('index.html')).toMatch(/<script>/);
    const files = firstLoadFiles(build);
    expect(files).toEqual(['css/main.css', 'index.html', expect.stringMatching(/^js\/main\.[0-9a-f]+\.js$/)]);
    const result = initialOf(reportOf(build));
    expect([...(result.files ?? [])].sort()).toEqual(files);
    expect(result.files?.some((name) => name.includes('runtime'))).toBe(false);
    expect(result.actual).toBe(bytesOf(build, files));
    expect(reportOf(build).entries.main?.pages).toEqual(['index.html']);
  });

  it('keeps the page out of the entry total', async () => {
    const entry = await compile(
      inlinedRuntimeConfig([{ entry: 'main', limit: '1 MB', compression: 'none' }]),
    );
    const result = reportOf(entry).results[0];
    expect(result?.files).not.toContain('index.html');
    expect(result?.files).toContainEqual(expect.stringMatching(/^js\/lazy\./));
  });

  it('fails a limit one byte below the total, naming index.html, and passes a limit at it', async () => {
    const total = initialOf(reportOf(build)).actual;
    const over = await compile(inlinedRuntimeConfig([{ ...FIRST_LOAD, limit: total - 1 }]));
    expect(over.errors).toEqual([
      expect.stringMatching(
        /^PackwiseBudgetsPlugin: budget "first page load": initial main is .* raw, over the limit of .* by 1 B\. Files: .*\bindex\.html\b/,
      ),
    ]);
    const at = await compile(inlinedRuntimeConfig([{ ...FIRST_LOAD, limit: total }]));
    expect(at.errors).toEqual([]);
    expect(initialOf(reportOf(at))).toMatchObject({ actual: total, status: 'pass' });
  });

  it('takes the page’s brotli and gzip sizes from the files a compression plugin wrote', async () => {
    const compress = new CompressPlugin({ minRatio: Number.POSITIVE_INFINITY, test: /\.(js|css|html)$/ });
    const budgets: BudgetConfig[] = [
      { ...FIRST_LOAD, compression: 'brotli' },
      { ...FIRST_LOAD, compression: 'gzip' },
    ];
    const compressed = await compile(inlinedRuntimeConfig(budgets, [compress]));
    const files = firstLoadFiles(compressed);
    const report = reportOf(compressed);
    expect(report.results.map((r) => r.actual)).toEqual([
      bytesOf(compressed, files, '.br'),
      bytesOf(compressed, files, '.gz'),
    ]);
    expect(counts(compressed).computed).toBe(0);
  });

  it('gives packwise check the same total and files from the report and from the stats', async () => {
    const cwd = await project({ 'packwise.config.json': { budgets: [{ ...FIRST_LOAD, limit: 1 }] } });
    const stats = path.join(cwd, 'stats.json');
    await writeFile(
      stats,
      JSON.stringify(
        build.stats.toJson({ all: false, assets: true, entrypoints: true, chunks: true, outputPath: true }),
      ),
    );
    const plugin = initialOf(reportOf(build));
    for (const input of [
      ['--report', path.join(build.outputDir, 'packwise-report.json')],
      ['--stats', stats],
    ]) {
      const result = await runCli(['check', ...input, '--format', 'json'], { cwd });
      expect(result.code).toBe(1);
      expect(initialOf(parseReport(result))).toMatchObject({ actual: plugin.actual, files: plugin.files });
      const text = await runCli(['check', ...input], { cwd });
      expect(text.stdout).toMatch(/ {4}files: .*\bindex\.html\b/);
    }
  });
});

describe('initial budgets: which page loads which entry', () => {
  /** Two entries, each with its page; a shared runtime file (not inlined) on both; a page that loads nothing. */
  async function twoPages(budgets: BudgetConfig[]): Promise<BuildResult> {
    const context = await project({ 'a.js': 'console.log("a");\n', 'b.js': 'console.log("b", 2);\n' });
    return compile({
      mode: 'production',
      context,
      entry: { a: './a.js', b: './b.js' },
      infrastructureLogging: { level: 'error' },
      output: { filename: '[name].[contenthash].js', publicPath: '/app/' },
      optimization: { runtimeChunk: 'single' },
      plugins: [
        new HtmlWebpackPlugin({ filename: 'a.html', chunks: ['a'] }),
        new HtmlWebpackPlugin({ filename: 'b.html', chunks: ['b'] }),
        new HtmlWebpackPlugin({ filename: 'static.html', chunks: [] }),
        new BudgetsPlugin({ budgets }),
      ],
    });
  }

  it("counts only the page naming one of the entry's own files, after the publicPath", async () => {
    const build = await twoPages([FIRST_LOAD]);
    expect(build.text('a.html')).toMatch(/src="?\/app\/runtime\.[0-9a-f]+\.js\b/);
    expect(build.text('b.html')).toMatch(/src="?\/app\/runtime\.[0-9a-f]+\.js\b/);
    const report = reportOf(build);
    expect(report.entries.a?.pages).toEqual(['a.html']);
    expect(report.entries.b?.pages).toEqual(['b.html']);
    for (const entry of ['a', 'b']) {
      const result = initialOf(report, entry);
      const files = [...build.files.keys()].filter((name) =>
        new RegExp(`^(runtime\\..*\\.js|${entry}\\..*\\.js|${entry}\\.html)$`).test(name),
      );
      expect(files).toHaveLength(3);
      expect([...(result.files ?? [])].sort()).toEqual(files);
      expect(result.actual).toBe(bytesOf(build, files));
    }

    const cwd = await project({ 'packwise.config.json': { budgets: [FIRST_LOAD] } });
    const stats = path.join(cwd, 'stats.json');
    await writeFile(stats, JSON.stringify(build.stats.toJson()));
    const fromStats = parseReport(await runCli(['check', '--stats', stats, '--format', 'json'], { cwd }));
    // The stats list an entry's files in load order, the plugin by name; only the plugin knows modules.
    const totals = (r: PackwiseReport) =>
      r.results.map(({ target, actual, files }) => ({ target, actual, files: [...(files ?? [])].sort() }));
    expect(totals(fromStats)).toEqual(totals(report));
    expect(fromStats.entries.a?.pages).toEqual(['a.html']);
    expect(fromStats.entries.b?.pages).toEqual(['b.html']);
  });
});
