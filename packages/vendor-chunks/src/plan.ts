import { uniqueChunkNames } from './chunk-name';
import { useSetDigest } from './chunk-keys';
import { consolidate } from './consolidate';
import { enforceRequestLimits } from './request-limits';
import { downloadSize, useKey } from './units';
import type { Unit } from './units';

export type Strategy = 'granular' | 'per-package' | 'single';

/**
 * Why a chunk holds what it holds, as the report says it. `package`: one package's modules that the same
 * routes use; `framework`: the same for the framework packages together; `shared`: small parts of several
 * packages that the same routes use; `merged`: parts of different uses merged because a file less saves the
 * routes more than the bytes it adds; `request-limit`: parts merged to keep a route within its request bound;
 * `app-shared`: app modules that several chunks use; `per-package`, `single`: those strategies.
 */
export type Reason =
  'framework' | 'package' | 'shared' | 'merged' | 'request-limit' | 'app-shared' | 'per-package' | 'single';

/**
 * Modules of one owner that the same chunks use: a package's (vendor), the framework's, or the app's (app
 * modules that two or more chunks use). The planner never sees modules, only these.
 */
export interface Part {
  kind: 'vendor' | 'app';
  /** The package name, `framework` for the framework packages, `` for app code. */
  owner: string;
  /** Keys of the chunks (before splitting) that hold these modules: which routes use them. */
  chunks: ReadonlySet<string>;
  /** Source bytes (before minification). */
  size: number;
  js: boolean;
  css: boolean;
  /** Some chunk of `chunks` is loaded by an entry before any `import()`. */
  initial: boolean;
}

/** A chunk group as the planner counts its requests. */
export interface Route {
  key: string;
  entry: boolean;
  /** Keys of the chunks whose parts this route downloads: its own and those of its lazy parents. */
  loads: ReadonlySet<string>;
  /** Keys of the chunks its entry already loaded: parts that touch them cost this route nothing. */
  preloaded: ReadonlySet<string>;
  /** Requests for the route's own chunks (runtime, entry or route JS and CSS) once the parts leave them. */
  ownRequests: number;
}

export interface PlanSettings {
  strategy: Strategy;
  prefix: string;
  /** Chunks of two different packages merge only while both are below this many source bytes. */
  minPackageSize: number;
  maxInitialRequests: number;
  maxAsyncRequests: number;
  /** A lazy route that downloads fewer source bytes than this keeps the vendor parts only it uses. */
  smallRouteSize: number;
}

export interface PlannedChunk {
  name: string;
  reason: Reason;
  kind: 'vendor' | 'app';
  /** Indexes into the plan's `parts`. */
  parts: number[];
}

export interface Plan {
  /** The chunk of each part, by its index; none for a part that stays in the lazy chunk that uses it. */
  chunkOfPart: (string | undefined)[];
  chunks: PlannedChunk[];
  /** Requests of each route once the plan is applied. */
  requests: Map<string, number>;
  warnings: string[];
}

/**
 * What one more file costs a route, in source bytes: on fixtures/admin-app (MUI) and the example app
 * (date-fns), a chunk of its own costs each route that loads it 150–400 brotli bytes (the wrapper, export and
 * import glue where modules would have been concatenated, the request): about 3 kB of source at their
 * source-to-brotli ratio. Tried 2, 3, 6 and 15 kB with budgets of 2, 5, 10 and 20 %: 3 kB and 10 % made the
 * admin app's routes lightest.
 */
const FILE_COST = 3_000;
/** The share of its own download a route may receive in code it does not use, when merges save files. */
const ROUTE_BYTE_BUDGET = 0.1;

/** The chunk name of everything in the `single` strategy: the prefix without its separator. */
export const singleChunkName = (prefix: string) => prefix.replace(/[.\-_]+$/, '') || 'vendor';

function newUnit(parts: Part[], indexes: number[], reason: Reason): Unit {
  const chunks = new Set(indexes.flatMap((index) => [...parts[index]!.chunks]));
  return {
    parts: indexes,
    kind: parts[indexes[0]!]!.kind,
    owners: new Set(indexes.map((index) => parts[index]!.owner)),
    chunks,
    size: indexes.reduce((sum, index) => sum + parts[index]!.size, 0),
    js: indexes.some((index) => parts[index]!.js),
    css: indexes.some((index) => parts[index]!.css),
    initial: indexes.some((index) => parts[index]!.initial),
    reason,
  };
}

/** Groups part indexes by a key, in first-seen order. */
function groupBy(indexes: number[], keyOf: (index: number) => string): number[][] {
  const groups = new Map<string, number[]>();
  for (const index of indexes) {
    const key = keyOf(index);
    groups.set(key, [...(groups.get(key) ?? []), index]);
  }
  return [...groups.values()];
}

/** `granular`: one unit per package and use, as the parts come; `consolidate` merges them where that pays. */
function granularUnits(parts: Part[], vendor: number[]): Unit[] {
  return vendor.map((index) =>
    newUnit(parts, [index], parts[index]!.owner === 'framework' ? 'framework' : 'package'),
  );
}

/** Chunk names from owner and use: `vendor.<package>.<digest>`, `vendor.shared.<digest>`, `shared.<digest>`. */
function nameUnits(units: Unit[], parts: Part[], prefix: string, strategy: Strategy): string[] {
  const owners = units.flatMap((unit) => (unit.kind === 'vendor' ? [...unit.owners] : []));
  const packageNames = uniqueChunkNames(
    owners.filter((owner) => owner !== 'framework'),
    prefix,
    new Set([`${prefix}framework`, `${prefix}shared`, singleChunkName(prefix)]),
  );
  packageNames.set('framework', `${prefix}framework`);
  return units.map((unit) => {
    const digest = useSetDigest(unit.chunks);
    if (unit.kind === 'app') return `shared.${digest}`;
    if (strategy === 'single') return singleChunkName(prefix);
    const [owner] = unit.owners;
    const base = unit.owners.size === 1 ? (packageNames.get(owner as string) as string) : `${prefix}shared`;
    return strategy === 'per-package' ? base : `${base}.${digest}`;
  });
}

/**
 * Decides the chunk of every part (`undefined`: it stays where it is). `granular`: by package and use (the set
 * of chunks that need the modules); a small route (`chunkSizes`: the chunks' own source bytes) keeps the
 * vendor parts only it uses; chunks merged where a file less saves the routes more than it adds
 * (`consolidate`), then where a route would exceed its request bound.
 * `per-package`: one chunk per package. `single`: one vendor chunk. App parts go by use in every strategy.
 */
export function planChunks(
  parts: Part[],
  routes: Route[],
  chunkSizes: ReadonlyMap<string, number>,
  settings: PlanSettings,
): Plan {
  const { strategy, prefix } = settings;
  const indexes = parts.map((_, index) => index);
  // A small route keeps the vendor code only it uses in its own chunk: a file of its own would cost that route
  // more than the code weighs, as webpack's default split judges it. An upgrade renames that chunk, but it is
  // small. Routes are weighed by the source bytes they download: their own code and the parts they load.
  const chunkWeight = new Map<string, number>();
  for (const route of routes.filter((candidate) => !candidate.entry)) {
    const routeWeight = downloadSize(route, parts, chunkSizes);
    for (const key of route.loads)
      chunkWeight.set(key, Math.min(chunkWeight.get(key) ?? Infinity, routeWeight));
  }
  const inRoute = (part: Part) =>
    strategy === 'granular' &&
    part.kind === 'vendor' &&
    !part.initial &&
    part.chunks.size === 1 &&
    (chunkWeight.get([...part.chunks][0] as string) ?? Infinity) < settings.smallRouteSize;
  const vendor = indexes.filter((index) => parts[index]!.kind === 'vendor' && !inRoute(parts[index]!));
  const app = indexes.filter((index) => parts[index]!.kind === 'app');
  const vendorUnits =
    strategy === 'granular'
      ? granularUnits(parts, vendor)
      : groupBy(vendor, (index) => (strategy === 'single' ? '' : parts[index]!.owner)).map((group) =>
          newUnit(parts, group, strategy),
        );
  let units = [
    ...vendorUnits,
    ...groupBy(app, (index) => useKey(parts[index]!.chunks)).map((group) =>
      newUnit(parts, group, 'app-shared'),
    ),
  ];

  if (strategy === 'granular')
    units = consolidate(units, routes, chunkSizes, {
      fileCost: FILE_COST,
      budget: ROUTE_BYTE_BUDGET,
      minPackageSize: settings.minPackageSize,
    });

  const warnings: string[] = [];
  const limit = (route: Route) => (route.entry ? settings.maxInitialRequests : settings.maxAsyncRequests);
  const bounded = enforceRequestLimits(units, routes, limit, { merge: strategy === 'granular' });
  units = bounded.units;
  for (const [key, count] of bounded.requests) {
    const route = routes.find((candidate) => candidate.key === key) as Route;
    if (count > limit(route)) {
      const option = route.entry ? 'maxInitialRequests' : 'maxAsyncRequests';
      warnings.push(
        `${route.entry ? 'the first page load' : `the route ${key}`} needs ${count} JS/CSS requests, more than ` +
          `${option} (${limit(route)})` +
          (strategy === 'per-package'
            ? ": the 'per-package' strategy gives every package its own chunk"
            : ''),
      );
    }
  }

  // Units that come out with one name are one chunk to webpack: list them once.
  const names = nameUnits(units, parts, prefix, strategy);
  const byName = new Map<string, PlannedChunk>();
  units.forEach((unit, n) => {
    const name = names[n] as string;
    const chunk = byName.get(name) ?? { name, reason: unit.reason, kind: unit.kind, parts: [] };
    chunk.parts.push(...unit.parts);
    byName.set(name, chunk);
  });
  const chunks = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const chunkOfPart: (string | undefined)[] = parts.map(() => undefined);
  for (const chunk of chunks) for (const part of chunk.parts) chunkOfPart[part] = chunk.name;
  return { chunkOfPart, chunks, requests: bounded.requests, warnings };
}
