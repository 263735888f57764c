import type { ByteSize, Encoding } from '@packwise/core';

export type Compression = 'none' | Encoding;
export type Severity = 'error' | 'warning';
/** Whose download a budget counts: a first visit (`new`), or a visitor holding the previous version. */
export type Visitor = 'new' | 'returning';

/** One budget as users write it (packwise.config.*, package.json "packwise", or the plugin's options). */
export interface BudgetConfig {
  /** A label for reports; defaults to what the budget targets. */
  name?: string;
  /** A glob on asset names, matched with and without content hashes (`vendor.*.js`): each matching asset is checked. */
  path?: string;
  /** An entry name: the total of every JS/CSS file the entry may load (initial and lazy), without its HTML page. */
  entry?: string;
  /** The first page load: each entry's JS/CSS loaded before any dynamic import, plus the HTML page that loads them. */
  initial?: true;
  /** The most bytes allowed: `170000`, `"170 kB"`, `"1.5 MiB"`. */
  limit?: ByteSize;
  /**
   * Which size the limit and maxIncrease apply to: raw (`none`), gzip -9, brotli -11 or zstd -19. zstd sizes are
   * read from an emitted `.zst` when there is one, else computed (Node >= 22.15, or `@toondepauw/node-zstd`).
   * @default 'brotli'
   */
  compression?: Compression;
  /** Growth allowed against the baseline: bytes (`"2 kB"`, `2000`) or a percentage (`"5%"`). */
  maxIncrease?: ByteSize;
  /** `warning` reports without failing. @default 'error' */
  severity?: Severity;
  /**
   * `returning`: what a visitor holding the previous version downloads (a file it holds: 0; a delta against
   * its copy: the delta's size; else the file in `compression`; the HTML page always). Needs the previous
   * version: the plugin's `returningVisitor.previous`, or `packwise check --previous`. @default 'new'
   */
  visitor?: Visitor;
}

export interface PackwiseConfig {
  budgets: BudgetConfig[];
  /** Deltas against the baseline up to this many bytes count as no change. @default 16 */
  tolerance?: ByteSize;
}

/** What a budget targets, resolved. */
export type BudgetTarget =
  | { kind: 'path'; pattern: string }
  | { kind: 'entry'; entry: string }
  | { kind: 'initial' }
  /** size-limit's `path`: the sum of all matching files. */
  | { kind: 'sum'; patterns: string[] };

export type Increase = { bytes: number } | { percent: number };

/** A budget with its sizes parsed and defaults applied. */
export interface Budget {
  name: string;
  target: BudgetTarget;
  limit?: number;
  compression: Compression;
  maxIncrease?: Increase;
  severity: Severity;
  /** Absent: `new` (budgets resolved before returning visitors). */
  visitor?: Visitor;
}

export interface ResolvedConfig {
  budgets: Budget[];
  tolerance: number;
  /** Where the config came from, for messages. */
  source: string;
  /** A digest of the config as written: a build remembers configs that passed the schema by it. */
  digest?: string;
}

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
  /** Measured only when a budget counts zstd (level 19 is slow): absent otherwise, and in older reports. */
  zstd?: number;
}

/**
 * How a visitor holding the previous version gets a file: from its cache (the previous version has it, same
 * name and bytes), as a delta against its copy of the previous file, or in full (the HTML page always).
 */
export type ReturningVia = 'cache' | 'delta' | 'full';

/**
 * What a returning visitor downloads of one file, in each compression: 0 from the cache, the delta's size in
 * every compression (the delta is what is sent), else the file's own sizes.
 */
export interface ReturningSizes extends Sizes {
  via: ReturningVia;
  /** The delta's file (`via: 'delta'`). */
  delta?: string;
}

export interface AssetSize extends Sizes {
  /** The emitted file name, relative to the output directory, with `/` separators. */
  name: string;
  /** Present when a previous version was given: what a visitor holding it downloads of this file. */
  returning?: ReturningSizes;
}

export interface ModuleSize {
  name: string;
  size: number;
}

/**
 * Sizes of one build: every JS, CSS and HTML file, which files each entry loads, and (from the plugin) the
 * largest modules of each asset. What `packwise-report.json` holds besides the verdicts.
 */
export interface BuildSizes {
  assets: AssetSize[];
  /**
   * Per entry: `initial` files are loaded before any dynamic import, `all` adds the lazy ones; `pages` are the
   * HTML pages that load the entry (absent: none known).
   */
  entries: Record<string, { initial: string[]; all: string[]; pages?: string[] }>;
  /** Per asset, its largest modules (source bytes before minification), largest first. */
  largestModules?: Record<string, ModuleSize[]>;
}

export type Status = 'pass' | 'fail';

/** The verdict of one budget on one target (a path budget gives one result per matching asset). */
export interface BudgetResult {
  budget: string;
  /** What was measured: an asset name, `entry main`, `initial main`, or a size-limit sum. */
  target: string;
  compression: Compression;
  actual: number;
  limit?: number;
  /** The same target's size in the baseline, when there is one. */
  baseline?: number;
  maxIncrease?: Increase;
  status: Status;
  severity: Severity;
  /** One sentence per broken rule, empty when it passed. */
  problems: string[];
  /** The files a total (entry, initial, size-limit sum) counted, HTML page included; absent for one asset. */
  files?: string[];
  /** The largest modules of what was measured, for a failure's message. */
  largestModules?: ModuleSize[];
  /** `returning` for a budget on returning visitors (absent for new visitors, as in older reports). */
  visitor?: 'returning';
}

export type DeltaStatus = 'added' | 'removed' | 'grown' | 'shrunk' | 'unchanged';

/** One asset compared with the baseline, matched by its name without content hash. */
export interface AssetDelta {
  /** The name without content hash. */
  key: string;
  status: DeltaStatus;
  before?: AssetSize;
  after?: AssetSize;
  /** after − before per size, 0 for a side that is missing. */
  delta: Sizes;
}

/** What `packwise-report.json` holds and what every output format renders. */
export interface PackwiseReport extends BuildSizes {
  version: 1;
  results: BudgetResult[];
  /** Present when a baseline was given. */
  deltas?: AssetDelta[];
}
