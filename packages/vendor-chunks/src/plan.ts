import { stableHash, uniqueChunkNames } from './chunk-name';

export type Strategy = 'granular' | 'per-package' | 'single';

/** Why a package went to its chunk, as the report says it. */
export type Reason = 'framework' | 'size' | 'bucket' | 'request-limit' | 'per-package' | 'single';

/** One package (by name; several installed versions count as one) as the build uses it. */
export interface PackageUsage {
  name: string;
  versions: Set<string>;
  /** Bytes of its modules before minification. */
  size: number;
  /** Some module of it is in a chunk that an entry loads before any `import()`. */
  initial: boolean;
  /** It contributes CSS, so its chunk is two requests. */
  hasCss: boolean;
  /** It is react, react-dom or one of their dependencies (as resolved from the project). */
  framework: boolean;
}

export interface Placement {
  chunk: string;
  reason: Reason;
}

export interface PlanSettings {
  strategy: Strategy;
  prefix: string;
  minPackageSize: number;
  buckets: number;
  maxInitialRequests: number;
  /** Initial requests that are not vendor chunks: runtime, the entry's JS and CSS. */
  reservedRequests: number;
}

export interface Plan {
  placements: Map<string, Placement>;
  /** Initial JS+CSS requests the plan makes, reserved ones included. */
  initialRequests: number;
  warnings: string[];
}

/** The chunk name of everything in the `single` strategy: the prefix without its separator. */
export const singleChunkName = (prefix: string) => prefix.replace(/[.\-_]+$/, '') || 'vendor';

function initialRequests(
  packages: PackageUsage[],
  placements: Map<string, Placement>,
  reserved: number,
): number {
  const filesPerChunk = new Map<string, number>();
  for (const usage of packages) {
    if (!usage.initial) continue;
    const chunk = (placements.get(usage.name) as Placement).chunk;
    filesPerChunk.set(chunk, Math.max(filesPerChunk.get(chunk) ?? 1, usage.hasCss ? 2 : 1));
  }
  return reserved + [...filesPerChunk.values()].reduce((sum, files) => sum + files, 0);
}

/**
 * Decides each package's chunk. `granular`: the framework together, packages of at least `minPackageSize` alone,
 * the rest in a fixed number of buckets by a stable hash of their name (initial and lazy-only packages in
 * separate buckets, so grouping never pulls a lazy package into the first load); then, while the initial
 * requests exceed `maxInitialRequests`, the smallest initial packages that stand alone move to their bucket.
 */
export function planChunks(packages: PackageUsage[], settings: PlanSettings): Plan {
  const { strategy, prefix, minPackageSize, buckets } = settings;
  const bucketNames = Array.from({ length: buckets }, (_, n) => [
    `${prefix}shared-${n}`,
    `${prefix}lazy-${n}`,
  ]);
  const reserved = new Set([`${prefix}framework`, singleChunkName(prefix), ...bucketNames.flat()]);
  const names = uniqueChunkNames(
    packages.map((usage) => usage.name),
    prefix,
    reserved,
  );
  const bucketOf = (usage: PackageUsage): Placement => ({
    chunk: `${prefix}${usage.initial ? 'shared' : 'lazy'}-${stableHash(usage.name) % buckets}`,
    reason: 'bucket',
  });
  const placeOne = (usage: PackageUsage): Placement => {
    if (strategy === 'single') return { chunk: singleChunkName(prefix), reason: 'single' };
    if (strategy === 'per-package') return { chunk: names.get(usage.name) as string, reason: 'per-package' };
    // A framework package only lazy routes use stays out of the first load like any other.
    if (usage.framework && usage.initial) return { chunk: `${prefix}framework`, reason: 'framework' };
    if (usage.size >= minPackageSize) return { chunk: names.get(usage.name) as string, reason: 'size' };
    return bucketOf(usage);
  };
  const placements = new Map(packages.map((usage) => [usage.name, placeOne(usage)]));
  const warnings: string[] = [];
  const count = () => initialRequests(packages, placements, settings.reservedRequests);

  if (strategy === 'granular') {
    const standalone = packages
      .filter((usage) => usage.initial && placements.get(usage.name)?.reason === 'size')
      .sort((a, b) => a.size - b.size || a.name.localeCompare(b.name));
    for (const usage of standalone) {
      if (count() <= settings.maxInitialRequests) break;
      placements.set(usage.name, { ...bucketOf(usage), reason: 'request-limit' });
    }
  }
  const total = count();
  if (strategy !== 'single' && total > settings.maxInitialRequests) {
    warnings.push(
      `the first page load needs ${total} JS/CSS requests, more than maxInitialRequests (${settings.maxInitialRequests})` +
        (strategy === 'per-package' ? ": the 'per-package' strategy gives every package its own chunk" : ''),
    );
  }
  return { placements, initialRequests: total, warnings };
}
