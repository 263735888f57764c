import type { Compilation, Module } from 'webpack';
import { isInNodeModules } from './package-identity';
import type { PackageIdentifier, PackageIdentity } from './package-identity';
import type { PackageUsage } from './plan';

export interface VendorModule {
  module: Module;
  identity: PackageIdentity;
}

/**
 * Every module from node_modules that some chunk holds, with its package, and each package's usage:
 * size, whether the first page load needs it, whether it has CSS, whether it belongs to the framework.
 * A module is placed by its resource path (`nameForCondition`), never by `context`, which CSS modules
 * from mini-css-extract-plugin have at the project root; modules without one (runtime, externals) are
 * not vendor modules.
 */
export function collectUsage(
  compilation: Compilation,
  identify: PackageIdentifier,
  frameworkRoots: Set<string>,
): { modules: VendorModule[]; packages: PackageUsage[] } {
  const { chunkGraph } = compilation;
  const modules: VendorModule[] = [];
  const packages = new Map<string, PackageUsage>();
  for (const module of compilation.modules) {
    const resource = module.nameForCondition();
    if (!resource || !isInNodeModules(resource) || chunkGraph.getNumberOfModuleChunks(module) === 0) continue;
    const identity = identify(resource);
    if (!identity) continue;
    modules.push({ module, identity });
    const usage = packages.get(identity.name) ?? {
      name: identity.name,
      versions: new Set<string>(),
      size: 0,
      initial: false,
      hasCss: false,
      framework: false,
    };
    usage.versions.add(identity.version);
    usage.size += module.size();
    usage.initial ||= [...chunkGraph.getModuleChunksIterable(module)].some((chunk) => chunk.canBeInitial());
    usage.hasCss ||= module.type.startsWith('css');
    usage.framework ||= frameworkRoots.has(identity.root);
    packages.set(identity.name, usage);
  }
  const sorted = [...packages.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { modules, packages: sorted };
}
