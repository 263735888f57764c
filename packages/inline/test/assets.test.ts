import svgToMiniDataURI from 'mini-svg-data-uri';
import { readFileSync } from 'node:fs';
import { compile, fixturePath } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { ASSETS_PLUGIN_NAME, InlineAssetsPlugin } from '@packwise/inline';
import type { InlineAssetsPluginOptions } from '@packwise/inline';
import { base64Of, emittedCopies, inlineAssetsConfig, readReport } from './assets-helpers';

const REPORT = 'inline-report.json';

function build(options: InlineAssetsPluginOptions = {}, cssFilename?: string): Promise<BuildResult> {
  return compile(
    inlineAssetsConfig(new InlineAssetsPlugin({ report: REPORT, ...options }), {}, { cssFilename }),
  );
}

/** Every file of the build with its text, except the report. */
function output(result: BuildResult): string {
  return [...result.files.keys()]
    .filter((name) => /\.(js|css)$/.test(name))
    .map((name) => result.text(name))
    .join('\n');
}

/** Where an asset ended up: inlined (its payload is in the JS/CSS) or emitted (once, and referenced). */
function placement(result: BuildResult, source: string): 'inlined' | 'emitted' {
  const copies = emittedCopies(result, source);
  const inlined = output(result).includes(base64Of(source));
  expect({ source, copies: copies.length, inlined }).toEqual({
    source,
    copies: inlined ? 0 : 1,
    inlined,
  });
  return inlined ? 'inlined' : 'emitted';
}

describe('InlineAssetsPlugin with the default options', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await build();
  });

  it('builds without errors or warnings', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('inlines by the encoded length: a file under maxSize whose base64 is over it is emitted', () => {
    // raw-under.png is 3500 bytes (< 4096) but its data: URI is 4690 characters.
    expect(placement(result, 'raw-under.png')).toBe('emitted');
    expect(placement(result, 'mid.png')).toBe('inlined'); // 2900 bytes, 3890 characters
    expect(placement(result, 'small.png')).toBe('inlined');
    expect(placement(result, 'big.png')).toBe('emitted');
    const mid = readReport(result).assets.find((asset) => asset.resource === 'src/mid.png');
    expect(mid).toMatchObject({ bytes: 'data:image/png;base64,'.length + 4 * Math.ceil(2900 / 3) });
  });

  it('URL-encodes SVG with mini-svg-data-uri, shorter than base64', () => {
    const svg = readFileSync(fixturePath('inline-assets', 'src', 'icon.svg'), 'utf8');
    const uri = svgToMiniDataURI(svg);
    expect(uri.startsWith('data:image/svg+xml,')).toBe(true);
    expect(uri.length).toBeLessThan(
      `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`.length,
    );
    expect(result.text('main.js')).toContain(JSON.stringify(uri));
    expect(result.text('main.css')).toContain(uri);
    expect(output(result)).not.toContain('data:image/svg+xml;base64');
    expect(emittedCopies(result, 'icon.svg')).toEqual([]);
  });

  it('keeps the 39 kB gallery chunk within the 16 KiB budget, smallest first, the rest emitted', () => {
    const gallery = readReport(result).chunks.find((chunk) => chunk.chunk === 'gallery');
    expect(gallery?.inlinedBytes).toBeLessThanOrEqual(16384);
    expect(gallery?.inlined.map((asset) => asset.resource)).toEqual(
      ['01', '02', '03', '04'].map((n) => `src/tile-${n}.png`),
    );
    expect(gallery?.refused.map((asset) => asset.resource)).toEqual(
      ['05', '06', '07', '08', '09', '10'].map((n) => `src/tile-${n}.png`),
    );
    // Measured on the output: the gallery's JS and CSS hold no more URI characters than the budget.
    const uris = `${result.text('gallery.js')}\n${result.text('gallery.css')}`.match(/data:[^"')]+/g) ?? [];
    expect(uris.reduce((sum, uri) => sum + uri.length, 0)).toBeLessThanOrEqual(16384);
    for (const n of ['05', '06', '07', '08', '09']) {
      const [file] = emittedCopies(result, `tile-${n}.png`);
      expect(result.text('gallery.js')).toContain(`__webpack_require__.p + "${file}"`);
    }
  });

  it('treats an asset referenced from JS and CSS alike, and emits it at most once', () => {
    // tile-10 is refused by the budget: JS and CSS both load the one emitted file.
    const [tile10] = emittedCopies(result, 'tile-10.png');
    expect(emittedCopies(result, 'tile-10.png')).toHaveLength(1);
    expect(result.text('gallery.js')).toContain(`"${tile10}"`);
    expect(result.text('gallery.css')).toContain(`url(${tile10})`);
    // small.png is inlined in both; big.png (over maxSize) emitted once and referenced by both.
    expect(result.text('main.js')).toContain(base64Of('small.png'));
    expect(result.text('main.css')).toContain(base64Of('small.png'));
    const [big] = emittedCopies(result, 'big.png');
    expect(result.text('main.js')).toContain(`"${big}"`);
    expect(result.text('main.css')).toContain(`url(${big})`);
  });

  it('inlines a font only CSS references', () => {
    expect(placement(result, 'font.woff2')).toBe('inlined');
    expect(result.text('main.css')).toContain(`data:font/woff2;base64,${base64Of('font.woff2')}`);
  });

  it('reports what was inlined where, with bytes and reasons', () => {
    const report = readReport(result);
    expect(report.maxSize).toEqual({ images: 4096, fonts: 4096, svg: 4096 });
    expect(report.maxInlinedBytesPerChunk).toBe(16384);
    const reasons = Object.fromEntries(report.assets.map((asset) => [asset.resource, asset.reason]));
    expect(reasons).toMatchObject({
      'src/raw-under.png': 'maxSize',
      'src/big.png': 'maxSize',
      'src/small.png': 'inlined',
      'src/icon.svg': 'inlined',
      'src/font.woff2': 'inlined',
      'src/tile-01.png': 'inlined',
      'src/tile-05.png': 'budget',
      'src/tile-10.png': 'budget',
    });
    const tile10 = report.assets.find((asset) => asset.resource === 'src/tile-10.png');
    expect(tile10).toMatchObject({
      inlined: false,
      file: emittedCopies(result, 'tile-10.png')[0],
      chunks: ['gallery'],
    });
  });

  it('logs the table', () => {
    const logging = result.stats.toJson({ all: false, logging: 'verbose' }).logging ?? {};
    const lines = (logging[ASSETS_PLUGIN_NAME]?.entries ?? []).map((entry) => entry.message ?? '');
    expect(lines[0]).toBe('16 assets: 8 inlined, 6 refused by the budget, 2 above maxSize');
    expect(lines).toContain('chunk gallery: 15.6 kB inlined (budget 16.4 kB), 4 inlined, 6 refused');
  });
});

describe('InlineAssetsPlugin options in builds', () => {
  it('emits an asset only CSS references once, when the budget refuses it, with a URL relative to the CSS', async () => {
    const result = await build({ maxInlinedBytesPerChunk: 2000 }, 'css/[name].css');
    expect(result.errors).toEqual([]);
    const [font] = emittedCopies(result, 'font.woff2');
    expect(emittedCopies(result, 'font.woff2')).toHaveLength(1);
    expect(result.text('css/main.css')).toContain(`url(../${font})`);
    expect(result.text('main.js')).not.toContain(font);
    // small.png (JS and CSS: 2 × 1358) does not fit beside the SVG either.
    const [small] = emittedCopies(result, 'small.png');
    expect(result.text('css/main.css')).toContain(`url(../${small})`);
    expect(result.text('main.js')).toContain(`"${small}"`);
    const main = readReport(result).chunks.find((chunk) => chunk.chunk === 'main');
    expect(main?.inlinedBytes).toBeLessThanOrEqual(2000);
  });

  it('takes maxSize per kind and turns the budget off', async () => {
    const result = await build({ maxSize: { images: 5000, svg: 0 }, maxInlinedBytesPerChunk: false });
    expect(placement(result, 'raw-under.png')).toBe('inlined');
    expect(placement(result, 'icon.svg')).toBe('emitted');
    expect(placement(result, 'tile-10.png')).toBe('inlined');
    expect(readReport(result).maxInlinedBytesPerChunk).toBeNull();
  });

  it('names emitted files with `filename`', async () => {
    const result = await build({ filename: 'media/[name][ext]' });
    expect(result.files.has('media/big.png')).toBe(true);
    expect(result.text('main.css')).toContain('url(media/big.png)');
  });

  it('leaves files a user rule handles to that rule, with a warning, never matching two rules', async () => {
    const plugin = new InlineAssetsPlugin({ report: REPORT });
    const rules = [{ test: /\.svg$/, type: 'asset/resource' as const }];
    const result = await compile(inlineAssetsConfig(plugin, {}, { rules }));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      // (collectBuild turns the RegExp's backslash into a slash.)
      expect.stringContaining(`${ASSETS_PLUGIN_NAME}: your module rule //.svg$/ also handles .svg files`),
    ]);
    expect(placement(result, 'icon.svg')).toBe('emitted');
    expect(readReport(result).assets.map((asset) => asset.resource)).not.toContain('src/icon.svg');
    expect(placement(result, 'small.png')).toBe('inlined');
  });
});
