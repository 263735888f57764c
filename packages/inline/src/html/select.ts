import path from 'node:path';
import type { Chunk, Compilation } from 'webpack';
import type { ResolvedHtmlOptions } from './options';

export type InlineKind = 'script' | 'style';

export interface InlineCandidate {
  /** The asset name in the compilation. */
  file: string;
  kind: InlineKind;
  chunk: Chunk;
  /** A chunk holding the runtime: its auto publicPath placeholder must be filled in per page. */
  hasRuntime: boolean;
  /** The runtime and nothing else: runs alike inline or deferred. */
  runtimeOnly: boolean;
}

const SCRIPT_FILE = /\.(js|mjs|cjs)$/i;
const STYLE_FILE = /\.css$/i;

/** A runtime chunk as `optimization.runtimeChunk` makes it: the runtime and no modules of its own. */
export function isRuntimeChunk(compilation: Compilation, chunk: Chunk): boolean {
  if (!chunk.hasRuntime()) return false;
  for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
    if (module.type !== 'runtime') return false;
  }
  return true;
}

/**
 * Maps each JS and CSS file of the compilation's chunks to the chunk that owns it, for the files the options
 * select for inlining. Sizes are those of the emitted (minimized) files.
 */
export function selectInlineFiles(
  compilation: Compilation,
  options: ResolvedHtmlOptions,
): Map<string, InlineCandidate> {
  const selected = new Map<string, InlineCandidate>();
  for (const chunk of compilation.chunks) {
    for (const file of chunk.files) {
      const asset = compilation.getAsset(file);
      if (!asset || asset.info.hotModuleReplacement || asset.info.development) continue;
      const name = chunk.name ?? undefined;
      const size = asset.source.size();
      if (SCRIPT_FILE.test(file)) {
        const runtimeOnly = isRuntimeChunk(compilation, chunk);
        if ((options.inlineRuntime && runtimeOnly) || options.inlineChunks(name, size)) {
          selected.set(file, { file, kind: 'script', chunk, hasRuntime: chunk.hasRuntime(), runtimeOnly });
        }
      } else if (STYLE_FILE.test(file) && options.inlineCss(name, size)) {
        selected.set(file, { file, kind: 'style', chunk, hasRuntime: false, runtimeOnly: false });
      }
    }
  }
  return selected;
}

/** A selected file's name now: webpack's real content hash step renames files (and their chunk's `files`). */
export function currentFileName(
  compilation: Compilation,
  candidate: InlineCandidate | undefined,
  file: string,
): string {
  if (!candidate || compilation.getAsset(file)) return file;
  const extension = path.extname(file);
  return [...candidate.chunk.files].find((name) => path.extname(name) === extension) ?? file;
}
