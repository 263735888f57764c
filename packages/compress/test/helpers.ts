import { cp, readdir, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { Configuration, StatsAsset } from 'webpack';
import { decompress, fixturePath, makeTempDir } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { PLUGIN_NAME } from '@packwise/compress';

/** fixtures/compress built for production, with the images and font emitted under their own names. */
export function compressConfig(overrides: Configuration = {}): Configuration {
  return {
    mode: 'production',
    context: fixturePath('compress'),
    entry: './src/index.js',
    infrastructureLogging: { level: 'error' },
    ...overrides,
    output: { filename: '[name].[contenthash].js', assetModuleFilename: '[name][ext]', ...overrides.output },
    module: { rules: [{ test: /\.(svg|png|woff2)$/, type: 'asset/resource' }] },
  };
}

/** Emitted file names ending in `.gz` or `.br`. */
export function encodedFiles(build: BuildResult): string[] {
  return [...build.files.keys()].filter((name) => /\.(gz|br)$/.test(name));
}

/** Asserts each `.gz`/`.br` decompresses to exactly the original's bytes; returns how many were checked. */
export function expectRoundTrips(
  build: BuildResult,
  originalOf = (file: string) => file.replace(/\.(gz|br)$/, ''),
) {
  const files = encodedFiles(build);
  for (const file of files) {
    expect({ file, equal: decompress(build.read(file), file).equals(build.read(originalOf(file))) }).toEqual({
      file,
      equal: true,
    });
  }
  return files.length;
}

export interface CompressCounts {
  assets: number;
  computed: number;
  cached: number;
}

/** Sums the plugin's log lines ("N assets: C encodings computed, K from cache, …") over all its passes. */
export function compressCounts(build: BuildResult): CompressCounts {
  const logging = build.stats.toJson({ all: false, logging: 'log' }).logging ?? {};
  const lines = (logging[PLUGIN_NAME]?.entries ?? []).map((entry) => entry.message ?? '');
  const counts = { assets: 0, computed: 0, cached: 0 };
  for (const line of lines) {
    const match = /^(\d+) assets: (\d+) encodings computed, (\d+) from cache/.exec(line);
    if (!match) continue;
    counts.assets += Number(match[1]);
    counts.computed += Number(match[2]);
    counts.cached += Number(match[3]);
  }
  return counts;
}

/** fixtures/compress's emitted files the plugin compresses by default: scripts and the SVG, not PNG/WOFF2. */
export const COMPRESSIBLE = /\.(js|svg)$/;

export function compressibleOriginals(build: BuildResult): string[] {
  return [...build.files.keys()].filter((name) => COMPRESSIBLE.test(name));
}

/** The `.gz`/`.br` files (or those matching `extension`) with their bytes. */
export function encodings(build: BuildResult, extension: RegExp = /\.(gz|br)$/): Map<string, Buffer> {
  return new Map(
    encodedFiles(build).flatMap((name) => (extension.test(name) ? [[name, build.read(name)]] : [])),
  );
}

/** Compressible originals of `after` that `before` did not emit with the same name and bytes. */
export function changedOriginals(before: BuildResult, after: BuildResult): string[] {
  return compressibleOriginals(after).filter((name) => !before.files.get(name)?.equals(after.read(name)));
}

/** A build without errors whose encodings are exactly `extensions` of each compressible file, all round-tripping. */
export function expectEncodings(build: BuildResult, extensions: ('.gz' | '.br')[]): void {
  expect(build.errors).toEqual([]);
  const expected = compressibleOriginals(build)
    .flatMap((name) => extensions.map((extension) => name + extension))
    .sort();
  expect(encodedFiles(build)).toEqual(expected);
  expect(expectRoundTrips(build)).toBe(expected.length);
}

export interface FixtureCopy {
  /** A temp dir holding the project (`context`) and room for a cache beside it. */
  root: string;
  /** The webpack context: `<root>/project`, with a copy of fixtures/compress/src in `src/`. */
  context: string;
  /** Path of a file in the copied `src/`. */
  src(file: string): string;
}

/** An editable copy of fixtures/compress/src, its files dated a minute back. */
export async function copyCompressFixture(): Promise<FixtureCopy> {
  const root = await makeTempDir('packwise-compress-');
  const context = path.join(root, 'project');
  const src = (file: string) => path.join(context, 'src', file);
  await cp(fixturePath('compress', 'src'), src(''), { recursive: true });
  // watchpack reports files modified within its timestamp accuracy (2 s until it has seen finer mtimes) before
  // the watch started as changed: fresh copies would start a rebuild nobody edited for. Old mtimes rule it out.
  const aMinuteAgo = new Date(Date.now() - 60_000);
  for (const file of await readdir(src(''))) await utimes(src(file), aMinuteAgo, aMinuteAgo);
  return { root, context, src };
}

/** The stats' assets by name, with those webpack lists under their original's `related`. */
export function statsAssets(result: BuildResult): Map<string, StatsAsset> {
  const assets = new Map<string, StatsAsset>();
  const add = (list: StatsAsset[] = []) => {
    for (const asset of list) {
      assets.set(asset.name, asset);
      add(asset.related as StatsAsset[] | undefined);
    }
  };
  add(result.stats.toJson({ all: false, assets: true, cachedAssets: true, relatedAssets: true }).assets);
  return assets;
}
