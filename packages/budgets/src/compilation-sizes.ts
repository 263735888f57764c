import type { Chunk, Compilation, Module } from 'webpack';
import { isRspack } from '@packwise/core';
import { MEASURED_FILE } from './measure';
import type { SizeSource } from './measure';
import { isPage, withPages } from './pages';
import { relatedReader } from './related';
import type { Page } from './pages';
import type { DeltaCandidate, ReturningSource } from './returning';
import type { BuildSizes, ModuleSize } from './types';

/**
 * Names compression plugins give the encodings they record in `info.related`: @packwise/compress's
 * `gzip`/`brotli`/`zstd`, compression-webpack-plugin's `<algorithm>ed` (`zsted` for a function writing `.zst`);
 * on Rspack, which drops these keys, the names related.ts finds.
 */
const RELATED_NAMES = {
  gzip: ['gzip', 'gzipped'],
  brotli: ['brotli', 'brotliCompressed', 'br'],
  zstd: ['zstd', 'zstdCompressed', 'zsted', 'zst'],
} as const;

function knownEncodings(compilation: Compilation, related: Record<string, unknown> | undefined) {
  const sizeOf = (keys: readonly string[]) => {
    for (const key of keys) {
      const file = related?.[key];
      const asset = typeof file === 'string' ? compilation.getAsset(file) : undefined;
      if (asset) return asset.source.size();
    }
    return undefined;
  };
  return {
    gzip: sizeOf(RELATED_NAMES.gzip),
    brotli: sizeOf(RELATED_NAMES.brotli),
    zstd: sizeOf(RELATED_NAMES.zstd),
  };
}

type Asset = ReturnType<Compilation['getAssets']>[number];

/** The JS, CSS and HTML assets the budgets measure (not a compression plugin's encodings of them). */
const measuredAssets = (compilation: Compilation) =>
  compilation
    .getAssets()
    .filter(({ name, info }) => MEASURED_FILE.test(name.split('?', 1)[0] ?? name) && !info.compressed);

const contentOf = (source: Asset['source']) => async () => {
  const content = source.buffer ? source.buffer() : source.source();
  return Buffer.isBuffer(content) ? content : Buffer.from(content);
};

/** Every JS, CSS and HTML asset, with the gzip/brotli/zstd sizes a compression plugin already wrote beside it. */
export function assetSources(compilation: Compilation): SizeSource[] {
  const relatedOf = relatedReader(compilation);
  return measuredAssets(compilation).map((asset) => ({
    name: asset.name,
    raw: asset.source.size(),
    content: contentOf(asset.source),
    known: knownEncodings(compilation, relatedOf(asset)),
  }));
}

/**
 * The deltas a compression plugin emitted for an asset: @packwise/compress names them in `related.dcz`, and
 * each delta's info has the SHA-256 of the earlier file (`dictionary`) and its name (`dictionaryFile`).
 */
function deltasOf(compilation: Compilation, related: Record<string, unknown> | undefined): DeltaCandidate[] {
  const dcz = related?.dcz;
  const names = Array.isArray(dcz) ? dcz : [dcz];
  return names.flatMap((file): DeltaCandidate[] => {
    const delta = typeof file === 'string' ? compilation.getAsset(file) : undefined;
    const { dictionary, dictionaryFile } = (delta?.info ?? {}) as Record<string, unknown>;
    if (!delta || typeof dictionary !== 'string' || typeof dictionaryFile !== 'string') return [];
    return [{ file: delta.name, size: delta.source.size(), dictionary, previous: dictionaryFile }];
  });
}

/** Every measured asset with its bytes and deltas, to compare with what a returning visitor holds. */
export function returningSources(compilation: Compilation): ReturningSource[] {
  const relatedOf = relatedReader(compilation);
  return measuredAssets(compilation).map((asset) => ({
    name: asset.name,
    content: contentOf(asset.source),
    deltas: deltasOf(compilation, relatedOf(asset)),
  }));
}

/** The build's HTML pages with their text (html-webpack-plugin's, after any inlining). */
function pagesOf(compilation: Compilation): Page[] {
  return compilation
    .getAssets()
    .filter(({ name, info }) => isPage(name) && !info.compressed)
    .map(({ name, source }) => ({ name, html: String(source.source()) }));
}

/**
 * Files of each entry: `initial` before any `import()`, `all` with every lazy chunk it may load, `pages` the
 * HTML pages that load it.
 */
export function entryFiles(compilation: Compilation): BuildSizes['entries'] {
  const entries: BuildSizes['entries'] = {};
  for (const [name, entrypoint] of compilation.entrypoints) {
    const initial = new Set(entrypoint.getFiles());
    const all = new Set(initial);
    for (const chunk of entrypoint.chunks) {
      for (const lazy of chunk.getAllAsyncChunks()) for (const file of lazy.files) all.add(file);
    }
    entries[name] = { initial: [...initial].sort(), all: [...all].sort() };
  }
  return withPages(entries, pagesOf(compilation));
}

function leafModules(module: Module): Module[] {
  const inner = (module as Module & { modules?: Module[] }).modules;
  return inner ? inner.flatMap(leafModules) : [module];
}

/** The source types a JS or CSS file is made of: what `module.size(type)` is asked for. */
const SOURCE_TYPES = { js: ['javascript'], css: ['css/mini-extract', 'css'] } as const;

/**
 * The modules of `chunk` that are measured in `type`. webpack: every module, sized by `size(type)` (a module
 * without that type says 0 or its own size). Rspack panics ("entered unreachable code", the process ends) when
 * a module is asked for a source type its generator does not produce (an asset module for `css/mini-extract`):
 * there only the modules that have the type are asked, from `getChunkModulesIterableBySourceType`.
 */
function chunkModules(compilation: Compilation, chunk: Chunk, kind: keyof typeof SOURCE_TYPES) {
  const { chunkGraph } = compilation;
  if (!isRspack(compilation.compiler)) {
    const type = kind === 'js' ? 'javascript' : 'css/mini-extract';
    return [...chunkGraph.getChunkModulesIterable(chunk)].map((module) => ({ module, type }));
  }
  return SOURCE_TYPES[kind].flatMap((type) =>
    [...(chunkGraph.getChunkModulesIterableBySourceType(chunk, type) ?? [])].map((module) => ({
      module,
      type,
    })),
  );
}

/** Each JS/CSS file's three largest modules (source bytes), to say what to look at when a budget fails. */
export function largestModules(compilation: Compilation): Record<string, ModuleSize[]> {
  const { requestShortener } = compilation;
  const result: Record<string, ModuleSize[]> = {};
  const sizesIn = (chunk: Chunk, kind: keyof typeof SOURCE_TYPES) =>
    chunkModules(compilation, chunk, kind)
      .flatMap(({ module, type }) => leafModules(module).map((leaf) => ({ leaf, type })))
      .filter(({ leaf }) => leaf.type !== 'runtime')
      .map(({ leaf, type }) => ({ name: leaf.readableIdentifier(requestShortener), size: leaf.size(type) }))
      .filter((module) => module.size > 0)
      .sort((a, b) => b.size - a.size)
      .slice(0, 3);
  for (const chunk of compilation.chunks) {
    for (const file of chunk.files) {
      if (/\.m?js$/.test(file)) result[file] = sizesIn(chunk, 'js');
      else if (file.endsWith('.css')) result[file] = sizesIn(chunk, 'css');
    }
  }
  return result;
}
