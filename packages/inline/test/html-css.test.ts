import { compile } from '@packwise/test-utils';
import { emittedNames, inlineHtmlConfig, parsePage, runPage } from './html-helpers';
import type { InlineHtmlFixture } from './html-helpers';

const build = (fixture: InlineHtmlFixture) => compile(inlineHtmlConfig(fixture));

/** The `url()` of the inline stylesheet of a page, after checking there is exactly one and no `<link>`. */
function inlineCssUrl(result: Awaited<ReturnType<typeof build>>, page = 'index.html'): string | undefined {
  const root = parsePage(result, page);
  expect(root.querySelectorAll('link[rel=stylesheet]')).toHaveLength(0);
  const styles = root.querySelectorAll('style');
  expect(styles).toHaveLength(1);
  return /url\(([^)]*)\)/.exec(styles[0]?.rawText ?? '')?.[1];
}

describe('InlineHtmlPlugin: CSS', () => {
  it('inlines CSS with url() rebased for the page (auto public path), and deletes the file', async () => {
    const result = await build({
      inline: { inlineCss: 'main' },
      pages: [{}, { filename: 'pages/about.html' }],
    });
    expect(result.errors).toEqual([]);
    expect(emittedNames(result, /\.css$/)).toEqual([]);
    expect(emittedNames(result, /\.png$/)).toEqual(['img/dot.png']);
    // css/main.css had url(../img/dot.png).
    expect(inlineCssUrl(result)).toBe('img/dot.png');
    expect(inlineCssUrl(result, 'pages/about.html')).toBe('../img/dot.png');
  });

  it('builds url() from a nested publicPath for CSS in a subfolder', async () => {
    const result = await build({
      inline: { inlineCss: /^ma/ },
      output: { publicPath: '/static/' },
      // mini-css-extract-plugin writes relative URLs, as with `auto`: css/main.css has url(../img/dot.png).
      cssPublicPath: 'auto',
    });
    expect(result.errors).toEqual([]);
    expect(inlineCssUrl(result)).toBe('/static/img/dot.png');
    // With a fixed public path the runtime is left alone and still finds the lazy chunk.
    const { app, requested } = runPage(result, 'index.html', '/static/');
    await expect(app.loadLazy()).resolves.toBe('lazy chunk loaded');
    expect(requested).toEqual([
      expect.stringMatching(/^http:\/\/localhost\/static\/js\/lazy\.[0-9a-f]+\.js$/),
    ]);
  });

  it('leaves URLs that are already absolute alone', async () => {
    const result = await build({
      inline: { inlineCss: { maxSize: '1 kB' } },
      output: { publicPath: '/static/' },
    });
    expect(result.errors).toEqual([]);
    expect(inlineCssUrl(result)).toBe('/static/img/dot.png');
  });

  it('keeps a stylesheet link for CSS it does not select', async () => {
    const result = await build({ inline: { inlineCss: { maxSize: 10 } } });
    expect(parsePage(result).querySelectorAll('link[rel=stylesheet]')).toHaveLength(1);
    expect(emittedNames(result, /\.css$/)).toEqual(['css/main.css']);
  });
});
