// The inputs of the report, described by the fields it reads: webpack's stats JSON, @packwise/budgets'
// packwise-report.json and @packwise/compress's compress-manifest.json. Structural on purpose: this package
// depends on neither budgets nor compress (core ← report ← budgets).

/** The options the report needs from `stats.toJson(...)`; pass them to webpack when saving stats for the CLI. */
export const STATS_OPTIONS = {
  all: false,
  assets: true,
  cachedAssets: true,
  chunks: true,
  chunkModules: false,
  chunkGroups: true,
  chunkRelations: true,
  modules: true,
  nestedModules: true,
  cachedModules: true,
  orphanModules: false,
  entrypoints: true,
  ids: true,
  outputPath: true,
  assetsSpace: Infinity,
  modulesSpace: Infinity,
  nestedModulesSpace: Infinity,
} as const;

/**
 * STATS_OPTIONS for Rspack (1.x and 2.x): its stats list the modules inside a concatenated module only with
 * `orphanModules: true` (else one `{ type: 'orphan modules', filteredChildren }` entry stands for them all).
 */
export const RSPACK_STATS_OPTIONS = { ...STATS_OPTIONS, orphanModules: true } as const;

export interface StatsModuleLike {
  identifier?: string;
  name?: string;
  nameForCondition?: string | null;
  size?: number;
  chunks?: (string | number)[];
  moduleType?: string;
  orphan?: boolean;
  issuer?: string | null;
  issuerName?: string | null;
  /** Modules inside a concatenated module. */
  modules?: StatsModuleLike[];
  /** `module`, or a group standing for modules the stats left out (Rspack: `orphan modules`). */
  type?: string;
  /** How many modules a group stands for. */
  filteredChildren?: number;
}

export interface StatsChunkLike {
  id?: string | number | null;
  names?: string[];
  files?: string[];
  auxiliaryFiles?: string[];
  initial?: boolean;
  entry?: boolean;
  reason?: string;
  idHints?: string[];
}

export interface StatsChunkGroupLike {
  name?: string;
  chunks?: (string | number)[];
  assets?: { name: string; size?: number }[];
}

export interface StatsAssetLike {
  name: string;
  size?: number;
}

/** The part of webpack's stats JSON the report reads (see STATS_OPTIONS). */
export interface StatsLike {
  /** Rspack's own version: only Rspack writes it. */
  rspackVersion?: string;
  outputPath?: string;
  assets?: StatsAssetLike[];
  chunks?: StatsChunkLike[];
  modules?: StatsModuleLike[];
  entrypoints?: Record<string, StatsChunkGroupLike>;
  namedChunkGroups?: Record<string, StatsChunkGroupLike>;
}

export interface SizesLike {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface AssetSizeLike extends SizesLike {
  name: string;
  returning?: SizesLike & { via?: string };
}

export interface BudgetResultLike {
  budget: string;
  target: string;
  compression: string;
  actual: number;
  limit?: number;
  status: 'pass' | 'fail';
  severity?: string;
  problems?: string[];
  files?: string[];
}

/** What @packwise/budgets writes to packwise-report.json (the fields read here). */
export interface BudgetsReportLike {
  assets: AssetSizeLike[];
  entries?: Record<string, { initial: string[]; all: string[]; pages?: string[] }>;
  results?: BudgetResultLike[];
  /** Per asset, its largest modules: the treemap's only modules when there are no stats. */
  largestModules?: Record<string, { name: string; size: number }[]>;
}

/** What @packwise/compress writes to compress-manifest.json (the fields read here). */
export interface CompressManifestLike {
  assets: Record<string, { size: number; deltas?: { file: string; size: number; previous: string }[] }>;
}
