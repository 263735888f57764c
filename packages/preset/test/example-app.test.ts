import path from 'node:path';
import CompressionPlugin from 'compression-webpack-plugin';
import type { Configuration } from 'webpack';
import { parse } from 'node-html-parser';
import { compile, fixturePath } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { CompressPlugin } from '@packwise/compress';
import type { PackwiseOptions } from '@packwise/preset';
import { withPackwise } from '@packwise/preset';

// Real production builds of fixtures/example-app with the preset. Each takes 10–30 s, so there are four:
// the example app's own webpack.config.cjs, vendorChunks off, compress off, and one build with user
// overrides (a preset value, a replaced preset plugin, an added rule, a guarded conflict).

const appDir = fixturePath('example-app');
// In jest, the config's `require('@packwise/preset')` maps to packages/preset/src.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const appConfig = require(path.join(appDir, 'webpack.config.cjs')) as (env: object) => Configuration;

const entry = { main: path.join(appDir, 'src/index.jsx') };
const build = (user: Configuration, options?: PackwiseOptions) =>
  compile(withPackwise({ context: appDir, entry, ...user }, options));

/** Without content hash, and without the use digest of a vendor chunk (`vendor.framework.0d6e4079.js`). */
const withoutHash = (name: string) =>
  name.replace(/\.[0-9a-f]{16,20}\./, '.').replace(/^(vendor\..+)\.[0-9a-f]{8}\./, '$1.');
const names = (result: BuildResult) => [...result.files.keys()].map(withoutHash).sort();
const initialScripts = (result: BuildResult) =>
  parse(result.text('index.html'))
    .querySelectorAll('script[src]')
    .map((script) => withoutHash(path.basename(script.getAttribute('src') ?? '')));
const mainJs = (result: BuildResult) =>
  [...result.files.keys()].find((name) => /^main\.[^/]*\.js$/.test(name));

/** Every build: no errors, and no warnings but those expected. */
function expectBuild(result: BuildResult, warnings: string[] = []): void {
  expect(result.errors).toEqual([]);
  expect(result.warnings).toEqual(warnings);
}

describe('fixtures/example-app with @packwise/preset', () => {
  let preset: BuildResult;
  beforeAll(async () => {
    preset = await compile(appConfig({}));
  });

  it('builds without errors or warnings, with every feature on', () => {
    expectBuild(preset);
    const files = names(preset);
    // vendorChunks: per-package chunks; compress: .gz and .br siblings; inline: the runtime is in the HTML.
    expect(files).toEqual(
      expect.arrayContaining(['vendor.framework.js', 'main.js', 'main.css', 'index.html']),
    );
    expect(files).toEqual(expect.arrayContaining(['main.js.gz', 'main.js.br']));
    expect(files.some((name) => name.startsWith('runtime.'))).toBe(false);
    const inline = parse(preset.text('index.html')).querySelectorAll('script:not([src])');
    expect(inline.map((script) => script.text)).toEqual([expect.stringContaining('webpackChunk')]);
    expect(initialScripts(preset)).toEqual(expect.arrayContaining(['vendor.framework.js', 'main.js']));
  });

  it('without vendorChunks: node_modules stay in webpack default chunks', async () => {
    // The app's budgets are written for its vendor chunks.
    const result = await build({}, { vendorChunks: false, budgets: false });
    expectBuild(result);
    expect(names(result).filter((name) => name.startsWith('vendor.'))).toEqual([]);
    expect(initialScripts(result)).toEqual(['main.js']);
  });

  it("without inline: the runtime is a file again and SVGs are webpack's base64 data URIs", async () => {
    const result = await build({}, { inline: false });
    expectBuild(result);
    expect(initialScripts(result)).toEqual(expect.arrayContaining(['runtime.js']));
    expect(parse(result.text('index.html')).querySelectorAll('script:not([src])')).toEqual([]);
    const css = result.text([...result.files.keys()].find((name) => /^main\..*\.css$/.test(name)) ?? '');
    expect(css).toContain('data:image/svg+xml;base64,');
    const presetCss = preset.text(
      [...preset.files.keys()].find((name) => /^main\..*\.css$/.test(name)) ?? '',
    );
    // URL-encoded (css-minimizer adds a charset), not base64.
    expect(presetCss).toMatch(/data:image\/svg\+xml(;charset=utf-8)?,%3Csvg/i);
    expect(presetCss).not.toContain('data:image/svg+xml;base64,');
  });

  it('without budgets: no report', async () => {
    const result = await build({}, { budgets: false });
    expectBuild(result);
    expect(preset.files.has('packwise-report.json')).toBe(true);
    expect(result.files.has('packwise-report.json')).toBe(false);
  });

  it('without compress: no .gz or .br files, the same JS and CSS', async () => {
    const result = await build({}, { compress: false });
    expectBuild(result);
    expect(names(result).filter((name) => /\.(gz|br)$/.test(name))).toEqual([]);
    const code = (r: BuildResult) => [...r.files.keys()].filter((name) => /\.(js|css)$/.test(name)).sort();
    expect(code(result)).toEqual(code(preset));
  });

  it('takes user overrides: a preset value, a replaced plugin, an added rule; warns about a conflict', async () => {
    const result = await build(
      {
        output: { filename: '[name].js' },
        plugins: [new CompressPlugin({ algorithms: ['gzip'] }), new CompressionPlugin({ test: /\.never$/ })],
        module: {
          rules: [{ test: /Header\.jsx$/, loader: path.join(__dirname, 'fixtures/rename-loader.cjs') }],
        },
      },
      // The app's budgets name main.*.js; this build renames it.
      { budgets: false },
    );
    expectBuild(result, [
      "@packwise/preset: your config adds compression-webpack-plugin (1×) and the preset's compress " +
        '(@packwise/compress) writes .gz and .br files too, so assets are compressed twice. Set ' +
        '`compress: false` in the options of withPackwise, or remove CompressionPlugin from your plugins',
    ]);
    // output.filename is the user's; chunkFilename stays the preset's.
    expect(result.files.has('main.js')).toBe(true);
    expect(names(result)).toContain('vendor.framework.js');
    // Only the user's CompressPlugin ran: gzip, no brotli.
    expect(result.files.has('main.js.gz')).toBe(true);
    expect([...result.files.keys()].filter((name) => name.endsWith('.br'))).toEqual([]);
    expect(result.text('main.js')).toContain('Renamed Dashboard');
    expect(preset.text(mainJs(preset) ?? '')).toContain('Acme Dashboard');
  });
});
