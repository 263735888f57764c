import type { ChunkGraph, Compiler, Module, ModuleGraph } from 'webpack';

/** The key of packwise's cache group in `optimization.splitChunks.cacheGroups`. */
export const CACHE_GROUP_KEY = 'packwiseVendors';
/** Above webpack's defaults (-10, -20); a user's group with a higher priority wins where both match. */
export const CACHE_GROUP_PRIORITY = 10;

/** `compiler.options.optimization` as plugins see it in `apply`: normalized, defaults not applied yet. */
type Optimization = Compiler['options']['optimization'];

type ModuleTest = (module: Module, context: { chunkGraph: ChunkGraph; moduleGraph: ModuleGraph }) => boolean;

/** A user's cache group's `test` as a predicate, the way SplitChunksPlugin applies it; `false` for none. */
function testOf(group: unknown): ModuleTest | false {
  if (group === false || group === null || group === undefined) return false;
  const test =
    typeof group === 'object' && !(group instanceof RegExp) ? (group as { test?: unknown }).test : group;
  if (test === undefined) return () => true;
  if (typeof test === 'function') return (module, context) => Boolean(test(module, context));
  const resource = (module: Module) => module.nameForCondition() ?? '';
  if (test instanceof RegExp) return (module) => test.test(resource(module));
  if (typeof test === 'string') return (module) => resource(module).startsWith(test);
  return false;
}

function priorityOf(group: unknown): number {
  const priority =
    typeof group === 'object' && group !== null ? (group as { priority?: unknown }).priority : undefined;
  return typeof priority === 'number' ? priority : 0;
}

export interface UserCacheGroup {
  key: string;
  priority: number;
  test: ModuleTest;
}

/**
 * For each of the user's cache groups that takes some of the vendor modules, a warning naming the group,
 * the packages it takes and who wins.
 */
export function findConflicts(
  userGroups: UserCacheGroup[],
  vendorModules: { module: Module; packageName: string }[],
  context: { chunkGraph: ChunkGraph; moduleGraph: ModuleGraph },
): string[] {
  const conflicts: string[] = [];
  for (const group of userGroups) {
    const taken = new Set(
      vendorModules.filter(({ module }) => group.test(module, context)).map(({ packageName }) => packageName),
    );
    if (taken.size === 0) continue;
    const names = [...taken].sort();
    const listed =
      names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
    conflicts.push(
      `optimization.splitChunks.cacheGroups.${group.key} also takes ${listed} from node_modules: ` +
        (group.priority >= CACHE_GROUP_PRIORITY
          ? `it wins (priority ${group.priority} >= ${CACHE_GROUP_PRIORITY}), so those modules leave the vendor chunks`
          : `the vendor chunks win (priority ${CACHE_GROUP_PRIORITY} > ${group.priority})`),
    );
  }
  return conflicts;
}

/** A cache group's `test` and `name` as SplitChunksPlugin takes them: functions, or precomputed forms. */
export interface VendorCacheGroup {
  test: ((module: Module) => boolean) | RegExp;
  name: ((module: Module) => string | undefined) | string;
  /** Only modules that this many chunks hold (the shared app modules' group on Rspack). */
  minChunks?: number;
}

/** The key of the shared app modules' cache group where it is a group of its own (Rspack, precomputed). */
export const SHARED_CACHE_GROUP_KEY = 'packwiseShared';

const asFunction = <T>(value: ((module: Module) => T) | RegExp | string) =>
  typeof value === 'function' ? (module: Module) => value(module) : value;

/**
 * Adds packwise's cache group beside the user's own and sets the defaults it needs, never overwriting a
 * value the user chose. Returns what to warn about now (`splitChunks: false`, a cache group key already in
 * use) and the user's cache groups, to check against the real vendor modules of each build.
 */
export function installCacheGroup(
  optimization: Optimization,
  group: VendorCacheGroup,
  {
    stableModuleIds,
    rspack = false,
    shared,
  }: { stableModuleIds: boolean; rspack?: boolean; shared?: VendorCacheGroup },
): { conflicts: string[]; userGroups: UserCacheGroup[] } {
  const conflicts: string[] = [];
  const userGroups: UserCacheGroup[] = [];
  // The normalized form of `runtimeChunk: 'single'`.
  optimization.runtimeChunk ??= { name: () => 'runtime' };
  optimization.chunkIds ??= 'deterministic';
  // `false` turns webpack's own id assignment off; the plugin assigns stable ids in its place. Rspack 1.7 has
  // no `false`: there the ids the plugin sets in `beforeModuleIds` are kept and 'deterministic' does the rest.
  optimization.moduleIds ??= stableModuleIds && !rspack ? false : 'deterministic';

  if (optimization.splitChunks === false) {
    conflicts.push(
      'optimization.splitChunks is false, so no vendor chunks are made; remove it to use VendorChunksPlugin',
    );
    return { conflicts, userGroups };
  }
  optimization.splitChunks ??= {};
  const cacheGroups: Record<string, unknown> = (optimization.splitChunks.cacheGroups ??= {});
  for (const [key, userGroup] of Object.entries(cacheGroups)) {
    const test = testOf(userGroup);
    // `default` takes app modules shared by several chunks; the vendor group outranks it.
    if (key !== 'default' && key !== CACHE_GROUP_KEY && key !== SHARED_CACHE_GROUP_KEY && test)
      userGroups.push({ key, priority: priorityOf(userGroup), test });
  }
  if (CACHE_GROUP_KEY in cacheGroups) {
    conflicts.push(
      `optimization.splitChunks.cacheGroups.${CACHE_GROUP_KEY} is already set; VendorChunksPlugin left it as it is`,
    );
    return { conflicts, userGroups };
  }
  // webpack's default vendor group would compete for the same modules; a user's own stays.
  if (!('defaultVendors' in cacheGroups)) cacheGroups.defaultVendors = false;
  const cacheGroup = ({ test, name, minChunks }: VendorCacheGroup) => ({
    test: asFunction(test),
    name: asFunction(name),
    chunks: 'all',
    ...(minChunks === undefined ? {} : { minChunks }),
    // The plan already decided sizes and request counts: splitChunks' own limits must not undo it.
    enforce: true,
    priority: CACHE_GROUP_PRIORITY,
    reuseExistingChunk: false,
  });
  cacheGroups[CACHE_GROUP_KEY] = cacheGroup(group);
  if (shared && !(SHARED_CACHE_GROUP_KEY in cacheGroups))
    cacheGroups[SHARED_CACHE_GROUP_KEY] = cacheGroup(shared);
  return { conflicts, userGroups };
}
