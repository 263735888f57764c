import path from 'node:path';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import type { Configuration, StatsModule } from 'webpack';
import { bundler, fixturePath, toPosix } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { VendorChunksPlugin } from '@packwise/vendor-chunks';
import type { VendorChunksOptions } from '@packwise/vendor-chunks';

/**
 * A fixture under fixtures/layouts built for production with CSS extracted by mini-css-extract-plugin and
 * the vendor chunks plugin. `context` defaults to the layout folder (`workspace` builds from `workspace/app`).
 */
/** The CSS extraction plugin of the bundler under test: Rspack's own CssExtractRspackPlugin on Rspack. */
function cssExtract(): typeof MiniCssExtractPlugin {
  const { rspack, exports } = bundler();
  return rspack ? exports.CssExtractRspackPlugin : MiniCssExtractPlugin;
}

export function layoutConfig(
  layout: string,
  options: VendorChunksOptions = {},
  overrides: Configuration = {},
): Configuration {
  return {
    mode: 'production',
    context: fixturePath('layouts', layout),
    entry: './src/index.js',
    infrastructureLogging: { level: 'error' },
    ...overrides,
    output: { filename: '[name].[contenthash].js', ...overrides.output },
    module: {
      rules: [{ test: /\.css$/, use: [cssExtract().loader, require.resolve('css-loader')] }],
    },
    plugins: [
      new (cssExtract())({ filename: '[name].[contenthash].css' }),
      new VendorChunksPlugin(options),
      ...(overrides.plugins ?? []),
    ],
  };
}

export interface ChunkContent {
  /** Emitted files of the chunk. */
  files: string[];
  /** Resource paths of its modules (concatenated ones included), relative to `relativeTo`, sorted. */
  modules: string[];
  /** Whether the chunk is loaded by an entry before any `import()`. */
  initial: boolean;
}

function leaves(modules: StatsModule[] = []): StatsModule[] {
  return modules.flatMap((module) => (module.modules ? leaves(module.modules) : [module]));
}

/** A planned chunk's name without its use digest: `vendor.react-dom.0d6e4079` -> `vendor.react-dom`. */
export const withoutUseDigest = (name: string) => name.replace(/\.[0-9a-f]{8}$/, '');

/**
 * Named chunks of a build with their files and the resource of every module in them, by name without the use
 * digest (chunks of one package for different routes come together, as one entry) unless `exactNames`.
 */
export function chunkContents(
  build: BuildResult,
  relativeTo: string,
  { exactNames = false } = {},
): Map<string, ChunkContent> {
  const json = build.stats.toJson({
    all: false,
    chunks: true,
    chunkModules: true,
    nestedModules: true,
    dependentModules: true,
    cachedModules: true,
    // Rspack lists the modules inside a concatenated module only with this (webpack's chunks list them anyway).
    orphanModules: true,
  });
  const result = new Map<string, ChunkContent>();
  for (const chunk of json.chunks ?? []) {
    const name = chunk.names?.[0];
    if (!name) continue;
    const modules = leaves(chunk.modules)
      .map((module) => module.nameForCondition)
      .filter((resource): resource is string => Boolean(resource))
      .map((resource) => toPosix(path.relative(relativeTo, resource)));
    const key = exactNames ? name : withoutUseDigest(name);
    const before = result.get(key);
    result.set(key, {
      files: [...(before?.files ?? []), ...(chunk.files ?? [])].sort(),
      modules: [...new Set([...(before?.modules ?? []), ...modules])].sort(),
      initial: (before?.initial ?? false) || (chunk.initial ?? false),
    });
  }
  return result;
}

/** Emitted JS/CSS file names with their content hashes and use digests taken out: `vendor.react-dom.js`. */
export function withoutHashes(names: Iterable<string>): string[] {
  return [...names]
    .map((name) => name.replace(/\.[0-9a-f]{16,}\./, '.').replace(/\.[0-9a-f]{8}\./, '.'))
    .sort();
}
