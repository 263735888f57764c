import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { CompressPlugin } from '@packwise/compress';
import {
  closeCompiler,
  compile,
  createCompiler,
  decompress,
  fixturePath,
  makeTempDir,
  runCompiler,
} from '@packwise/test-utils';
import { HTML_PLUGIN_NAME, InlineHtmlPlugin } from '@packwise/inline';
import { emittedNames, inlineHtmlConfig, inlineScripts, parsePage } from './html-helpers';

describe('InlineHtmlPlugin: output', () => {
  it('fails the build with a clear error when html-webpack-plugin is missing', async () => {
    // Outside the repository nothing resolves html-webpack-plugin from the project's context.
    const context = await makeTempDir('packwise-no-html-');
    await copyFile(fixturePath('inline-html', 'src', 'lazy.js'), path.join(context, 'lazy.js'));
    const result = await compile({
      mode: 'production',
      context,
      entry: './lazy.js',
      plugins: [new InlineHtmlPlugin({ inlineCss: 'main' })],
    });
    expect(result.errors).toEqual([
      `${HTML_PLUGIN_NAME}: html-webpack-plugin was not found. InlineHtmlPlugin inlines into the pages ` +
        'html-webpack-plugin generates: install it (npm install --save-dev html-webpack-plugin) and add ' +
        '`new HtmlWebpackPlugin()` to `plugins`.',
    ]);
  });

  it('deletes inlined files with their source maps before compression, which sees the final pages', async () => {
    const result = await compile(
      inlineHtmlConfig({
        devtool: 'source-map',
        inline: { csp: { meta: true } },
        plugins: [new CompressPlugin({ algorithms: ['gzip'], minRatio: Number.POSITIVE_INFINITY })],
      }),
    );
    expect(result.errors).toEqual([]);
    expect(emittedNames(result, /runtime/)).toEqual([]);
    expect(emittedNames(result, /^js\/main\..*\.map$/)).toHaveLength(1);
    expect(inlineScripts(parsePage(result))[0]?.rawText).not.toContain('sourceMappingURL');
    expect(result.text('index.html')).toContain('Content-Security-Policy');
    expect(decompress(result.read('index.html.gz'), 'index.html.gz').toString()).toBe(
      result.text('index.html'),
    );
  });

  it('reports what went into which page, selected by size', async () => {
    const result = await compile(
      inlineHtmlConfig({
        inline: {
          inlineRuntime: false,
          inlineChunks: { maxSize: 1000 },
          inlineCss: { maxSize: '1 kB' },
          report: true,
        },
      }),
    );
    expect(result.errors).toEqual([]);
    // main was deferred: inline it runs before the document is parsed.
    expect(result.warnings).toEqual([expect.stringContaining('was a deferred script')]);
    const root = parsePage(result);
    const [main] = inlineScripts(root);
    const style = root.querySelector('style');
    const report = JSON.parse(result.text('inline-html-report.json'));
    const bytes = (text = '') => Buffer.byteLength(text);
    // Bytes as inlined: html-webpack-plugin's minifier may trim a stylesheet's whitespace afterwards.
    const styleBytes = report.pages['index.html'].inlined[1].bytes;
    expect(styleBytes).toBeGreaterThanOrEqual(bytes(style?.rawText));
    expect(report).toEqual({
      pages: {
        'index.html': {
          publicPath: '',
          inlined: [
            {
              file: expect.stringMatching(/^js\/main\./),
              chunk: 'main',
              kind: 'script',
              bytes: bytes(main?.rawText),
            },
            { file: 'css/main.css', chunk: 'main', kind: 'style', bytes: styleBytes },
          ],
          bytes: bytes(main?.rawText) + styleBytes,
        },
      },
      deletedFiles: ['css/main.css', expect.stringMatching(/^js\/main\./)],
      keptFiles: [],
    });
    expect(emittedNames(result, /^js\//)).toEqual([
      expect.stringMatching(/^js\/lazy\./),
      expect.stringMatching(/^js\/runtime\./),
    ]);
  });

  it('does the same on a rebuild that html-webpack-plugin serves from its cache', async () => {
    const { compiler } = await createCompiler({
      ...inlineHtmlConfig({ inline: { csp: true } }),
      cache: { type: 'memory' },
    });
    try {
      const first = await runCompiler(compiler);
      const second = await runCompiler(compiler);
      for (const build of [first, second]) {
        expect(build.errors).toEqual([]);
        expect(emittedNames(build, /runtime/)).toEqual([]);
        expect(inlineScripts(parsePage(build))).toHaveLength(1);
      }
      expect(second.text('csp-hashes.json')).toBe(first.text('csp-hashes.json'));
      expect(second.stats.compilation.getAsset('index.html')).toBeDefined();
      expect(second.stats.compilation.getAsset('csp-hashes.json')).toBeDefined();
    } finally {
      await closeCompiler(compiler);
    }
  });
});
