import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import type { Configuration, WebpackPluginInstance } from 'webpack';
import { bundler, fixturePath, makeTempDir } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { InlineAssetsPlugin, InlineHtmlPlugin } from '@packwise/inline';
import type { InlineAssetsPluginOptions, InlineHtmlPluginOptions } from '@packwise/inline';

/** The images, font and SVG of fixtures/inline-assets the app uses (their URI lengths: its README). */
export const MAIN_ASSETS = ['small.png', 'mid.png', 'raw-under.png', 'big.png', 'icon.svg', 'font.woff2'];
/** Six 2.9 kB tiles in the lazy chunk: 6 × 3890 characters of URIs against a 16 KiB budget. */
export const TILES = [
  'tile-01.png',
  'tile-02.png',
  'tile-03.png',
  'tile-04.png',
  'tile-05.png',
  'tile-06.png',
];
/** The gallery chunk's files: the tiles and a small SVG. */
export const GALLERY_ASSETS = [...TILES, 'badge.svg'];

const INDEX_JS = `import './style.css';
import small from './small.png';
import mid from './mid.png';
import rawUnder from './raw-under.png';
import big from './big.png';
import icon from './icon.svg';

const app = document.getElementById('app');
for (const [name, url] of Object.entries({ small, mid, rawUnder, big, icon })) {
  const image = document.createElement('img');
  image.alt = name;
  image.src = url;
  app.appendChild(image);
}
import(/* webpackChunkName: "gallery" */ './gallery.js').then(({ tiles, message, badgeUrl }) => {
  app.dataset.badge = badgeUrl;
  for (const url of tiles) {
    const image = document.createElement('img');
    image.alt = 'tile';
    image.src = url;
    app.appendChild(image);
  }
  document.getElementById('status').textContent = message;
});
`;

/** An SVG of the gallery's own: its URI holds `'`, and Rspack's eval devtool single-quotes this module. */
export const BADGE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="red"/></svg>';

const GALLERY_JS = `${TILES.map((tile, index) => `import tile${index} from './${tile}';`).join('\n')}
import badge from './badge.svg';
export const badgeUrl = badge;
export const tiles = [${TILES.map((_, index) => `tile${index}`).join(', ')}];
export const message = 'app ran: gallery of ' + tiles.length + ' tiles';
`;

// The font is declared but used by no element, so the browser never fetches it (its bytes are random).
const STYLE_CSS = `@font-face { font-family: 'Fixture'; src: url('./font.woff2') format('woff2'); }
.unused { font-family: 'Fixture'; }
body { background: url('./small.png') no-repeat; }
.icon { background-image: url('./icon.svg'); }
.banner { background-image: url('./big.png'); }
`;

/** The page: a CSP that allows only same-origin files and data: images; the plugin adds the hashes. */
export const TEMPLATE = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; font-src 'self' data:">
<title>inline</title></head><body><div id="app" class="icon banner"></div><p id="status">waiting</p></body></html>`;

/** A fresh copy of the app: `src/` with index.js, gallery.js, style.css and the fixture's files. */
export async function makeApp(): Promise<string> {
  const context = await makeTempDir('packwise-inline-app-');
  const src = path.join(context, 'src');
  await mkdir(src);
  await Promise.all([
    writeFile(path.join(src, 'index.js'), INDEX_JS),
    writeFile(path.join(src, 'gallery.js'), GALLERY_JS),
    writeFile(path.join(src, 'style.css'), STYLE_CSS),
    writeFile(path.join(src, 'badge.svg'), BADGE_SVG),
    ...[...MAIN_ASSETS, ...TILES].map((file) =>
      copyFile(fixturePath('inline-assets', 'src', file), path.join(src, file)),
    ),
  ]);
  return context;
}

export async function sourceBytes(file: string): Promise<Buffer> {
  if (file === 'badge.svg') return Buffer.from(BADGE_SVG);
  return readFile(fixturePath('inline-assets', 'src', file));
}

/** The page generators a test can use on the bundler under test. */
export type PageGenerator = 'HtmlRspackPlugin' | 'html-webpack-plugin';

/** HtmlRspackPlugin and html-webpack-plugin on Rspack (users run both), html-webpack-plugin on webpack. */
export function pageGenerators(): PageGenerator[] {
  return bundler().rspack ? ['HtmlRspackPlugin', 'html-webpack-plugin'] : ['html-webpack-plugin'];
}

function htmlPlugin(generator: PageGenerator): WebpackPluginInstance {
  if (generator === 'html-webpack-plugin') return new HtmlWebpackPlugin({ templateContent: TEMPLATE });
  const { HtmlRspackPlugin } = bundler().exports;
  return new HtmlRspackPlugin({ templateContent: TEMPLATE }) as WebpackPluginInstance;
}

export interface AppOptions {
  assets?: InlineAssetsPluginOptions;
  /** InlineHtmlPlugin's options with the page generator; no page when absent. */
  html?: { generator: PageGenerator; options: InlineHtmlPluginOptions };
  /** Rspack only: its native CSS (`type: 'css/auto'`) instead of css-loader and extraction. */
  nativeCss?: boolean;
  output?: Configuration['output'];
}

/** The CSS rule: css-loader and the bundler's extraction plugin (the CSS file names), or Rspack's native CSS. */
function cssSetup(nativeCss: boolean): Pick<Configuration, 'experiments' | 'plugins'> & {
  rule: NonNullable<NonNullable<Configuration['module']>['rules']>[number];
} {
  const { rspack, exports, version } = bundler();
  if (nativeCss) {
    // Rspack 1.x needs the experiment; 2.x deprecates it and reads the rule's type.
    const experiments = version.startsWith('1.') ? ({ css: true } as Configuration['experiments']) : {};
    return { experiments, plugins: [], rule: { test: /\.css$/, type: 'css/auto' } };
  }
  const CssExtract = (
    rspack ? exports.CssExtractRspackPlugin : MiniCssExtractPlugin
  ) as typeof MiniCssExtractPlugin;
  return {
    plugins: [new CssExtract({ filename: 'css/[name].[contenthash:8].css' })],
    rule: {
      test: /\.css$/,
      use: [CssExtract.loader, require.resolve('css-loader')],
      // Rspack 2 handles .css natively unless told it is JS for the extraction loader.
      ...(rspack ? { type: 'javascript/auto' } : {}),
    },
  };
}

/**
 * The app for production (minified) on the bundler under test: CSS through css-loader and the bundler's
 * extraction plugin (CssExtractRspackPlugin on Rspack, mini-css-extract-plugin on webpack), a runtime chunk,
 * content-hashed names, `output.publicPath` at its default (`auto`) unless `output` says.
 */
export function appConfig(context: string, options: AppOptions = {}): Configuration {
  const css = cssSetup(options.nativeCss ?? false);
  return {
    mode: 'production',
    context,
    entry: './src/index.js',
    devtool: false,
    infrastructureLogging: { level: 'error' },
    output: {
      filename: 'js/[name].[contenthash:8].js',
      assetModuleFilename: 'media/[name].[contenthash:8][ext]',
      cssFilename: 'css/[name].[contenthash:8].css',
      ...options.output,
    },
    ...(css.experiments ? { experiments: css.experiments } : {}),
    optimization: { runtimeChunk: 'single' },
    module: { rules: [css.rule] },
    plugins: [
      ...(css.plugins ?? []),
      new InlineAssetsPlugin({ report: 'inline-report.json', ...options.assets }),
      ...(options.html
        ? [htmlPlugin(options.html.generator), new InlineHtmlPlugin(options.html.options)]
        : []),
    ],
  };
}

/** Text of the emitted JS and CSS files. */
export function codeOf(build: BuildResult): string {
  return [...build.files.keys()]
    .filter((name) => /\.(js|css|html)$/.test(name))
    .map((name) => build.text(name))
    .join('\n');
}

/** Every `data:` URI in the code, decoded to its bytes (base64) or its text (SVG, URL-encoded). */
export function dataUris(code: string): { mime: string; bytes: Buffer }[] {
  const found: { mime: string; bytes: Buffer }[] = [];
  for (const [, mime = '', payload = ''] of code.matchAll(
    /data:([\w.+-]+\/[\w.+-]+);base64,([A-Za-z0-9+/=]+)/g,
  ))
    found.push({ mime, bytes: Buffer.from(payload, 'base64') });
  return found;
}

/** The emitted copies of a source file (`tile-01.png` -> `media/tile-01.<hash>.png`). */
export function emittedCopies(build: BuildResult, source: string): string[] {
  const dot = source.lastIndexOf('.');
  const pattern = new RegExp(`^media/${source.slice(0, dot)}\\.[0-9a-f]{8}\\${source.slice(dot)}$`);
  return [...build.files.keys()].filter((name) => pattern.test(name));
}

/**
 * Syntax errors in the code that chunk files (not the runtime) hand to `eval`: each file runs with a
 * `self` that collects the module factories it pushes, then every factory runs with the context's `eval`
 * replaced by a compile-only check, so the module strings are parsed but nothing of the app runs.
 */
export function evalSyntaxErrors(build: BuildResult): string[] {
  const errors: string[] = [];
  for (const name of [...build.files.keys()].filter((file) => /^js\/(?!runtime).*\.js$/.test(file))) {
    const factories: ((...args: unknown[]) => unknown)[] = [];
    const chunks = {
      push: ([, modules]: [unknown, Record<string, (...args: unknown[]) => unknown>]) =>
        factories.push(...Object.values(modules)),
    };
    const self = new Proxy({}, { get: () => chunks, set: () => true });
    let evaluated = 0;
    const check = (code: string) => {
      evaluated += 1;
      try {
        new vm.Script(code);
      } catch (error) {
        errors.push(`${name}: ${(error as Error).message}`);
      }
    };
    const context = vm.createContext({ self, eval: check });
    vm.runInContext(build.text(name), context);
    const require = Object.assign(() => ({}), { d() {}, r() {}, p: '/' });
    for (const factory of factories) factory({ exports: {} }, {}, require);
    if (evaluated === 0) errors.push(`${name}: no eval'd module`);
  }
  return errors;
}
