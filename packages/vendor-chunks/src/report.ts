import type { Compilation } from 'webpack';
import { formatBytes } from '@packwise/core';
import type { CollectedParts } from './parts';
import type { Plan, Reason } from './plan';
import { routeLoads } from './routes';

export interface ReportPackage {
  name: string;
  versions: string[];
  /** Source bytes of its modules in this chunk, before minification and tree shaking. */
  bytes: number;
}

export interface ReportChunk {
  name: string;
  kind: 'vendor' | 'app';
  reason: Reason;
  files: string[];
  /** Emitted bytes of its files (minified). */
  bytes: number;
  /** The first page loads it. */
  initial: boolean;
  /** Packages in it (none for app chunks). */
  packages: ReportPackage[];
  /** The routes that download it (see `ReportRoute.name`). */
  routes: string[];
}

export interface ReportRoute {
  /** An entry's or a `webpackChunkName`'s name, else where its `import()` is. */
  name: string;
  entry: boolean;
  /** JS and CSS files it downloads: an entry, its whole first load; a lazy route, what its entry did not load. */
  files: string[];
  requests: number;
  /** Emitted bytes of those files, and of the vendor chunks among them. */
  bytes: number;
  vendorBytes: number;
}

/** What `vendor-chunks.json` holds: every planned chunk with its packages and routes, and every route's load. */
export interface VendorChunksReport {
  strategy: string;
  /** The most JS+CSS requests of any entry's first page load. */
  initialRequests: number;
  chunks: ReportChunk[];
  routes: ReportRoute[];
}

/** Builds the report from the plan and the chunks webpack made of it. */
export function buildReport(
  compilation: Compilation,
  strategy: string,
  collected: CollectedParts,
  plan: Plan,
): VendorChunksReport {
  const bytesOf = (file: string) => compilation.getAsset(file)?.source.size() ?? 0;
  const routes = routeLoads(compilation);
  const chunks: ReportChunk[] = plan.chunks.map((planned) => {
    const chunk = compilation.namedChunks.get(planned.name);
    const files = chunk ? [...chunk.files].sort() : [];
    const packages = new Map<string, number>();
    for (const part of planned.parts) {
      for (const [name, bytes] of collected.packageBytes[part] ?? [])
        packages.set(name, (packages.get(name) ?? 0) + bytes);
    }
    return {
      name: planned.name,
      kind: planned.kind,
      reason: planned.reason,
      files,
      bytes: files.reduce((sum, file) => sum + bytesOf(file), 0),
      initial: chunk ? chunk.canBeInitial() : false,
      packages: [...packages]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, bytes]) => ({
          name,
          versions: [...(collected.packages.get(name)?.versions ?? [])].sort(),
          bytes,
        })),
      routes: routes
        .filter((route) => files.some((file) => route.files.includes(file)))
        .map((route) => route.name),
    };
  });
  const vendorFiles = new Set(
    chunks.filter((chunk) => chunk.kind === 'vendor').flatMap((chunk) => chunk.files),
  );
  const reportRoutes = routes.map((route) => ({
    ...route,
    requests: route.files.length,
    bytes: route.files.reduce((sum, file) => sum + bytesOf(file), 0),
    vendorBytes: route.files
      .filter((file) => vendorFiles.has(file))
      .reduce((sum, file) => sum + bytesOf(file), 0),
  }));
  return {
    strategy,
    initialRequests: Math.max(
      0,
      ...reportRoutes.filter((route) => route.entry).map((route) => route.requests),
    ),
    chunks,
    routes: reportRoutes,
  };
}

/** A compact table for the infrastructure log: one line per chunk and one per route. */
export function reportLines(report: VendorChunksReport): string[] {
  return [
    `${report.strategy}: ${report.chunks.length} chunks, ${report.initialRequests} initial JS/CSS requests`,
    ...report.chunks.map((chunk) => {
      const packages = chunk.packages
        .map((p) => `${p.name}@${p.versions.join('|') || '?'} ${formatBytes(p.bytes)}`)
        .join(', ');
      const used = `${chunk.routes.length} route${chunk.routes.length === 1 ? '' : 's'}`;
      return `${chunk.name} ${formatBytes(chunk.bytes)} (${chunk.reason}, ${used})${chunk.initial ? ' [initial]' : ''}${packages ? `: ${packages}` : ''}`;
    }),
    ...report.routes.map(
      (route) =>
        `route ${route.name}${route.entry ? ' [entry]' : ''}: ${route.requests} requests, ${formatBytes(route.bytes)} ` +
        `(${formatBytes(route.vendorBytes)} vendor)`,
    ),
  ];
}
