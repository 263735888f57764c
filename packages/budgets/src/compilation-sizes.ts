import type { Chunk, Compilation, Module } from 'webpack';
import { MEASURED_FILE } from './measure';
import type { SizeSource } from './measure';
import { isPage, withPages } from './pages';
import type { Page } from './pages';
import type { BuildSizes, ModuleSize } from './types';

/**
 * Names compression plugins give the encodings they record in `info.related`: @packwise/compress's
 * `gzip`/`brotli`/`zstd`, compression-webpack-plugin's `<algorithm>ed` (`zsted` for a function writing `.zst`).
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

/** Every JS, CSS and HTML asset, with the gzip/brotli/zstd sizes a compression plugin already wrote beside it. */
export function assetSources(compilation: Compilation): SizeSource[] {
  return compilation
    .getAssets()
    .filter(({ name, info }) => MEASURED_FILE.test(name.split('?', 1)[0] ?? name) && !info.compressed)
    .map(({ name, source, info }) => ({
      name,
      raw: source.size(),
      content: async () => {
        const content = source.buffer ? source.buffer() : source.source();
        return Buffer.isBuffer(content) ? content : Buffer.from(content);
      },
      known: knownEncodings(compilation, info.related as Record<string, unknown> | undefined),
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

/** Each JS/CSS file's three largest modules (source bytes), to say what to look at when a budget fails. */
export function largestModules(compilation: Compilation): Record<string, ModuleSize[]> {
  const { chunkGraph, requestShortener } = compilation;
  const result: Record<string, ModuleSize[]> = {};
  const sizesIn = (chunk: Chunk, type: string) =>
    [...chunkGraph.getChunkModulesIterable(chunk)]
      .flatMap(leafModules)
      .filter((module) => module.type !== 'runtime')
      .map((module) => ({ name: module.readableIdentifier(requestShortener), size: module.size(type) }))
      .filter((module) => module.size > 0)
      .sort((a, b) => b.size - a.size)
      .slice(0, 3);
  for (const chunk of compilation.chunks) {
    for (const file of chunk.files) {
      if (/\.m?js$/.test(file)) result[file] = sizesIn(chunk, 'javascript');
      else if (file.endsWith('.css')) result[file] = sizesIn(chunk, 'css/mini-extract');
    }
  }
  return result;
}
