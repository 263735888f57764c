import type { ByteSize } from '@packwise/core';
import { parseBytes } from '@packwise/core';
import type { Strategy } from './plan';

export interface VendorChunksOptions {
  /**
   * `granular`: each package's modules split by the routes that use them, small same-use parts of several
   * packages together, requests per route bounded. `per-package`: one chunk per package. `single`: one vendor
   * chunk (for comparison).
   * @default 'granular'
   */
  strategy?: Strategy;
  /**
   * A package's part (its modules that the same routes use) smaller than this, before minification, shares a
   * chunk with the other small parts those routes use.
   * @default '20 kB'
   */
  minPackageSize?: ByteSize;
  /**
   * A lazy route that downloads less than this (source bytes of its own code and the vendor code it loads)
   * keeps the vendor code only it uses in its own chunk: a file of its own would cost it more than it weighs.
   * `0` to give all vendor code its own chunks.
   * @default '100 kB'
   */
  smallRouteSize?: ByteSize;
  /** @deprecated Ignored since 0.2: granular chunks follow the routes that use them, not hash buckets. */
  buckets?: number;
  /** JS+CSS requests of the first page load at most (runtime and entry included). @default 25 */
  maxInitialRequests?: number;
  /** JS+CSS requests of any one lazy route at most, beyond what the first page loaded. @default 25 */
  maxAsyncRequests?: number;
  /** Packages that form the framework chunk, with all they depend on; `false` for none. @default ['react', 'react-dom'] */
  framework?: string[] | false;
  /** Prefix of every vendor chunk name. @default 'vendor.' */
  prefix?: string;
  /** Module ids of packages that survive upgrades and moves (name + path inside the package). @default true */
  stableModuleIds?: boolean;
  /** App modules that several chunks use go to `shared.<digest>` chunks by use, never duplicated. @default true */
  sharedAppModules?: boolean;
  /** Emit a JSON report under this name (`true`: `vendor-chunks.json`). @default false */
  report?: boolean | string;
}

export interface ResolvedOptions {
  strategy: Strategy;
  minPackageSize: number;
  smallRouteSize: number;
  maxInitialRequests: number;
  maxAsyncRequests: number;
  framework: string[];
  prefix: string;
  stableModuleIds: boolean;
  sharedAppModules: boolean;
  report: string | false;
  /** Options that are accepted but no longer do anything, to warn about. */
  deprecated: string[];
}

/** Requests every first page load has before any vendor chunk: runtime, entry JS, entry CSS. */
export const BASE_REQUESTS = 3;

export function resolveOptions(options: VendorChunksOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    strategy: options.strategy ?? 'granular',
    minPackageSize: parseBytes(options.minPackageSize ?? '10 kB'),
    smallRouteSize: parseBytes(options.smallRouteSize ?? '100 kB'),
    maxInitialRequests: options.maxInitialRequests ?? 25,
    maxAsyncRequests: options.maxAsyncRequests ?? 25,
    framework: options.framework === false ? [] : (options.framework ?? ['react', 'react-dom']),
    prefix: options.prefix ?? 'vendor.',
    stableModuleIds: options.stableModuleIds ?? true,
    sharedAppModules: options.sharedAppModules ?? true,
    report: options.report === true ? 'vendor-chunks.json' : (options.report ?? false),
    deprecated: options.buckets === undefined ? [] : ['buckets'],
  };
  if (resolved.strategy === 'granular' && resolved.maxInitialRequests <= BASE_REQUESTS) {
    throw new Error(
      `@packwise/vendor-chunks: options.maxInitialRequests (${resolved.maxInitialRequests}) leaves no request ` +
        `for vendor code beside the ${BASE_REQUESTS} a first page load always has (runtime, entry JS and CSS). ` +
        `Raise it to ${BASE_REQUESTS + 1} or more.`,
    );
  }
  return resolved;
}
