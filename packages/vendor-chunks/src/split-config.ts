import type { Compiler, Module } from 'webpack';

/** The key of packwise's cache group in `optimization.splitChunks.cacheGroups`. */
export const CACHE_GROUP_KEY = 'packwiseVendors';
/** Above webpack's defaults (-10, -20); a user's group with a higher priority wins where both match. */
export const CACHE_GROUP_PRIORITY = 10;

/** `compiler.options.optimization` as plugins see it in `apply`: normalized, defaults not applied yet. */
type Optimization = Compiler['options']['optimization'];

const SAMPLE_VENDOR_PATH = '/project/node_modules/some-package/index.js';

/** Whether a user's cache group could take modules from node_modules too (a function might: say so). */
function mayTakeVendorModules(group: unknown): boolean {
  if (group === false || group === null) return false;
  const test =
    typeof group === 'object' && !(group instanceof RegExp) ? (group as { test?: unknown }).test : group;
  if (test instanceof RegExp) {
    return test.test(SAMPLE_VENDOR_PATH) || test.test(SAMPLE_VENDOR_PATH.replace(/\//g, '\\'));
  }
  if (typeof test === 'string') return test.includes('node_modules');
  // No test (it takes everything), a function or a glob condition: it may.
  return true;
}

function priorityOf(group: unknown): number {
  const priority =
    typeof group === 'object' && group !== null ? (group as { priority?: unknown }).priority : undefined;
  return typeof priority === 'number' ? priority : 0;
}

export interface VendorCacheGroup {
  test(module: Module): boolean;
  name(module: Module): string | undefined;
}

/**
 * Adds packwise's cache group beside the user's own and sets the defaults it needs, never overwriting a
 * value the user chose. Returns the conflicts to report as warnings: groups that may take the same
 * modules, a `splitChunks: false`, a cache group key already in use.
 */
export function installCacheGroup(
  optimization: Optimization,
  group: VendorCacheGroup,
  { stableModuleIds }: { stableModuleIds: boolean },
): string[] {
  const conflicts: string[] = [];
  // The normalized form of `runtimeChunk: 'single'`.
  optimization.runtimeChunk ??= { name: () => 'runtime' };
  optimization.chunkIds ??= 'deterministic';
  // `false` turns webpack's own id assignment off; the plugin assigns stable ids in its place.
  optimization.moduleIds ??= stableModuleIds ? false : 'deterministic';

  if (optimization.splitChunks === false) {
    return [
      'optimization.splitChunks is false, so no vendor chunks are made; remove it to use VendorChunksPlugin',
    ];
  }
  optimization.splitChunks ??= {};
  const cacheGroups: Record<string, unknown> = (optimization.splitChunks.cacheGroups ??= {});
  for (const [key, userGroup] of Object.entries(cacheGroups)) {
    if (key === 'default' || key === CACHE_GROUP_KEY || !mayTakeVendorModules(userGroup)) continue;
    const priority = priorityOf(userGroup);
    conflicts.push(
      `optimization.splitChunks.cacheGroups.${key} may also take modules from node_modules; where it does, ` +
        (priority >= CACHE_GROUP_PRIORITY
          ? `it wins (priority ${priority} >= ${CACHE_GROUP_PRIORITY}) and those packages leave the vendor chunks`
          : `packwise's vendor chunks win (priority ${CACHE_GROUP_PRIORITY} > ${priority})`),
    );
  }
  if (CACHE_GROUP_KEY in cacheGroups) {
    conflicts.push(
      `optimization.splitChunks.cacheGroups.${CACHE_GROUP_KEY} is already set; VendorChunksPlugin left it as it is`,
    );
    return conflicts;
  }
  // webpack's default vendor group would compete for the same modules; a user's own stays.
  if (!('defaultVendors' in cacheGroups)) cacheGroups.defaultVendors = false;
  cacheGroups[CACHE_GROUP_KEY] = {
    test: (module: Module) => group.test(module),
    name: (module: Module) => group.name(module),
    chunks: 'all',
    // The plan already decided sizes and request counts: splitChunks' own limits must not undo it.
    enforce: true,
    priority: CACHE_GROUP_PRIORITY,
    reuseExistingChunk: false,
  };
  return conflicts;
}
