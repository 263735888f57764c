import path from 'node:path';
import type { Compilation, Compiler, Module } from 'webpack';
import { stableHash } from './chunk-name';
import { isInNodeModules, toPosixPath } from './package-identity';
import type { PackageIdentifier } from './package-identity';
import { identifierOf } from './bundler-compat';

/** The path webpack's `libIdent` writes for a file: relative to the context, `./` in front when inside it. */
function contextRequest(context: string, file: string): string {
  const relative = toPosixPath(path.relative(context, file));
  return relative.startsWith('../') ? relative : `./${relative}`;
}

/**
 * What a module's id is derived from. App modules: webpack's own (`libIdent`, a path relative to the
 * context), as `moduleIds: 'deterministic'` does. Package modules: the path is replaced by the package's
 * name and the file's path inside it without its JS extension, so an upgrade that moves the install
 * (`date-fns` → an aliased copy, a pnpm folder with a new version) or renames `.mjs` to `.js` keeps the id —
 * and the app chunks that reference it keep their bytes.
 */
export function stableModuleName(module: Module, compiler: Compiler, identify: PackageIdentifier): string {
  // A concatenated module stands for its root module: give it the id the root would have had.
  const root = (module as Module & { rootModule?: Module }).rootModule ?? module;
  const name =
    (typeof root.libIdent === 'function'
      ? root.libIdent({ context: compiler.context, associatedObjectForCache: compiler.root })
      : null) ?? identifierOf(root);
  const resource = root.nameForCondition();
  if (!resource || !isInNodeModules(resource)) return name;
  const identity = identify(resource);
  if (!identity) return name;
  const inside = toPosixPath(resource)
    .slice(identity.root.length + 1)
    .replace(/\.[cm]?js$/, '');
  return name.split(contextRequest(compiler.context, resource)).join(`${identity.name}/${inside}`);
}

/** A module that needs an id, with what its id is derived from. */
export interface PendingModule<M> {
  module: M;
  name: string;
  identifier: string;
}

/**
 * Numeric ids from a hash of each module's stable name, the way `moduleIds: 'deterministic'` does from paths:
 * modules are taken in name order and a collision moves the later one on, so ids depend only on names. The
 * id range grows by tens with the module count and starts at 10,000. `used`: ids other modules already have.
 */
export function stableIds<M>(pending: PendingModule<M>[], used: Set<string | number>): Map<M, number> {
  const ids = new Map<M, number>();
  const sorted = [...pending].sort((a, b) => compare(a.name, b.name) || compare(a.identifier, b.identifier));
  let range = 10_000;
  while ((sorted.length + used.size) * 10 > range) range *= 10;
  for (const { module, name } of sorted) {
    for (let attempt = 0; ; attempt += 1) {
      const id = stableHash(attempt === 0 ? name : `${name}#${attempt}`) % range;
      if (used.has(id)) continue;
      used.add(id);
      ids.set(module, id);
      break;
    }
  }
  return ids;
}

/** webpack (`compilation.hooks.moduleIds`): every module in a chunk that needs an id and has none gets one. */
export function assignStableModuleIds(compilation: Compilation, nameOf: (module: Module) => string): void {
  const { chunkGraph } = compilation;
  const used = new Set<string | number>();
  const pending: PendingModule<Module>[] = [];
  for (const module of compilation.modules) {
    if (!module.needId || chunkGraph.getNumberOfModuleChunks(module) === 0) continue;
    const id = chunkGraph.getModuleId(module);
    if (id !== null) used.add(id);
    else pending.push({ module, name: nameOf(module), identifier: module.identifier() });
  }
  for (const [module, id] of stableIds(pending, used)) chunkGraph.setModuleId(module, id);
}

/**
 * Rspack (`compilation.hooks.beforeModuleIds`): Rspack passes exactly the modules that need an id and have
 * none, as objects whose `id` the hook sets (and whose `identifier` is a string there); the ids set are
 * reserved before Rspack's own `moduleIds` algorithm runs on whatever is left.
 */
export function assignStableModuleIdsRspack(
  modules: Iterable<Module>,
  nameOf: (module: Module) => string,
): void {
  const pending = [...modules].map((module) => ({
    module,
    name: nameOf(module),
    identifier: identifierOf(module),
  }));
  for (const [module, id] of stableIds(pending, new Set())) (module as unknown as { id: number }).id = id;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
