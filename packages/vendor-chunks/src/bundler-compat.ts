import type { ChunkGraph, ChunkGroup, Module } from 'webpack';

// The few places where Rspack's plugin API (1.7, 2.x) differs from webpack's in what the plugin reads. Rspack's
// modules, chunks and chunk groups are proxies of Rust data: stable objects within a compilation, but without
// some of webpack's methods. On webpack every helper below does exactly what the webpack call does.

/**
 * A module's identifier. Rspack's `beforeModuleIds` hands out modules whose `identifier` is a string, not a
 * method; everywhere else it is webpack's `identifier()`.
 */
export function identifierOf(module: Module): string {
  const { identifier } = module as unknown as { identifier: unknown };
  return typeof identifier === 'function' ? (module.identifier() as string) : String(identifier);
}

/** A chunk group's parents: webpack's `parentsIterable`, Rspack's `getParents()`. */
export function parentsOf(group: ChunkGroup): Iterable<ChunkGroup> {
  const rspack = group as ChunkGroup & { getParents?: () => ChunkGroup[] };
  return group.parentsIterable ?? rspack.getParents?.() ?? [];
}

/**
 * The source types a module generates. Rspack's modules have no `getSourceTypes()`: there a module's type
 * says it (`css/mini-extract`, `css/auto`, … for CSS; the rest generate JavaScript).
 */
export function sourceTypesOf(module: Module): Set<string> {
  if (typeof module.getSourceTypes === 'function') return module.getSourceTypes() as Set<string>;
  return new Set([module.type.startsWith('css') ? module.type : 'javascript']);
}

/** How many chunks hold a module: webpack's `getNumberOfModuleChunks`, Rspack's `getModuleChunks().length`. */
export function moduleChunkCount(chunkGraph: ChunkGraph, module: Module): number {
  if (typeof chunkGraph.getNumberOfModuleChunks === 'function')
    return chunkGraph.getNumberOfModuleChunks(module);
  return chunkGraph.getModuleChunks(module).length;
}

/** A module's source bytes (of one source type on webpack); 0 for a Rspack module kind without `size()`. */
export function sizeOf(module: Module, type?: string): number {
  return typeof module.size === 'function' ? module.size(type) : 0;
}
