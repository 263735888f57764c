import type { ByteSize } from '@packwise/core';
import { parseBytes } from '@packwise/core';
import type { Strategy } from './plan';

export interface VendorChunksOptions {
  /**
   * `granular`: the framework together, large packages alone, small ones in hashed buckets, initial
   * requests bounded. `per-package`: one chunk per package. `single`: one vendor chunk (for comparison).
   * @default 'granular'
   */
  strategy?: Strategy;
  /** Packages at least this large (before minification) get their own chunk. @default '20 kB' */
  minPackageSize?: ByteSize;
  /** How many buckets the small packages share (as many again for lazy-only ones). @default 4 */
  buckets?: number;
  /** JS+CSS requests of the first page load at most (runtime and entry included). @default 25 */
  maxInitialRequests?: number;
  /** Packages that form the framework chunk, with all they depend on; `false` for none. @default ['react', 'react-dom'] */
  framework?: string[] | false;
  /** Prefix of every vendor chunk name. @default 'vendor.' */
  prefix?: string;
  /** Module ids of packages that survive upgrades and moves (name + path inside the package). @default true */
  stableModuleIds?: boolean;
  /** Emit a JSON report under this name (`true`: `vendor-chunks.json`). @default false */
  report?: boolean | string;
}

export interface ResolvedOptions {
  strategy: Strategy;
  minPackageSize: number;
  buckets: number;
  maxInitialRequests: number;
  framework: string[];
  prefix: string;
  stableModuleIds: boolean;
  report: string | false;
}

/** Requests every granular build has before any package: runtime, entry JS, entry CSS. */
export const BASE_REQUESTS = 3;

export function resolveOptions(options: VendorChunksOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    strategy: options.strategy ?? 'granular',
    minPackageSize: parseBytes(options.minPackageSize ?? '20 kB'),
    buckets: options.buckets ?? 4,
    maxInitialRequests: options.maxInitialRequests ?? 25,
    framework: options.framework === false ? [] : (options.framework ?? ['react', 'react-dom']),
    prefix: options.prefix ?? 'vendor.',
    stableModuleIds: options.stableModuleIds ?? true,
    report: options.report === true ? 'vendor-chunks.json' : (options.report ?? false),
  };
  if (resolved.strategy === 'granular') {
    const forced = BASE_REQUESTS + (resolved.framework.length > 0 ? 1 : 0) + resolved.buckets;
    if (resolved.maxInitialRequests < forced) {
      throw new Error(
        `@packwise/vendor-chunks: options.maxInitialRequests (${resolved.maxInitialRequests}) is below the ${forced} ` +
          `requests the granular strategy may always need: runtime, entry JS and CSS, ` +
          `${resolved.framework.length > 0 ? 'the framework chunk, ' : ''}${resolved.buckets} buckets. ` +
          `Raise it, or lower options.buckets.`,
      );
    }
  }
  return resolved;
}
