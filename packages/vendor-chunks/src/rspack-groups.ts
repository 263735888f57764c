import type { Module } from 'webpack';
import type { ResolvedOptions } from './options';
import { singleChunkName } from './plan';
import type { VendorCacheGroup } from './split-config';

/** What `isInNodeModules` says, as a RegExp on a module's `nameForCondition()`, which Rspack tests natively. */
export const IN_NODE_MODULES = /[\\/]node_modules[\\/]/;
/** The opposite: any resource with no `node_modules` folder in its path (Rspack's RegExps are JavaScript's). */
export const OUTSIDE_NODE_MODULES = /^(?![\s\S]*[\\/]node_modules[\\/])/;

/**
 * Whether the options make every module from node_modules (with a package.json above it) go to a planned
 * chunk, whatever the build: not `granular` with a `smallRouteSize`, which keeps some vendor parts in the small
 * route that uses them. Then a RegExp is an exact `test`.
 */
export const plansEveryVendorModule = (options: ResolvedOptions) =>
  options.strategy !== 'granular' || options.smallRouteSize === 0;

/**
 * Rspack's cache groups without a JavaScript `test` (a call from Rust for every module): the vendor group
 * tests `node_modules` by RegExp, the shared app modules' group the rest with `minChunks: 2` — exactly the
 * modules the plan places, when `plansEveryVendorModule`. Names come from the plan (a string for `single`),
 * which Rspack 2 asks for in batches. Undefined where only a callback is exact.
 */
export function precomputedGroups(
  options: ResolvedOptions,
  nameOf: (module: Module) => string | undefined,
): { vendor: VendorCacheGroup; shared?: VendorCacheGroup } | undefined {
  if (!plansEveryVendorModule(options)) return undefined;
  const vendorName = options.strategy === 'single' ? singleChunkName(options.prefix) : nameOf;
  return {
    vendor: { test: IN_NODE_MODULES, name: vendorName },
    shared: options.sharedAppModules ? { test: OUTSIDE_NODE_MODULES, name: nameOf, minChunks: 2 } : undefined,
  };
}
