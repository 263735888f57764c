import type { Chunk, Compilation, Module } from 'webpack';
import { identifierOf, moduleChunkCount, sizeOf, sourceTypesOf } from './bundler-compat';
import { chunkGroupKey, chunkKeyer } from './chunk-keys';
import { isInNodeModules } from './package-identity';
import type { PackageIdentifier, PackageIdentity } from './package-identity';
import type { Part, Route } from './plan';
import { ancestorGroups } from './routes';

/** One package as the build uses it: the versions installed, for the report. */
export interface PackageUsage {
  name: string;
  versions: Set<string>;
}

/** What the planner needs from a compilation, and which modules each part stands for. */
export interface CollectedParts {
  parts: Part[];
  /** The modules of each part, by part index. */
  modules: Module[][];
  /** Source bytes of each package in each part, by part index (the framework part holds several). */
  packageBytes: Map<string, number>[];
  routes: Route[];
  /** Source bytes of each chunk's modules that are in no part (its own code), by chunk key. */
  chunkSizes: Map<string, number>;
  packages: Map<string, PackageUsage>;
}

export interface CollectOptions {
  identify: PackageIdentifier;
  frameworkRoots: ReadonlySet<string>;
  moduleName: (module: Module) => string;
  /** App modules that two or more chunks hold are planned too (so none is duplicated). */
  sharedAppModules: boolean;
}

const hasJs = (module: Module) => sourceTypesOf(module).has('javascript');
const hasCss = (module: Module) => [...sourceTypesOf(module)].some((type) => type.startsWith('css'));
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every module the plan places — modules from node_modules (by their resource, `nameForCondition`, never by
 * `context`, which CSS modules from mini-css-extract-plugin have at the project root) and app modules that
 * several chunks hold — grouped into parts by owner and by the chunks that hold them; and every chunk group
 * as a route with the requests its own chunks make once the parts leave them.
 */
export function collectParts(compilation: Compilation, options: CollectOptions): CollectedParts {
  const { chunkGraph } = compilation;
  const keyOf = chunkKeyer(options.moduleName);
  const packages = new Map<string, PackageUsage>();
  const byPart = new Map<string, { part: Part; modules: Module[]; packageBytes: Map<string, number> }>();
  // By identifier: Rspack's module objects are proxies, one per identifier, which a Set by object would trust.
  const placed = new Set<string>();

  const ownerOf = (module: Module): { kind: 'vendor' | 'app'; identity?: PackageIdentity } | undefined => {
    const resource = module.nameForCondition();
    const chunkCount = moduleChunkCount(chunkGraph, module);
    if (!resource || chunkCount === 0) return undefined;
    if (isInNodeModules(resource)) {
      const identity = options.identify(resource);
      return identity ? { kind: 'vendor', identity } : undefined;
    }
    return options.sharedAppModules && chunkCount > 1 ? { kind: 'app' } : undefined;
  };

  for (const module of compilation.modules) {
    const owned = ownerOf(module);
    if (!owned) continue;
    const { identity } = owned;
    if (identity) {
      const usage = packages.get(identity.name) ?? { name: identity.name, versions: new Set<string>() };
      usage.versions.add(identity.version);
      packages.set(identity.name, usage);
    }
    const owner = !identity ? '' : options.frameworkRoots.has(identity.root) ? 'framework' : identity.name;
    const chunks = [...chunkGraph.getModuleChunksIterable(module)];
    const chunkKeys = new Set(chunks.map(keyOf));
    const key = `${owned.kind}\n${owner}\n${[...chunkKeys].sort().join('\n')}`;
    const entry = byPart.get(key) ?? {
      part: { kind: owned.kind, owner, chunks: chunkKeys, size: 0, js: false, css: false, initial: false },
      modules: [],
      packageBytes: new Map<string, number>(),
    };
    entry.part.size += sizeOf(module);
    entry.part.js ||= hasJs(module);
    entry.part.css ||= hasCss(module);
    entry.part.initial ||= chunks.some((chunk) => chunk.canBeInitial());
    entry.modules.push(module);
    if (identity)
      entry.packageBytes.set(identity.name, (entry.packageBytes.get(identity.name) ?? 0) + sizeOf(module));
    byPart.set(key, entry);
    placed.add(identifierOf(module));
  }

  // Sorted by owner and use, so that the plan never depends on the order modules were built in.
  const sorted = [...byPart].sort(([a], [b]) => compare(a, b)).map(([, entry]) => entry);

  const ownRequests = (chunk: Chunk, entryChunk: boolean) => {
    const rest = [...chunkGraph.getChunkModulesIterable(chunk)].filter(
      (module) => !placed.has(identifierOf(module)),
    );
    const js = entryChunk || chunk.hasRuntime() || rest.some(hasJs) ? 1 : 0;
    return js + (rest.some(hasCss) ? 1 : 0);
  };
  const routes: Route[] = compilation.chunkGroups.map((group) => {
    const entry = group.isInitial();
    const above = ancestorGroups(group);
    const lazy = above.filter((g) => !g.isInitial());
    const entries = above.filter((g) => g.isInitial());
    const own = [group, ...lazy].flatMap((g) => g.chunks);
    return {
      key: chunkGroupKey(group, options.moduleName),
      entry,
      loads: new Set(own.map(keyOf)),
      preloaded: new Set(entries.flatMap((g) => g.chunks).map(keyOf)),
      ownRequests: [...new Set(own)].reduce((sum, chunk) => sum + ownRequests(chunk, entry), 0),
    };
  });

  const chunkSizes = new Map<string, number>();
  for (const chunk of compilation.chunks) {
    const rest = [...chunkGraph.getChunkModulesIterable(chunk)].filter(
      (module) => !placed.has(identifierOf(module)),
    );
    chunkSizes.set(
      keyOf(chunk),
      rest.reduce((sum, module) => sum + sizeOf(module, 'javascript'), 0),
    );
  }

  return {
    chunkSizes,
    parts: sorted.map((entry) => entry.part),
    modules: sorted.map((entry) => entry.modules),
    packageBytes: sorted.map((entry) => entry.packageBytes),
    routes,
    packages,
  };
}
