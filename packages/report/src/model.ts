/** Sizes of one file or total: raw bytes, gzip -9, brotli -11. */
export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export type Metric = keyof Sizes;

/** pass; `near`: within 10 % of a limit; fail; `none`: no budget targets it. */
export type BudgetStatus = 'pass' | 'near' | 'fail' | 'none';

export interface FileInfo extends Sizes {
  name: string;
  status: BudgetStatus;
}

export interface ChunkInfo {
  /** A readable label: the chunk's names, else its id. */
  name: string;
  id: string;
  files: string[];
  initial: boolean;
  /** Why the chunk exists (webpack's `reason`: the split-chunks cache group, the vendor-chunks rule). */
  reason?: string;
  /** The chunk's JS/CSS files summed. */
  sizes: Sizes;
  /** Raw source bytes of its modules: the chunk's `sizes` are shared out among them in proportion to these. */
  moduleBytes: number;
  status: BudgetStatus;
  /** Indexes into `modules`. */
  modules: number[];
}

export interface ModuleInfo {
  name: string;
  /** Raw source bytes (before minification). */
  size: number;
  /** Index into `packages`. */
  package: number;
  /** Indexes into `chunks`. */
  chunks: number[];
  /** The module that first imported it (index into `modules`), -1 for an entry module. */
  issuer: number;
  /** The importer's name when it is not among `modules`. */
  issuerName?: string;
}

export interface PackageInfo {
  /** The folder name under node_modules (an alias shows as its folder: `date-fns-next`), or `(app)`. */
  name: string;
  /** `name` in its package.json, when it differs from the folder. */
  realName?: string;
  version?: string;
  /** Where it is installed, relative to the project. */
  path?: string;
  /** Raw source bytes of its modules. */
  size: number;
}

export interface RouteFile extends Sizes {
  name: string;
  /** A lazy route's file the first page already downloaded. */
  loaded: boolean;
}

export interface RouteInfo {
  name: string;
  kind: 'entry' | 'lazy';
  files: RouteFile[];
  /** The bytes it downloads: a lazy route's files the first page has not loaded. */
  sizes: Sizes;
}

export interface DuplicateInfo {
  name: string;
  copies: { path: string; version?: string; size: number }[];
}

export interface BudgetInfo {
  budget: string;
  target: string;
  compression: string;
  actual: number;
  limit?: number;
  status: BudgetStatus;
  problems: string[];
}

export interface FileChange {
  key: string;
  before?: FileInfo;
  after?: FileInfo;
  change: 'added' | 'removed' | 'renamed' | 'changed' | 'unchanged';
  delta: Sizes;
}

export interface PackageChange {
  /** The package as resolved in the new build (its folder name), else in the baseline. */
  name: string;
  change: 'added' | 'removed' | 'version' | 'changed';
  before?: { name: string; version?: string; size: number };
  after?: { name: string; version?: string; size: number };
}

export interface RouteChange {
  name: string;
  before?: Sizes;
  after?: Sizes;
  delta: Sizes;
}

export interface DiffInfo {
  files: FileChange[];
  routes: RouteChange[];
  packages: PackageChange[];
  /** What a visitor holding the baseline downloads of the new build (brotli; deltas where they were emitted). */
  returning?: { bytes: number; newVisitor: number; files: { name: string; bytes: number; via: string }[] };
}

/** Everything the HTML report shows: plain JSON. */
export interface ReportModel {
  version: 1;
  files: FileInfo[];
  chunks: ChunkInfo[];
  modules: ModuleInfo[];
  packages: PackageInfo[];
  routes: RouteInfo[];
  duplicates: DuplicateInfo[];
  budgets: BudgetInfo[];
  diff?: DiffInfo;
}
