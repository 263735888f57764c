import type { Configuration } from 'webpack';
import { decompress, fixturePath } from '@packwise/test-utils';
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
