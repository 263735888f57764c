import { createHash } from 'node:crypto';
import vm from 'node:vm';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import { parse } from 'node-html-parser';
import type { HTMLElement } from 'node-html-parser';
import type { Configuration, WebpackPluginInstance } from 'webpack';
import { fixturePath } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { InlineHtmlPlugin } from '@packwise/inline';
import type { InlineHtmlPluginOptions } from '@packwise/inline';

export interface InlineHtmlFixture {
  inline?: InlineHtmlPluginOptions;
  /** One html-webpack-plugin per entry: its options. @default [{}] */
  pages?: HtmlWebpackPlugin.Options[];
  output?: Configuration['output'];
  /** terser on (default) or off. */
  minimize?: boolean;
  /** mini-css-extract-plugin's loader `publicPath` (default: `output.publicPath`). */
  cssPublicPath?: string;
  devtool?: Configuration['devtool'];
  /** Plugins before InlineHtmlPlugin. */
  plugins?: WebpackPluginInstance[];
}

/**
 * fixtures/inline-html for production: runtime chunk, `js/[name].[contenthash].js`, `css/[name].css`, `img/`.
 */
export function inlineHtmlConfig(fixture: InlineHtmlFixture = {}): Configuration {
  const cssLoaderOptions = fixture.cssPublicPath === undefined ? {} : { publicPath: fixture.cssPublicPath };
  return {
    mode: 'production',
    context: fixturePath('inline-html'),
    entry: './src/index.js',
    devtool: fixture.devtool ?? false,
    infrastructureLogging: { level: 'error' },
    output: { filename: 'js/[name].[contenthash].js', ...fixture.output },
    optimization: { runtimeChunk: 'single', minimize: fixture.minimize ?? true },
    module: {
      rules: [
        {
          test: /\.css$/,
          use: [{ loader: MiniCssExtractPlugin.loader, options: cssLoaderOptions }, 'css-loader'],
        },
        { test: /\.png$/, type: 'asset/resource', generator: { filename: 'img/[name][ext]' } },
      ],
    },
    plugins: [
      ...(fixture.plugins ?? []),
      new InlineHtmlPlugin(fixture.inline),
      ...(fixture.pages ?? [{}]).map((options) => new HtmlWebpackPlugin(options)),
      new MiniCssExtractPlugin({ filename: 'css/[name].css' }),
    ],
  };
}

/** A page parsed the way a browser splits it into elements (script and style text kept raw). */
export function parsePage(build: BuildResult, page = 'index.html'): HTMLElement {
  return parse(build.text(page), { blockTextElements: { script: true, style: true } });
}

export function inlineScripts(root: HTMLElement): HTMLElement[] {
  return root.querySelectorAll('script').filter((script) => script.getAttribute('src') === undefined);
}

/** `'sha256-…'` of an element's exact text, as a browser computes it. */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export function emittedNames(build: BuildResult, pattern: RegExp): string[] {
  return [...build.files.keys()].filter((name) => pattern.test(name));
}

export interface PageRun {
  /** The fixture's `globalThis.inlineHtmlFixture` after the page's scripts ran. */
  app: {
    dangerous: string;
    dangerousTemplate: string;
    dangerousPattern: RegExp;
    loadLazy(): Promise<string>;
  };
  /** URLs of the scripts webpack's runtime appended (lazy chunks). */
  requested: string[];
}

/**
 * Runs a page's scripts in a `vm` context with just enough of a DOM for webpack's JSONP runtime: inline
 * scripts run with a `document.currentScript` that has no `src` (as in a browser), files with their URL as
 * `src`, module scripts with none; a `<script>` the runtime appends loads the file its URL names from the
 * build. The page lives at `origin + base + page`, and `base` maps to the output directory.
 */
export function runPage(build: BuildResult, page = 'index.html', base = '/'): PageRun {
  const origin = 'http://localhost';
  const pageUrl = new URL(base + page, origin).href;
  const requested: string[] = [];
  const fileOf = (url: string) => decodeURIComponent(new URL(url, pageUrl).pathname.slice(base.length));
  const document = {
    currentScript: null as null | { tagName: string; src: string },
    baseURI: pageUrl,
    getElementsByTagName: () => [],
    createElement: (tagName: string) => ({ tagName: tagName.toUpperCase(), src: '', setAttribute() {} }),
    head: {
      appendChild(element: {
        src: string;
        onload?: (event: object) => void;
        onerror?: (event: object) => void;
      }) {
        const url = new URL(element.src, pageUrl).href;
        requested.push(url);
        setTimeout(() => {
          const code = build.files.get(fileOf(url));
          if (code) execute(code.toString(), { tagName: 'SCRIPT', src: url });
          (code ? element.onload : element.onerror)?.({ type: code ? 'load' : 'error', target: element });
        });
      },
    },
  };
  const context = vm.createContext({ document, setTimeout, clearTimeout, console });
  vm.runInContext('globalThis.self = globalThis; globalThis.window = globalThis;', context);
  function execute(code: string, currentScript: { tagName: string; src: string } | null) {
    document.currentScript = currentScript;
    vm.runInContext(code, context);
    document.currentScript = null;
  }
  const scripts = parsePage(build, page).querySelectorAll('script');
  // Classic scripts run in document order, deferred files after the document was parsed.
  const deferred = scripts.filter((script) => script.hasAttribute('defer'));
  for (const script of [...scripts.filter((script) => !deferred.includes(script)), ...deferred]) {
    const src = script.getAttribute('src');
    // A module script has no `document.currentScript`; an inline one has no `src`.
    const module = script.getAttribute('type') === 'module';
    const currentScript = (url: string) => (module ? null : { tagName: 'SCRIPT', src: url });
    if (src === undefined) execute(script.rawText, currentScript(''));
    else execute(build.text(fileOf(src)), currentScript(new URL(src, pageUrl).href));
  }
  return { app: (context as { inlineHtmlFixture: PageRun['app'] }).inlineHtmlFixture, requested };
}
