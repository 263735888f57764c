import zlib from 'node:zlib';
import webpack from 'webpack';
import type { Compiler, Configuration, StatsAsset } from 'webpack';
import { compile } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { CompressPlugin } from '@packwise/compress';
import type { CompressPluginOptions, Manifest } from '@packwise/compress';
import { compressConfig, encodedFiles, expectRoundTrips } from './helpers';

const build = (options?: CompressPluginOptions, overrides: Configuration = {}) =>
  compile(
    compressConfig({ ...overrides, plugins: [new CompressPlugin(options), ...(overrides.plugins ?? [])] }),
  );

const originals = (result: BuildResult) =>
  [...result.files.keys()].filter((name) => !/\.(gz|br)$/.test(name));
const byExtension = (ext: string) => (name: string) => name.endsWith(ext);
const gzipped = (result: BuildResult) => new Set(encodedFiles(result).filter(byExtension('.gz')));

/** A plugin that emits `name` at `stage`, for assets other plugins add before or after compression. */
function emitAt(stage: number, name: string, content: string | webpack.sources.Source, info = {}) {
  return {
    apply(compiler: Compiler) {
      compiler.hooks.thisCompilation.tap('EmitAt', (compilation) => {
        compilation.hooks.processAssets.tap({ name: 'EmitAt', stage }, () => {
          const source =
            typeof content === 'string' ? new compiler.webpack.sources.RawSource(content) : content;
          compilation.emitAsset(name, source, info);
        });
      });
    },
  };
}

describe('CompressPlugin with defaults', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await build();
  });

  it('writes gzip and brotli encodings that decompress to the original bytes', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const js = originals(result).filter(byExtension('.js'));
    expect(js.length).toBeGreaterThanOrEqual(2);
    for (const name of [...js, 'logo.svg']) {
      expect(result.files.has(`${name}.gz`)).toBe(true);
      expect(result.files.has(`${name}.br`)).toBe(true);
    }
    expect(expectRoundTrips(result)).toBe(2 * (js.length + 1));
  });

  it('compresses at the highest settings: gzip 9 and brotli 11', () => {
    const main = originals(result).find((name) => name.startsWith('main.')) as string;
    const original = result.read(main);
    expect(result.read(`${main}.gz`).length).toBe(zlib.gzipSync(original, { level: 9 }).length);
    const brotli11 = zlib.brotliCompressSync(original, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: original.length,
      },
    });
    expect(result.read(`${main}.br`).equals(brotli11)).toBe(true);
  });

  it('skips formats that are already compressed', () => {
    expect(result.files.has('banner.png')).toBe(true);
    expect(result.files.has('font.woff2')).toBe(true);
    expect(encodedFiles(result).filter((name) => /\.(png|woff2)\./.test(name))).toEqual([]);
  });

  it('tells stats the truth: related encodings on the original, compressed and immutable on the encodings', () => {
    const main = originals(result).find((name) => name.startsWith('main.')) as string;
    const { info } = result.stats.compilation.getAsset(main) ?? {};
    expect(info?.related).toEqual(expect.objectContaining({ gzip: `${main}.gz`, brotli: `${main}.br` }));
    expect(info?.immutable).toBe(true);
    expect(result.stats.compilation.getAsset(`${main}.gz`)?.info).toMatchObject({
      compressed: true,
      immutable: true,
    });
    // logo.svg has no content hash in its name, so neither it nor its encodings are immutable.
    expect(result.stats.compilation.getAsset('logo.svg.br')?.info).toMatchObject({ compressed: true });
    expect(result.stats.compilation.getAsset('logo.svg.br')?.info.immutable).toBeUndefined();

    const assets = result.stats.toJson({ all: false, assets: true, relatedAssets: true }).assets ?? [];
    const printed = assets.find((asset) => asset.name === main) as StatsAsset;
    expect(printed.related?.map((related) => [related.name, related.info.compressed])).toEqual(
      expect.arrayContaining([
        [`${main}.gz`, true],
        [`${main}.br`, true],
      ]),
    );
  });
});

describe('which assets are compressed', () => {
  it('honours threshold: only assets of at least that many bytes', async () => {
    const result = await build({ threshold: '1 kB', minRatio: Number.POSITIVE_INFINITY });
    const candidates = originals(result).filter((name) => /\.(js|svg)$/.test(name));
    const small = candidates.filter((name) => result.read(name).length < 1000);
    const large = candidates.filter((name) => result.read(name).length >= 1000);
    expect(small.length).toBeGreaterThan(0);
    expect(large.length).toBeGreaterThan(0);
    expect([...gzipped(result)].sort()).toEqual(large.map((name) => `${name}.gz`).sort());
  });

  it('honours minRatio: keeps an encoding only when it is at most that share of the original', async () => {
    const minRatio = 0.45;
    const result = await build({ minRatio, algorithms: ['gzip'] });
    const candidates = originals(result).filter((name) => /\.(js|svg)$/.test(name));
    const ratio = (name: string) =>
      zlib.gzipSync(result.read(name), { level: 9 }).length / result.read(name).length;
    const kept = candidates.filter((name) => ratio(name) <= minRatio);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(candidates.length);
    expect([...gzipped(result)].sort()).toEqual(kept.map((name) => `${name}.gz`).sort());
  });

  it.each<[string, CompressPluginOptions, (name: string) => boolean]>([
    ['test', { test: /\.js$/ }, (name) => name.endsWith('.js')],
    [
      'include',
      { include: ['report.', /^logo/] },
      (name) => name.startsWith('report.') || name === 'logo.svg',
    ],
    ['exclude', { exclude: /\.svg$/ }, (name) => !name.endsWith('.svg')],
    ['test and exclude', { test: /\.(js|svg)$/, exclude: 'main.' }, (name) => !name.startsWith('main.')],
  ])('honours %s', async (_label, options, expected) => {
    const result = await build({ ...options, minRatio: Number.POSITIVE_INFINITY, algorithms: ['gzip'] });
    const want = originals(result)
      .filter((name) => /\.(js|svg)$/.test(name) && expected(name))
      .map((name) => `${name}.gz`);
    expect(want.length).toBeGreaterThan(0);
    expect([...gzipped(result)].sort()).toEqual(want.sort());
  });

  it('compresses the skipped formats too when skipExtensions is empty', async () => {
    const result = await build({ skipExtensions: [], minRatio: Number.POSITIVE_INFINITY });
    expect(result.files.has('banner.png.gz')).toBe(true);
    expect(result.files.has('font.woff2.br')).toBe(true);
    expectRoundTrips(result);
  });

  it('leaves alone assets another plugin marked as compressed', async () => {
    const stage = webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL;
    const result = await build(
      {},
      { plugins: [emitAt(stage, 'data.txt.zst', 'x'.repeat(5000), { compressed: true })] },
    );
    expect(result.files.has('data.txt.zst')).toBe(true);
    expect(encodedFiles(result).filter((name) => name.startsWith('data.'))).toEqual([]);
  });

  it('compresses assets other plugins add before and after its stage', async () => {
    const { PROCESS_ASSETS_STAGE_ADDITIONAL, PROCESS_ASSETS_STAGE_REPORT } = webpack.Compilation;
    const result = await build(
      {},
      {
        plugins: [
          emitAt(PROCESS_ASSETS_STAGE_ADDITIONAL, 'early.txt', 'early '.repeat(400)),
          emitAt(PROCESS_ASSETS_STAGE_REPORT, 'late.txt', 'late '.repeat(400)),
        ],
      },
    );
    expect(encodedFiles(result)).toEqual(
      expect.arrayContaining(['early.txt.gz', 'early.txt.br', 'late.txt.gz', 'late.txt.br']),
    );
    expectRoundTrips(result);
  });
});

describe('filename', () => {
  it('fills [path], [name], [ext], [base] and [query] from the original', async () => {
    const result = await build(
      {
        minRatio: Number.POSITIVE_INFINITY,
        test: /\.js/,
        filename: { gzip: '[path][name]-z[ext].gz[query]', brotli: 'brotli/[base].br' },
      },
      { output: { filename: 'js/[name].js?v=[contenthash:8]', chunkFilename: 'js/[name].chunk.js' } },
    );
    expect(result.errors).toEqual([]);
    const main = result.stats
      .toJson({ all: false, assets: true })
      .assets?.find((a) => a.name.startsWith('js/main.js?'));
    const query = main?.name.slice('js/main.js'.length) ?? '';
    expect(query).toMatch(/^\?v=[0-9a-f]{8}$/);
    expect(result.files.has('js/main-z.js.gz')).toBe(true); // the query is not part of the file on disk
    expect(result.stats.compilation.getAsset(`js/main-z.js.gz${query}`)).toBeDefined();
    expect(result.files.has('brotli/main.js.br')).toBe(true);
    expect(result.files.has('js/report.chunk-z.js.gz')).toBe(true); // [name] is everything before the last dot
    expect(result.files.has('brotli/report.chunk.js.br')).toBe(true);
    expectRoundTrips(result, (file) =>
      file.startsWith('brotli/') ? `js/${file.slice(7, -3)}` : file.replace(/-z\.js\.gz$/, '.js'),
    );
  });

  it('takes a function of the path data', async () => {
    const result = await build({
      algorithms: ['gzip'],
      test: /\.svg$/,
      filename: (pathData) => `precompressed/${pathData.filename}.gz`,
    });
    expect(encodedFiles(result)).toEqual(['precompressed/logo.svg.gz']);
  });
});

describe('deleteOriginalAssets', () => {
  const withSourceMaps: Configuration = { devtool: 'source-map' };
  const mainOf = (result: BuildResult) =>
    result.stats.compilation
      .getAssets()
      .find((asset) => /^main\.[0-9a-f]+\.js\.gz$/.test(asset.name))
      ?.name.slice(0, -3) as string;

  it('keeps everything by default', async () => {
    const result = await build({ test: /\.js$/ }, withSourceMaps);
    const main = mainOf(result);
    expect(['', '.gz', '.br', '.map'].map((suffix) => result.files.has(`${main}${suffix}`))).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('true: deletes the original and its source map, never another encoding', async () => {
    const result = await build({ test: /\.js$/, deleteOriginalAssets: true }, withSourceMaps);
    const main = mainOf(result);
    expect(['', '.gz', '.br', '.map'].map((suffix) => result.files.has(`${main}${suffix}`))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(result.errors).toEqual([]);
  });

  it("'keep-source-map': deletes the original only", async () => {
    const result = await build({ test: /\.js$/, deleteOriginalAssets: 'keep-source-map' }, withSourceMaps);
    const main = mainOf(result);
    expect(['', '.gz', '.br', '.map'].map((suffix) => result.files.has(`${main}${suffix}`))).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });

  it('a function decides per asset', async () => {
    const result = await build({ deleteOriginalAssets: (name) => name.endsWith('.svg') });
    expect(result.files.has('logo.svg')).toBe(false);
    expect(result.files.has('logo.svg.gz')).toBe(true);
    expect(result.files.has(mainOf(result))).toBe(true);
  });

  it('never deletes an original none of whose encodings was kept', async () => {
    const result = await build({ deleteOriginalAssets: true, minRatio: 0.01 });
    expect(encodedFiles(result)).toEqual([]);
    expect(originals(result).filter((name) => name.endsWith('.js')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('manifest', () => {
  it('lists each original with its size and every encoding with its file and size', async () => {
    const result = await build({
      manifest: 'compress-manifest.json',
      deleteOriginalAssets: (name) => name === 'logo.svg',
    });
    const manifest = JSON.parse(result.text('compress-manifest.json')) as Manifest;
    const names = Object.keys(manifest.assets);
    expect(names).toEqual(expect.arrayContaining(['logo.svg', mainOfAny(result)]));
    expect(names).not.toContain('compress-manifest.json');
    for (const [name, entry] of Object.entries(manifest.assets)) {
      if (name !== 'logo.svg') expect(entry.size).toBe(result.read(name).length);
      for (const encoding of Object.values(entry.encodings)) {
        expect(encoding.size).toBe(result.read(encoding.file).length);
      }
    }
    // The deleted original is still listed, so a server knows what the encodings stand for.
    expect(manifest.assets['logo.svg']?.encodings.brotli?.file).toBe('logo.svg.br');
    expect(encodedFiles(result).filter((name) => name.startsWith('compress-manifest'))).toEqual([]);
  });

  const mainOfAny = (result: BuildResult) =>
    originals(result).find((name) => name.startsWith('main.')) as string;
});

describe('failures', () => {
  it('reports an asset that cannot be compressed as a webpack error naming it, and compresses the rest', async () => {
    const { PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER, PROCESS_ASSETS_STAGE_REPORT } = webpack.Compilation;
    // Not .js, or terser would replace the source; added right before compression, after the content-hash
    // step (which would read and cache it), and removed before webpack writes it.
    const broken = new webpack.sources.RawSource('x'.repeat(200));
    broken.buffer = broken.source = () => {
      throw new Error('the disk ate it');
    };
    const removeBroken = {
      apply(compiler: Compiler) {
        compiler.hooks.thisCompilation.tap('RemoveBroken', (compilation) => {
          compilation.hooks.processAssets.tap(
            { name: 'RemoveBroken', stage: PROCESS_ASSETS_STAGE_REPORT },
            () => compilation.deleteAsset('broken.txt'),
          );
        });
      },
    };
    const result = await build(
      {},
      {
        // production builds emit nothing once there is an error; this test wants to see the rest on disk
        optimization: { emitOnErrors: true },
        plugins: [emitAt(PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER - 1, 'broken.txt', broken), removeBroken],
      },
    );
    expect(result.errors).toEqual([
      'PackwiseCompressPlugin: cannot compress "broken.txt" with gzip: the disk ate it',
      'PackwiseCompressPlugin: cannot compress "broken.txt" with brotli: the disk ate it',
    ]);
    expect(expectRoundTrips(result)).toBeGreaterThanOrEqual(6);
  });
});

describe('progress', () => {
  it("reports through webpack's ProgressPlugin when the user has it", async () => {
    const messages: string[] = [];
    const progress = new webpack.ProgressPlugin((_percentage, ...args) => messages.push(args.join(' ')));
    await build({}, { plugins: [progress] });
    expect(messages.some((message) => /\d+\/\d+ encodings/.test(message))).toBe(true);
  });
});

describe('compression-webpack-plugin parity', () => {
  const isGzip = (bytes: Buffer) => bytes[0] === 0x1f && bytes[1] === 0x8b;

  it.each<[string, CompressPluginOptions['deleteOriginalAssets'], Configuration]>([
    ['deleteOriginalAssets: true', true, {}],
    ["'keep-source-map' with devtool: 'source-map'", 'keep-source-map', { devtool: 'source-map' }],
  ])(
    "replaces each file by its gzip with filename '[path][base]' and %s",
    async (_label, deleteOriginalAssets, overrides) => {
      const plain = await build(
        { algorithms: ['gzip'], minRatio: Number.POSITIVE_INFINITY, test: /\.js$/ },
        overrides,
      );
      const result = await build(
        {
          algorithms: ['gzip'],
          filename: '[path][base]',
          deleteOriginalAssets,
          minRatio: Number.POSITIVE_INFINITY,
          test: /\.js$/,
        },
        overrides,
      );
      expect(result.errors).toEqual([]);
      const scripts = [...result.files.keys()].filter((name) => name.endsWith('.js'));
      expect(scripts.sort()).toEqual([...plain.files.keys()].filter((name) => name.endsWith('.js')).sort());
      for (const name of scripts) {
        expect({ name, gzip: isGzip(result.read(name)) }).toEqual({ name, gzip: true });
        expect(zlib.gunzipSync(result.read(name)).equals(plain.read(name))).toBe(true);
      }
      expect([...result.files.keys()].filter((name) => name.endsWith('.gz'))).toEqual([]);
      if (overrides.devtool)
        expect([...result.files.keys()].some((name) => name.endsWith('.js.map'))).toBe(true);
      // The encoding is the only asset of that name: its info points at no other file, and not at itself.
      const assets = result.stats.toJson({ all: false, assets: true, cachedAssets: true }).assets ?? [];
      for (const asset of assets.filter((candidate) => candidate.name.endsWith('.js'))) {
        expect(asset.info.compressed).toBe(true);
        expect(Object.values(asset.info.related ?? {})).not.toContain(asset.name);
      }
    },
  );

  it('prints [compressed] next to each encoding in stats.toString()', async () => {
    const result = await build({ algorithms: ['gzip'] });
    const text = result.stats.toString({ colors: false, assets: true, relatedAssets: true });
    const gz = encodedFiles(result)[0]!;
    expect(text).toMatch(new RegExp(`${gz.replace(/[.]/g, '\\.')} .*\\[compressed\\]`));
  });

  it('keeps no encoding with minRatio: 0', async () => {
    const result = await build({ minRatio: 0 });
    expect(result.errors).toEqual([]);
    expect(encodedFiles(result)).toEqual([]);
  });
});
