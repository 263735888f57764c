import zlib from 'node:zlib';
import { loadZstd } from '@packwise/core';
import { bundler, compile } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { CompressPlugin } from '@packwise/compress';
import type { CompressPluginOptions, Manifest } from '@packwise/compress';
import { compressConfig, compressibleOriginals, statsAssets } from '../helpers';

// Every encoding on webpack 5 and both Rspacks: each file decodes to exactly the original's bytes, and the
// stats and the manifest say what was written.

/** A custom compressor (deflateRaw by callback), named as no built-in is. */
const raw = {
  name: 'raw',
  algorithm: (
    input: Buffer,
    options: Record<string, unknown>,
    callback: (e?: Error | null, o?: Buffer) => void,
  ) => zlib.deflateRaw(input, options, callback),
  compressionOptions: { level: 6 },
};

/** How each encoding is read back, by the extension it is written under. */
const decoders: Record<string, (content: Buffer) => Buffer | Promise<Buffer>> = {
  gz: (content) => zlib.gunzipSync(content),
  br: (content) => zlib.brotliDecompressSync(content),
  zst: (content) => loadZstd().decompress(content),
  deflate: (content) => zlib.inflateSync(content),
  raw: (content) => zlib.inflateRawSync(content),
};
const EXTENSIONS = Object.keys(decoders);

const MANIFEST = 'compress-manifest.json';
const everything: CompressPluginOptions = {
  algorithms: ['gzip', 'brotli', 'zstd', 'deflate', raw],
  manifest: MANIFEST,
  // Every encoding, even of a file too small to gain (Rspack 1.7's report chunk gains nothing from gzip).
  minRatio: 2,
  // The fixture is shared: no disk cache in it (disk-cache.test.ts tests that one).
  diskCache: false,
};

async function build(options: CompressPluginOptions): Promise<BuildResult> {
  return compile(compressConfig({ plugins: [new CompressPlugin(options)] }));
}

describe(`every encoding on ${bundler().name} ${bundler().version}`, () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await build(everything);
  });

  it('writes each encoding of each compressible asset, and each decodes to the original bytes', async () => {
    expect({ errors: result.errors, warnings: result.warnings }).toEqual({ errors: [], warnings: [] });
    const originals = compressibleOriginals(result);
    expect(originals.length).toBeGreaterThanOrEqual(2); // main and logo.svg (and webpack's lazy chunk)
    for (const original of originals) {
      for (const extension of EXTENSIONS) {
        const file = `${original}.${extension}`;
        const decoded = await decoders[extension]?.(result.read(file));
        expect({ file, identical: decoded?.equals(result.read(original)) }).toEqual({
          file,
          identical: true,
        });
      }
    }
    // Nothing else was compressed: not the PNG, the font or the manifest.
    const encoded = [...result.files.keys()].filter((name) => EXTENSIONS.some((e) => name.endsWith(`.${e}`)));
    expect(encoded).toHaveLength(originals.length * EXTENSIONS.length);
  });

  it("marks each encoding compressed and lists it in its original's related info, in the stats", () => {
    const assets = statsAssets(result);
    for (const original of compressibleOriginals(result)) {
      const expected = { gzip: '.gz', brotli: '.br', zstd: '.zst', deflate: '.deflate', raw: '.raw' };
      const related = assets.get(original)?.info.related ?? {};
      for (const [algorithm, extension] of Object.entries(expected)) {
        expect({ original, algorithm, related: related[algorithm] }).toEqual({
          original,
          algorithm,
          related: original + extension,
        });
        const encoding = assets.get(original + extension);
        expect({ encoding: original + extension, compressed: encoding?.info.compressed }).toEqual({
          encoding: original + extension,
          compressed: true,
        });
      }
      expect({ original, compressed: assets.get(original)?.info.compressed }).toEqual({ original });
    }
    // As compression-webpack-plugin prints it: `main.….js.gz 1.93 KiB [emitted] [immutable] [compressed]`.
    const printed = result.stats.toString({
      all: false,
      assets: true,
      relatedAssets: true,
      colors: false,
      assetsSpace: 100,
    });
    const gz = printed.split('\n').filter((line) => /\.js\.gz /.test(line));
    expect(gz.length).toBeGreaterThanOrEqual(1);
    for (const line of gz)
      expect({ line, flag: line.includes('[compressed]') }).toEqual({ line, flag: true });
  });

  it("writes a manifest with every original, its size and each encoding's file and size", () => {
    const manifest = JSON.parse(result.text(MANIFEST)) as Manifest;
    const originals = compressibleOriginals(result);
    expect(Object.keys(manifest.assets).sort()).toEqual([...originals].sort());
    for (const original of originals) {
      const entry = manifest.assets[original];
      expect({ original, size: entry?.size }).toEqual({ original, size: result.read(original).length });
      for (const [algorithm, encoding] of Object.entries(entry?.encodings ?? {})) {
        expect({ algorithm, size: encoding.size }).toEqual({
          algorithm,
          size: result.read(encoding.file).length,
        });
      }
      expect(Object.keys(entry?.encodings ?? {}).sort()).toEqual([
        'brotli',
        'deflate',
        'gzip',
        'raw',
        'zstd',
      ]);
    }
  });
});
