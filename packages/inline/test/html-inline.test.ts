import HtmlWebpackPlugin from 'html-webpack-plugin';
import { escapeInlineScript, stripSourceMapComment } from '../src/html/escape';
import { HTML_PLUGIN_NAME } from '@packwise/inline';
import { compile } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { emittedNames, inlineHtmlConfig, inlineScripts, parsePage, runPage } from './html-helpers';
import type { InlineHtmlFixture } from './html-helpers';

const build = (fixture: InlineHtmlFixture = {}) => compile(inlineHtmlConfig(fixture));
const RUNTIME = /^js\/runtime\.[0-9a-f]+\.js$/;

function expectClean(result: BuildResult) {
  expect(result.errors).toEqual([]);
  expect(result.warnings).toEqual([]);
}

describe('InlineHtmlPlugin: the runtime', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await build();
  });

  it('inlines the runtime chunk and deletes its file', () => {
    expectClean(result);
    expect(emittedNames(result, RUNTIME)).toEqual([]);
    const root = parsePage(result);
    expect(inlineScripts(root)).toHaveLength(1);
    expect(root.querySelectorAll('script[src]').map((script) => script.getAttribute('src'))).toEqual([
      expect.stringMatching(/^js\/main\.[0-9a-f]+\.js$/),
    ]);
  });

  it('keeps the order of scripts and drops defer from the inline one', () => {
    const scripts = parsePage(result).querySelectorAll('script');
    expect(scripts.map((script) => [script.hasAttribute('src'), script.hasAttribute('defer')])).toEqual([
      [false, false],
      [true, true],
    ]);
  });

  it('resolves the auto public path at build time: the inline runtime loads a lazy chunk', async () => {
    const { app, requested } = runPage(result);
    await expect(app.loadLazy()).resolves.toBe('lazy chunk loaded');
    expect(requested).toEqual([expect.stringMatching(/^http:\/\/localhost\/js\/lazy\.[0-9a-f]+\.js$/)]);
  });
});

describe('InlineHtmlPlugin: kept and shared files', () => {
  it('keeps inlined files with keepInlinedFiles', async () => {
    const result = await build({ inline: { keepInlinedFiles: true } });
    expectClean(result);
    expect(emittedNames(result, RUNTIME)).toHaveLength(1);
    expect(inlineScripts(parsePage(result))).toHaveLength(1);
  });

  it('fills in each page its public path, and keeps a file another page still loads', async () => {
    const result = await build({
      pages: [
        {},
        { filename: 'pages/about.html' },
        {
          filename: 'plain.html',
          inject: false,
          templateContent: ({ htmlWebpackPlugin }) =>
            (htmlWebpackPlugin.files.js as string[]).map((src) => `<script src="${src}"></script>`).join(''),
        },
      ],
    });
    expectClean(result);
    // plain.html loads the runtime by URL: it stays, and run from its file it detects the public path itself.
    expect(emittedNames(result, RUNTIME)).toHaveLength(1);
    for (const page of ['index.html', 'pages/about.html', 'plain.html']) {
      const { app, requested } = runPage(result, page);
      await expect(app.loadLazy()).resolves.toBe('lazy chunk loaded');
      expect({ page, requested }).toEqual({
        page,
        requested: [expect.stringMatching(/^http:\/\/localhost\/js\/lazy\.[0-9a-f]+\.js$/)],
      });
    }
    expect(inlineScripts(parsePage(result, 'plain.html'))).toHaveLength(0);
    expect(inlineScripts(parsePage(result, 'pages/about.html'))[0]?.rawText).toContain('"../"');
  });
});

describe('InlineHtmlPlugin: escaping', () => {
  it.each([
    ['unminimized', false],
    ['minimized', true],
  ])(
    'no "</script" or "<!--" can end or confuse the tag (%s), and the code keeps its meaning',
    async (_label, minimize) => {
      const result = await build({ minimize, inline: { inlineChunks: 'main', keepInlinedFiles: true } });
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([expect.stringContaining(`${HTML_PLUGIN_NAME}: index.html: js/main.`)]);
      const scripts = parsePage(result).querySelectorAll('script');
      expect(scripts).toHaveLength(2);
      const [main] = emittedNames(result, /^js\/main\.[0-9a-f]+\.js$/);
      const original = stripSourceMapComment(result.text(main ?? ''));
      expect(original).toMatch(/<!--/);
      expect(scripts[1]?.rawText).toBe(escapeInlineScript(original));
      expect(scripts[1]?.rawText).not.toMatch(/<\/script|<!--/i);

      const { app } = runPage(result);
      expect(app.dangerous).toBe('</script><!--');
      expect(app.dangerousTemplate).toBe('<!--<script>object</script>');
      expect([
        app.dangerousPattern.test('a<!--'),
        app.dangerousPattern.test('</script'),
        app.dangerousPattern.test('x'),
      ]).toEqual([true, true, false]);
      await expect(app.loadLazy()).resolves.toBe('lazy chunk loaded');
    },
  );
});

describe('InlineHtmlPlugin: attributes', () => {
  it('keeps type="module" and crossorigin, drops src, defer and integrity; the module runtime runs', async () => {
    const result = await build({
      pages: [{ scriptLoading: 'module' }],
      plugins: [
        {
          apply(compiler) {
            compiler.hooks.thisCompilation.tap('AddAttributes', (compilation) => {
              HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('AddAttributes', (data) => {
                for (const tag of data.headTags) {
                  if (tag.tagName === 'script')
                    Object.assign(tag.attributes, { crossorigin: 'anonymous', integrity: 'sha384-x' });
                }
                return data;
              });
            });
          },
        },
      ],
    });
    expectClean(result);
    const scripts = parsePage(result).querySelectorAll('script');
    expect(scripts.map((script) => script.attributes)).toEqual([
      { type: 'module', crossorigin: 'anonymous' },
      {
        type: 'module',
        src: expect.stringMatching(/^js\/main\./),
        crossorigin: 'anonymous',
        integrity: 'sha384-x',
      },
    ]);
    const { app, requested } = runPage(result);
    await expect(app.loadLazy()).resolves.toBe('lazy chunk loaded');
    expect(requested).toEqual([expect.stringMatching(/^http:\/\/localhost\/js\/lazy\.[0-9a-f]+\.js$/)]);
  });
});
