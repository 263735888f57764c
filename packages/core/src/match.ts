/** One condition: a string is a prefix of the asset name, a RegExp is tested, a function decides. */
export type AssetCondition = string | RegExp | ((assetName: string) => boolean);
export type AssetConditions = AssetCondition | AssetCondition[];

/** `test` / `include` / `exclude` as webpack's own plugins (BannerPlugin, SourceMapDevToolPlugin) take them. */
export interface AssetMatchOptions {
  test?: AssetConditions;
  include?: AssetConditions;
  exclude?: AssetConditions;
}

function matchesCondition(name: string, condition: AssetCondition): boolean {
  if (typeof condition === 'string') return name.startsWith(condition);
  if (typeof condition === 'function') return condition(name);
  // A global or sticky RegExp keeps `lastIndex` between calls; reset it so every asset is tested alike.
  condition.lastIndex = 0;
  return condition.test(name);
}

function matchesAny(name: string, conditions: AssetConditions): boolean {
  return Array.isArray(conditions)
    ? conditions.some((condition) => matchesCondition(name, condition))
    : matchesCondition(name, conditions);
}

/**
 * Builds a predicate over asset names with webpack's semantics (ModuleFilenameHelpers.matchObject): the name
 * must match `test` and `include` (when given) and must not match `exclude`. An empty array matches nothing.
 * Query strings (`main.js?v=1`) are ignored, as webpack-contrib plugins do.
 */
export function createAssetMatcher(options: AssetMatchOptions = {}): (assetName: string) => boolean {
  const { test, include, exclude } = options;
  return (assetName) => {
    const name = assetName.split('?', 1)[0] ?? assetName;
    if (test !== undefined && !matchesAny(name, test)) return false;
    if (include !== undefined && !matchesAny(name, include)) return false;
    if (exclude !== undefined && matchesAny(name, exclude)) return false;
    return true;
  };
}
