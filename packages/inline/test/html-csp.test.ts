import { compile } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import type { HTMLElement } from 'node-html-parser';
import type { WebpackPluginInstance } from 'webpack';
import { inlineHtmlConfig, parsePage, sha256Source } from './html-helpers';

const STRICT_TEMPLATE =
  '<!DOCTYPE html><html><head><meta charset="utf-8">' +
  `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:">` +
  '<script>window.fromTemplate = 1;</script></head><body></body></html>';

function policyOf(root: HTMLElement): Map<string, string[]> {
  const metas = root.querySelectorAll('meta[http-equiv=Content-Security-Policy]');
  expect(metas).toHaveLength(1);
  const policy = new Map<string, string[]>();
  for (const directive of (metas[0]?.getAttribute('content') ?? '').split(';')) {
    const [name = '', ...sources] = directive.trim().split(/\s+/);
    policy.set(name, sources);
  }
  return policy;
}

/** Hashes of the page's inline scripts and styles, computed here from each element's exact text. */
function expectedHashes(root: HTMLElement) {
  const inline = (selector: string) =>
    root
      .querySelectorAll(selector)
      .filter((element) => !element.hasAttribute('src'))
      .map((element) => sha256Source(element.rawText));
  return { 'script-src': inline('script'), 'style-src': inline('style') };
}

/** Records the lazy chunk's name when the pages are generated, before webpack's real content hash step. */
function lazyNameWhenInlined(names: string[]): WebpackPluginInstance {
  return {
    apply(compiler) {
      compiler.hooks.thisCompilation.tap('LazyName', (compilation) => {
        const stage = compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE;
        compilation.hooks.processAssets.tap({ name: 'LazyName', stage }, (assets) => {
          names.push(...Object.keys(assets).filter((name) => name.startsWith('js/lazy.')));
        });
      });
    },
  };
}

describe('InlineHtmlPlugin: CSP', () => {
  let result: BuildResult;
  const lazyNamesWhenInlined: string[] = [];
  beforeAll(async () => {
    result = await compile(
      inlineHtmlConfig({
        inline: { inlineCss: 'main', csp: { meta: true, nonce: '__CSP_NONCE__' } },
        pages: [{}, { filename: 'strict.html', templateContent: STRICT_TEMPLATE }],
        plugins: [lazyNameWhenInlined(lazyNamesWhenInlined)],
      }),
    );
  });

  it('builds without problems', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('inserts a meta tag whose hashes are those of the final inline elements, before them', () => {
    const html = result.text('index.html');
    const root = parsePage(result);
    const hashes = expectedHashes(root);
    expect(hashes['script-src']).toHaveLength(1);
    expect(hashes['style-src']).toHaveLength(1);
    expect(Object.fromEntries(policyOf(root))).toEqual({
      'script-src': ["'self'", ...hashes['script-src']],
      'style-src': ["'self'", ...hashes['style-src']],
    });
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script|<style/));
  });

  it("extends the template's own policy, sources of default-src included", () => {
    const root = parsePage(result, 'strict.html');
    const hashes = expectedHashes(root);
    // The template's own inline script is hashed too.
    expect(hashes['script-src']).toHaveLength(2);
    expect(Object.fromEntries(policyOf(root))).toEqual({
      'default-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'script-src': ["'self'", ...hashes['script-src']],
      'style-src': ["'self'", ...hashes['style-src']],
    });
  });

  it("never allows 'unsafe-inline'", () => {
    for (const page of ['index.html', 'strict.html'])
      expect(result.text(page)).not.toContain('unsafe-inline');
  });

  it('writes the nonce placeholder on every inline tag and on no file tag', () => {
    for (const page of ['index.html', 'strict.html']) {
      const elements = parsePage(result, page).querySelectorAll('script, style');
      expect(elements.map((element) => [element.hasAttribute('src'), element.getAttribute('nonce')])).toEqual(
        elements.map((element) =>
          element.hasAttribute('src') ? [true, undefined] : [false, '__CSP_NONCE__'],
        ),
      );
    }
  });

  it('emits csp-hashes.json with the hashes per page', () => {
    expect(JSON.parse(result.text('csp-hashes.json'))).toEqual({
      'index.html': expectedHashes(parsePage(result)),
      'strict.html': expectedHashes(parsePage(result, 'strict.html')),
    });
  });

  it('hashes the pages as emitted: minified, and after the real content hash step renamed the lazy chunk', () => {
    const lazy = [...result.files.keys()].find((name) => name.startsWith('js/lazy.'));
    // terser changed the lazy chunk after its first hash: the runtime inlined at OPTIMIZE_INLINE named it
    // differently, and webpack rewrote that name inside the page afterwards.
    expect(lazyNamesWhenInlined).toHaveLength(1);
    expect(lazyNamesWhenInlined[0]).not.toBe(lazy);
    const runtime = parsePage(result)
      .querySelectorAll('script')
      .find((script) => !script.hasAttribute('src'));
    expect(runtime?.rawText).toContain(JSON.stringify(lazy));
    expect(JSON.parse(result.text('csp-hashes.json'))['index.html']['script-src']).toEqual([
      sha256Source(runtime?.rawText ?? ''),
    ]);
    expect(result.text('index.html')).not.toMatch(/>\s+</);
  });
});
