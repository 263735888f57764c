import type { Compilation, Module } from 'webpack';
import type { BuildTimeRef } from './wish';
import { recordOf, refsOf, setRefs } from './wish';

function resourceOf(module: Module): string | undefined {
  const resource = (module as { resource?: unknown }).resource;
  return typeof resource === 'string' ? resource : undefined;
}

/** A module's file dependencies: webpack moves them from `buildInfo` into its snapshot after the build. */
function fileDependenciesOf(module: Module): Set<string> {
  const files = new Set<string>();
  const collect = () => ({
    addAll: (items: Iterable<string>) => [...items].forEach((item) => files.add(item)),
  });
  const ignore = () => ({ addAll: () => undefined });
  module.addCacheDependencies(collect() as never, ignore() as never, ignore() as never, ignore() as never);
  return files;
}

/**
 * Tracks which asset modules each module's build embedded. css-loader turns `url()` into imports that
 * mini-css-extract-plugin executes while building the CSS module (`importModule`): the asset modules become
 * file dependencies of the CSS module but get no connection from it, and a CSS module restored from a cache
 * does not execute anything, so the references are recorded on its `buildInfo` when it is built.
 */
export class BuildTimeRefs {
  private readonly assets = new Map<string, Module>();

  /** An asset module of the plugin, built or restored: a file dependency on it can be recognised. */
  addAsset(module: Module): void {
    const resource = resourceOf(module);
    if (resource !== undefined && recordOf(module))
      this.assets.set(resource.split('?', 1)[0] ?? resource, module);
  }

  /** After a module's build: records the plugin's asset modules among its file dependencies. */
  recordBuild(module: Module): void {
    if (recordOf(module)) return;
    const files = fileDependenciesOf(module);
    const refs: BuildTimeRef[] = [];
    for (const file of files) {
      const asset = this.assets.get(file);
      if (asset && asset !== module)
        refs.push({ identifier: asset.identifier(), request: resourceOf(asset) ?? file });
    }
    if (refs.length > 0)
      setRefs(
        module,
        refs.sort((a, b) => a.identifier.localeCompare(b.identifier)),
      );
  }
}

/**
 * Adds the asset modules that cached modules embedded but that nothing else brought into this compilation
 * (an image only CSS uses, when the CSS came from the cache), so the budget can decide, and emit, them.
 */
export async function addMissingAssets(compilation: Compilation): Promise<void> {
  const { EntryPlugin } = compilation.compiler.webpack;
  const factory = compilation.dependencyFactories.get(
    EntryPlugin.createDependency('', {}).constructor as never,
  );
  const missing = new Map<string, { request: string; origin: Module }>();
  for (const module of compilation.modules) {
    for (const ref of refsOf(module)) {
      if (!compilation.findModule(ref.identifier) && !missing.has(ref.identifier)) {
        missing.set(ref.identifier, { request: ref.request, origin: module });
      }
    }
  }
  if (!factory) return;
  await Promise.all(
    [...missing.values()].map(
      ({ request, origin }) =>
        new Promise<void>((resolve, reject) => {
          compilation.handleModuleCreation(
            {
              factory,
              dependencies: [EntryPlugin.createDependency(request, {})],
              originModule: origin,
              context: origin.context ?? compilation.compiler.context,
              connectOrigin: false,
            },
            (error) => (error ? reject(error) : resolve()),
          );
        }),
    ),
  );
}
