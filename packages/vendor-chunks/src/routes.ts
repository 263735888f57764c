import type { ChunkGroup, Compilation } from 'webpack';
import { parentsOf } from './bundler-compat';
import { chunkGroupKey } from './chunk-keys';

/** What one route (an entry, or an `import()` chunk group) makes the browser download. */
export interface RouteLoad {
  /** The entry's or `webpackChunkName` name, else where the `import()` is: `./src/router.jsx import(./pages/X)`. */
  name: string;
  entry: boolean;
  /**
   * JS and CSS files, sorted. An entry: every file it loads before any `import()`. A lazy route: the files of
   * its chunk group and of its lazy parents, less what its entry already loaded.
   */
  files: string[];
}

const CODE_FILE = /\.(?:m?js|css)$/;

/** A readable, build-independent name for a chunk group: its key, with modules by their readable identifier. */
export const routeName = (group: ChunkGroup, compilation: Compilation): string =>
  chunkGroupKey(group, (module) => module.readableIdentifier(compilation.requestShortener));

/** Every chunk group above a group: its lazy parents and the entries they start from. */
export function ancestorGroups(group: ChunkGroup): ChunkGroup[] {
  const seen = new Set<ChunkGroup>();
  const queue = [...parentsOf(group)];
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...parentsOf(next));
  }
  return [...seen];
}

const codeFiles = (groups: ChunkGroup[]) =>
  new Set(
    groups.flatMap((group) => group.getFiles()).filter((file) => CODE_FILE.test(file.split('?')[0] ?? file)),
  );

/**
 * Every route of a finished compilation (after splitChunks) with the files it downloads: usable on any build,
 * with or without the plugin, to compare splits route by route.
 */
export function routeLoads(compilation: Compilation): RouteLoad[] {
  return compilation.chunkGroups
    .map((group) => {
      const entry = group.isInitial();
      const above = ancestorGroups(group);
      const loaded = codeFiles(above.filter((g) => g.isInitial()));
      const files = [...codeFiles([group, ...above.filter((g) => !g.isInitial())])].filter(
        (file) => !loaded.has(file),
      );
      return { name: routeName(group, compilation), entry, files: files.sort() };
    })
    .sort((a, b) => Number(b.entry) - Number(a.entry) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
