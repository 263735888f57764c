import type { Compilation } from 'webpack';
import { formatBytes } from '@packwise/core';
import type { PackageUsage, Plan, Reason } from './plan';

export interface ReportPackage {
  name: string;
  versions: string[];
  /** Bytes of its modules before minification and tree shaking (what `minPackageSize` compares). */
  bytes: number;
  initial: boolean;
  reason: Reason;
}

export interface ReportChunk {
  name: string;
  files: string[];
  /** Emitted bytes of its files (minified). */
  bytes: number;
  initial: boolean;
  packages: ReportPackage[];
}

/** What `vendor-chunks.json` holds: for every vendor chunk, its files and which packages went there and why. */
export interface VendorChunksReport {
  strategy: string;
  initialRequests: number;
  chunks: ReportChunk[];
}

/** Builds the report from the plan and the chunks webpack made of it. */
export function buildReport(
  compilation: Compilation,
  strategy: string,
  packages: PackageUsage[],
  plan: Plan,
): VendorChunksReport {
  const chunksByName = new Map<string, ReportChunk>();
  for (const usage of packages) {
    const placement = plan.placements.get(usage.name);
    if (!placement) continue;
    const chunk = compilation.namedChunks.get(placement.chunk);
    const files = chunk ? [...chunk.files].sort() : [];
    const entry = chunksByName.get(placement.chunk) ?? {
      name: placement.chunk,
      files,
      bytes: files.reduce((sum, file) => sum + (compilation.getAsset(file)?.source.size() ?? 0), 0),
      initial: chunk ? chunk.canBeInitial() : usage.initial,
      packages: [],
    };
    entry.packages.push({
      name: usage.name,
      versions: [...usage.versions].sort(),
      bytes: usage.size,
      initial: usage.initial,
      reason: placement.reason,
    });
    chunksByName.set(placement.chunk, entry);
  }
  const chunks = [...chunksByName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { strategy, initialRequests: plan.initialRequests, chunks };
}

/** A compact table for the infrastructure log: one line per chunk, its packages with versions, sizes and reasons. */
export function reportLines(report: VendorChunksReport): string[] {
  return [
    `${report.strategy}: ${report.chunks.length} vendor chunks, ${report.initialRequests} initial JS/CSS requests`,
    ...report.chunks.map((chunk) => {
      const packages = chunk.packages
        .map((p) => `${p.name}@${p.versions.join('|') || '?'} ${formatBytes(p.bytes)} (${p.reason})`)
        .join(', ');
      return `${chunk.name} ${formatBytes(chunk.bytes)}${chunk.initial ? ' [initial]' : ''}: ${packages}`;
    }),
  ];
}
