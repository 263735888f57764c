import type { Chunk, Compilation, Module } from 'webpack';
import type { InlineRecord } from './wish';
import { recordOf, refsOf } from './wish';

/** An asset module of the plugin's rules with the chunks whose bytes its `data:` URI would add to. */
export interface Candidate {
  module: Module;
  record: InlineRecord;
  /** Chunks the module is in: code references it. */
  chunks: Chunk[];
  /**
   * Chunks of the modules whose build embedded it (CSS through css-loader runs its `url()` imports at build
   * time with `importModule`: that code is in no chunk, so the CSS module's chunks count). See refs.ts.
   */
  buildTimeChunks: Chunk[];
}

/** The chunks of the module, or of the nearest module up its issuer chain that is in a chunk. */
function issuerChunks(compilation: Compilation, origin: Module): Chunk[] {
  const { chunkGraph, moduleGraph } = compilation;
  const seen = new Set<Module>();
  let current: Module | null = origin;
  while (current && !seen.has(current)) {
    seen.add(current);
    if (chunkGraph.getNumberOfModuleChunks(current) > 0)
      return [...chunkGraph.getModuleChunksIterable(current)];
    current = moduleGraph.getIssuer(current) ?? null;
  }
  return [];
}

/** A deterministic chunk order before chunk ids exist: by name, then by webpack's comparison of modules. */
export function sortChunks(compilation: Compilation, chunks: Iterable<Chunk>): Chunk[] {
  const { chunkGraph } = compilation;
  return [...new Set(chunks)].sort(
    (a, b) => (a.name ?? '').localeCompare(b.name ?? '') || chunkGraph.compareChunks(a, b),
  );
}

/** Asset module identifier -> chunks of the modules whose build embedded it (CSS through css-loader). */
function buildTimeChunksByAsset(compilation: Compilation): Map<string, Chunk[]> {
  const byAsset = new Map<string, Chunk[]>();
  for (const module of compilation.modules) {
    const refs = refsOf(module);
    if (refs.length === 0) continue;
    const chunks = issuerChunks(compilation, module);
    for (const { identifier } of refs)
      byAsset.set(identifier, [...(byAsset.get(identifier) ?? []), ...chunks]);
  }
  return byAsset;
}

/** Every module the plugin's parser measured, in identifier order, with its chunks. */
export function collectCandidates(compilation: Compilation): Candidate[] {
  const buildTime = buildTimeChunksByAsset(compilation);
  const candidates: Candidate[] = [];
  for (const module of compilation.modules) {
    const record = recordOf(module);
    if (!record) continue;
    candidates.push({
      module,
      record,
      chunks: sortChunks(compilation, compilation.chunkGraph.getModuleChunksIterable(module)),
      buildTimeChunks: sortChunks(compilation, buildTime.get(module.identifier()) ?? []),
    });
  }
  return candidates.sort((a, b) => a.module.identifier().localeCompare(b.module.identifier()));
}
