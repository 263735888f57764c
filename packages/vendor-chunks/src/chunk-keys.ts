import { createHash } from 'node:crypto';
import type { Chunk, ChunkGroup, Module } from 'webpack';

/**
 * A chunk group's stable key: its name (entries, `webpackChunkName`), or for an unnamed `import()` where it
 * is made — the importing module's stable name and the request. Never module ids, paths of installs or
 * versions, so an upgrade or an app edit elsewhere keeps every key.
 */
export function chunkGroupKey(group: ChunkGroup, moduleName: (module: Module) => string): string {
  if (group.name) return group.name;
  const origins = group.origins.map(
    (origin) => `${origin.module ? moduleName(origin.module) : ''} import(${origin.request ?? ''})`,
  );
  return [...new Set(origins)].sort().join(', ');
}

/** A chunk's stable key: the keys of the chunk groups it belongs to. */
export function chunkKeyer(moduleName: (module: Module) => string): (chunk: Chunk) => string {
  const keys = new WeakMap<Chunk, string>();
  return (chunk) => {
    let key = keys.get(chunk);
    if (key === undefined) {
      key = [...chunk.groupsIterable]
        .map((group) => chunkGroupKey(group, moduleName))
        .sort()
        .join(' + ');
      keys.set(chunk, key);
    }
    return key;
  };
}

/** Eight hex digits of a set of chunk keys: which routes use a chunk, in its name. */
export function useSetDigest(chunkKeys: Iterable<string>): string {
  return createHash('sha256')
    .update([...chunkKeys].sort().join('\n'))
    .digest('hex')
    .slice(0, 8);
}
