import { readFileSync } from 'node:fs';
import svgToMiniDataURI from 'mini-svg-data-uri';
import {
  bundler,
  closeCompiler,
  compile,
  createCompiler,
  fixturePath,
  runCompiler,
} from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import type { WebpackPluginInstance } from 'webpack';
import type { InlineAssetsReport } from '@packwise/inline';
import {
  GALLERY_ASSETS,
  MAIN_ASSETS,
  TILES,
  appConfig,
  codeOf,
  dataUris,
  emittedCopies,
  evalSyntaxErrors,
  makeApp,
  sourceBytes,
} from './app';

/** Where each source file ended up, checked on the bytes: decoded from a data: URI, or an emitted copy. */
async function placements(build: BuildResult): Promise<Record<string, string>> {
  // `\x27` is how an SVG URI's quotes are written inside an eval'd module string (rspack.ts).
  const code = codeOf(build).replace(/\\x27/g, "'");
  const decoded = dataUris(code);
  const result: Record<string, string> = {};
  for (const source of [...MAIN_ASSETS, ...GALLERY_ASSETS]) {
    const bytes = await sourceBytes(source);
    const copies = emittedCopies(build, source);
    const inlined = source.endsWith('.svg')
      ? code.includes(svgToMiniDataURI(bytes.toString('utf8')))
      : decoded.some((uri) => uri.bytes.equals(bytes));
    const emittedSame = copies.length === 1 && build.read(copies[0] as string).equals(bytes);
    // Exactly one of the two, and an emitted file is referenced by its name.
    result[source] =
      inlined && copies.length === 0
        ? 'inlined'
        : !inlined && emittedSame && code.includes((copies[0] as string).slice('media/'.length))
          ? 'emitted'
          : `inlined: ${inlined}, copies: ${copies.join(', ') || 'none'}`;
  }
  return result;
}

function report(build: BuildResult): InlineAssetsReport {
  return JSON.parse(build.text('inline-report.json')) as InlineAssetsReport;
}

describe(`InlineAssetsPlugin on ${bundler().name} ${bundler().version}`, () => {
  let context: string;
  beforeAll(async () => {
    context = await makeApp();
  });

  describe('with the default options (4 KiB URIs, 16 KiB per chunk)', () => {
    let build: BuildResult;
    beforeAll(async () => {
      build = await compile(appConfig(context));
    });

    it('builds without errors or warnings', () => {
      expect({ errors: build.errors, warnings: build.warnings }).toEqual({ errors: [], warnings: [] });
    });

    it('inlines by the encoded URI length and the per-chunk budget; the bytes are the source files', async () => {
      expect(await placements(build)).toEqual({
        'small.png': 'inlined', // 1358 characters
        'mid.png': 'inlined', // 3890
        'raw-under.png': 'emitted', // 3500 bytes, but a 4690-character URI
        'big.png': 'emitted', // 8022
        'icon.svg': 'inlined', // URL-encoded, not base64
        'font.woff2': 'inlined',
        // The gallery chunk: the badge and four tiles fill 15700 of its 16384 characters, the fifth does not fit.
        'tile-01.png': 'inlined',
        'tile-02.png': 'inlined',
        'tile-03.png': 'inlined',
        'tile-04.png': 'inlined',
        'tile-05.png': 'emitted',
        'tile-06.png': 'emitted',
        'badge.svg': 'inlined',
      });
    });

    it('writes SVG URL-encoded by mini-svg-data-uri and never as base64', () => {
      expect(dataUris(codeOf(build)).map((uri) => uri.mime)).not.toContain('image/svg+xml');
    });

    it('reports per chunk what was inlined and what the budget refused', () => {
      const { assets, chunks, maxInlinedBytesPerChunk } = report(build);
      expect(maxInlinedBytesPerChunk).toBe(16384);
      expect(Object.fromEntries(assets.map((asset) => [asset.resource, asset.reason]))).toEqual({
        'src/badge.svg': 'inlined',
        'src/big.png': 'maxSize',
        'src/font.woff2': 'inlined',
        'src/icon.svg': 'inlined',
        'src/mid.png': 'inlined',
        'src/raw-under.png': 'maxSize',
        'src/small.png': 'inlined',
        'src/tile-01.png': 'inlined',
        'src/tile-02.png': 'inlined',
        'src/tile-03.png': 'inlined',
        'src/tile-04.png': 'inlined',
        'src/tile-05.png': 'budget',
        'src/tile-06.png': 'budget',
      });
      const gallery = chunks.find((chunk) => chunk.chunk === 'gallery');
      const badge = assets.find((asset) => asset.resource === 'src/badge.svg')?.bytes ?? NaN;
      expect({ inlinedBytes: gallery?.inlinedBytes, refused: gallery?.refused }).toEqual({
        inlinedBytes: badge + 4 * 3890,
        refused: [
          { resource: 'src/tile-05.png', bytes: 3890 },
          { resource: 'src/tile-06.png', bytes: 3890 },
        ],
      });
      // small.png is in main's JS and in its CSS: its URI counts twice against main's budget.
      const main = chunks.find((chunk) => chunk.chunk === 'main');
      expect(main?.inlined.find((entry) => entry.resource === 'src/small.png')).toEqual({
        resource: 'src/small.png',
        bytes: 2 * 1358,
      });
    });
  });

  it('follows maxSize per kind and no budget: every tile inlined, no image above 1 kB', async () => {
    const build = await compile(
      appConfig(context, {
        assets: { maxSize: { images: 3890, svg: '4 KiB', fonts: 100 }, maxInlinedBytesPerChunk: false },
      }),
    );
    expect({ errors: build.errors, warnings: build.warnings }).toEqual({ errors: [], warnings: [] });
    const placed = await placements(build);
    expect({
      'mid.png': placed['mid.png'],
      'raw-under.png': placed['raw-under.png'],
      'font.woff2': placed['font.woff2'],
      'icon.svg': placed['icon.svg'],
      tiles: TILES.map((tile) => placed[tile]),
    }).toEqual({
      'mid.png': 'inlined', // exactly 3890 characters: at the limit
      'raw-under.png': 'emitted',
      'font.woff2': 'emitted', // fonts: 100 characters at most
      'icon.svg': 'inlined',
      tiles: TILES.map(() => 'inlined'),
    });
    expect(report(build).maxInlinedBytesPerChunk).toBeNull();
  });

  it('writes the URLs of emitted files under a fixed output.publicPath, in JS and CSS alike', async () => {
    const build = await compile(appConfig(context, { output: { publicPath: '/static/' } }));
    expect({ errors: build.errors, warnings: build.warnings }).toEqual({ errors: [], warnings: [] });
    const placed = await placements(build);
    expect([placed['big.png'], placed['small.png'], placed['tile-05.png']]).toEqual([
      'emitted',
      'inlined',
      'emitted',
    ]);
    const css = [...build.files.keys()].find((name) => name.endsWith('.css')) as string;
    const big = emittedCopies(build, 'big.png')[0] as string;
    expect(build.text(css)).toMatch(new RegExp(`url\\(["']?/static/${big.replace(/\./g, '\\.')}["']?\\)`));
  });

  (bundler().rspack ? it : it.skip)("on Rspack's native CSS: the same decisions", async () => {
    const build = await compile(appConfig(context, { nativeCss: true }));
    expect({ errors: build.errors, warnings: build.warnings }).toEqual({ errors: [], warnings: [] });
    const placed = await placements(build);
    expect(Object.values(placed).filter((where) => where !== 'inlined' && where !== 'emitted')).toEqual([]);
    expect(report(build).assets.map((asset) => [asset.resource, asset.reason])).toEqual(
      report(await compile(appConfig(context))).assets.map((asset) => [asset.resource, asset.reason]),
    );
  });

  it('decides the same when the same compiler builds again from its cache', async () => {
    const { compiler } = await createCompiler(appConfig(context, { output: { clean: true } }));
    try {
      const first = await runCompiler(compiler);
      const second = await runCompiler(compiler);
      expect({ errors: second.errors, warnings: second.warnings }).toEqual({ errors: [], warnings: [] });
      expect(await placements(second)).toEqual(await placements(first));
      expect(report(second)).toEqual(report(first));
      expect([...second.files.keys()].sort()).toEqual([...first.files.keys()].sort());
    } finally {
      await closeCompiler(compiler);
    }
  });

  it("decides the same under devtool 'eval', where each module's code is a string", async () => {
    const config = { ...appConfig(context), devtool: 'eval' as const };
    const build = await compile(config);
    expect({ errors: build.errors, warnings: build.warnings }).toEqual({ errors: [], warnings: [] });
    const reasons = (result: BuildResult) =>
      report(result).assets.map((asset) => [asset.resource, asset.reason]);
    expect(reasons(build)).toEqual(reasons(await compile(appConfig(context))));
    expect(Object.values(await placements(build))).toEqual([
      ...['inlined', 'inlined', 'emitted', 'emitted', 'inlined', 'inlined'],
      ...['inlined', 'inlined', 'inlined', 'inlined', 'emitted', 'emitted', 'inlined'],
    ]);
    // Rspack only: the plugin writes the URIs into the module strings there (webpack's generator writes
    // them itself); they parse, the SVGs' quotes included.
    if (bundler().rspack) expect(evalSyntaxErrors(build)).toEqual([]);
  });

  it('keeps an inlined file that other code names, with one warning on Rspack', async () => {
    // A JS file of another plugin that names small.png's emitted file (as a string, not a reference).
    const namer: WebpackPluginInstance = {
      apply(compiler) {
        compiler.hooks.thisCompilation.tap('Namer', (compilation) => {
          const stage = compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL;
          compilation.hooks.processAssets.tap({ name: 'Namer', stage }, () => {
            const small = compilation
              .getAssets()
              .find((asset) => asset.info.sourceFilename === 'src/small.png');
            const { RawSource } = compiler.webpack.sources;
            // webpack inlined it at code generation: there is no file to name.
            if (small)
              compilation.emitAsset(
                'names.js',
                new RawSource(`self.names = [${JSON.stringify(small.name)}];`),
              );
          });
        });
      },
    };
    const config = appConfig(context);
    config.plugins?.push(namer);
    const build = await compile(config);
    const placed = await placements(build);
    if (bundler().rspack) {
      expect(build.warnings).toEqual([
        expect.stringMatching(
          /PackwiseInlineAssetsPlugin: removing an inlined file .* media\/small\.[0-9a-f]{8}\.png inlined where referenced so, and kept as files/,
        ),
      ]);
      expect(placed['small.png']).toBe(
        'inlined: true, copies: ' + emittedCopies(build, 'small.png').join(''),
      );
      expect(build.text('names.js')).toContain(emittedCopies(build, 'small.png')[0]);
    } else {
      expect(build.warnings).toEqual([]);
      expect(placed['small.png']).toBe('inlined');
    }
  });

  it('leaves files that a user rule handles to that rule, with one warning', async () => {
    const config = appConfig(context);
    config.module?.rules?.push({ test: /\.svg$/, type: 'asset/resource' });
    const build = await compile(config);
    // Rspack prefixes "  ⚠ "; the test helpers turn the RegExp's backslash into a slash as in a path.
    expect(build.warnings).toEqual([
      expect.stringMatching(/PackwiseInlineAssetsPlugin: your module rule \S+ also handles \.svg files;/),
    ]);
    const svg = readFileSync(fixturePath('inline-assets', 'src', 'icon.svg'), 'utf8');
    expect(codeOf(build)).not.toContain(svgToMiniDataURI(svg));
    expect(emittedCopies(build, 'icon.svg')).toHaveLength(1);
  });
});
