import path from 'node:path';
import { withoutHash } from '@packwise/core';
import { diffModels } from './diff';
import type {
  AssetSizeLike,
  BudgetResultLike,
  BudgetsReportLike,
  CompressManifestLike,
  StatsLike,
  StatsModuleLike,
} from './input';
import type {
  BudgetInfo,
  BudgetStatus,
  ChunkInfo,
  FileInfo,
  ModuleInfo,
  PackageInfo,
  ReportModel,
} from './model';
import { isHiddenGroup } from './hidden';
import { APP, createManifestReader, duplicatesOf, packageOf, resourceOf } from './packages';
import { routesOf } from './routes';
import { MEASURED, pickSizes, sumSizes, ZERO } from './sizes';

/** A baseline: an earlier report model (from a packwise-report.html), packwise-report.json or stats JSON. */
export type BaselineInput = ReportModel | BudgetsReportLike | StatsLike;

export interface ReportInput {
  stats: StatsLike;
  /** packwise-report.json: file sizes (raw, gzip, brotli) and budget verdicts. */
  budgetsReport?: BudgetsReportLike;
  /** File sizes when there is no budgets report (the CLI measures `--dir`). */
  sizes?: AssetSizeLike[];
  baseline?: BaselineInput;
  compressManifest?: CompressManifestLike;
  /** The project folder: module paths are shown relative to it; package.json versions are read under it. */
  context?: string;
}

/** Within this share of a limit a budget shows as `near`. */
export const NEAR_LIMIT = 0.1;

const RANK: Record<BudgetStatus, number> = { none: 0, pass: 1, near: 2, fail: 3 };
const worst = (statuses: BudgetStatus[]): BudgetStatus =>
  statuses.reduce<BudgetStatus>((a, b) => (RANK[b] > RANK[a] ? b : a), 'none');

function statusOf(result: BudgetResultLike): BudgetStatus {
  if (result.status === 'fail') return 'fail';
  return result.limit !== undefined && result.actual >= result.limit * (1 - NEAR_LIMIT) ? 'near' : 'pass';
}

function budgetsOf(results: BudgetResultLike[]): BudgetInfo[] {
  return results.map((result) => ({
    budget: result.budget,
    target: result.target,
    compression: result.compression,
    actual: result.actual,
    ...(result.limit === undefined ? {} : { limit: result.limit }),
    status: statusOf(result),
    problems: result.problems ?? [],
  }));
}

/** A file's colour: the budgets that target it, else the totals (entry, first page) that count it. */
function fileStatus(name: string, budgets: BudgetInfo[], results: BudgetResultLike[]): BudgetStatus {
  const direct = budgets.filter((budget) => budget.target === name);
  if (direct.length) return worst(direct.map((budget) => budget.status));
  return worst(
    budgets.filter((_budget, index) => results[index]?.files?.includes(name)).map((b) => b.status),
  );
}

function filesOf(input: ReportInput, budgets: BudgetInfo[]): FileInfo[] {
  const results = input.budgetsReport?.results ?? [];
  const measured =
    input.budgetsReport?.assets ??
    input.sizes ??
    (input.stats.assets ?? [])
      .filter((asset) => MEASURED.test(asset.name))
      .map((asset) => ({
        name: asset.name,
        raw: asset.size ?? 0,
        gzip: asset.size ?? 0,
        brotli: asset.size ?? 0,
      }));
  return measured
    .filter((asset) => MEASURED.test(asset.name))
    .map((asset) => ({
      name: asset.name,
      ...pickSizes(asset),
      status: fileStatus(asset.name, budgets, results),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

interface Leaf {
  module: StatsModuleLike;
  chunks: string[];
}

/** The hidden inner modules of `module` as one module: its name and package, the group's bytes. */
const hiddenPart = (module: StatsModuleLike, group: StatsModuleLike): StatsModuleLike => ({
  ...module,
  identifier: `${module.identifier ?? module.name ?? '?'}|hidden`,
  size: group.size ?? 0,
  modules: [],
});

/**
 * Every module that is in a chunk; a concatenated module counts as the modules inside it (as itself for those
 * the stats hide).
 */
function leavesOf(stats: StatsLike): Map<string, Leaf> {
  const leaves = new Map<string, Leaf>();
  const add = (module: StatsModuleLike, chunks: string[]) => {
    const key = module.identifier ?? module.name ?? String(leaves.size);
    const known = leaves.get(key);
    if (known) known.chunks = [...new Set([...known.chunks, ...chunks])];
    else leaves.set(key, { module, chunks });
  };
  for (const module of stats.modules ?? []) {
    const chunks = (module.chunks ?? []).map(String);
    if (!chunks.length || module.moduleType === 'runtime') continue;
    if (!module.modules?.length) {
      add(module, chunks);
      continue;
    }
    for (const inner of module.modules) {
      // Inner modules the stats hide (Rspack without orphanModules): counted as the concatenated module.
      if (isHiddenGroup(inner)) add(hiddenPart(module, inner), chunks);
      else add(inner, chunks);
    }
  }
  return leaves;
}

const posix = (file: string) => file.replace(/\\/g, '/');

interface Collected {
  modules: ModuleInfo[];
  packages: PackageInfo[];
  chunks: ChunkInfo[];
}

function collect(input: ReportInput, files: FileInfo[]): Collected {
  const { stats, context } = input;
  const fileByName = new Map(files.map((file) => [file.name, file]));
  const chunkList = (stats.chunks ?? []).filter((chunk) =>
    (chunk.files ?? []).some((f) => fileByName.has(f)),
  );
  const chunkIndex = new Map(chunkList.map((chunk, index) => [String(chunk.id), index]));
  const chunks: ChunkInfo[] = chunkList.map((chunk) => {
    const own = (chunk.files ?? []).filter((file) => fileByName.has(file));
    const statuses = own.map((file) => fileByName.get(file)?.status ?? 'none');
    return {
      name: chunk.names?.length ? chunk.names.join(', ') : `chunk ${String(chunk.id)}`,
      id: String(chunk.id),
      files: own,
      initial: Boolean(chunk.initial),
      ...(chunk.reason ? { reason: chunk.reason } : {}),
      sizes: sumSizes(own.map((file) => pickSizes(fileByName.get(file) ?? { ...ZERO }))),
      moduleBytes: 0,
      status: worst(statuses),
      modules: [],
    };
  });

  const readManifest = createManifestReader();
  const packages: PackageInfo[] = [];
  const packageIndex = new Map<string, number>();
  const packageFor = (module: StatsModuleLike): number => {
    const file = posix(module.nameForCondition ?? resourceOf(module.name ?? ''));
    const ref = packageOf(file);
    const key = ref.root ?? ref.name;
    let index = packageIndex.get(key);
    if (index === undefined) {
      const manifest = ref.root ? readManifest(ref.root) : {};
      const shown =
        ref.root && context && path.isAbsolute(ref.root) ? posix(path.relative(context, ref.root)) : ref.root;
      const version = ref.version ?? manifest.version;
      packages.push({
        name: ref.name,
        ...(manifest.name && manifest.name !== ref.name ? { realName: manifest.name } : {}),
        ...(version ? { version } : {}),
        ...(shown ? { path: shown } : {}),
        size: 0,
      });
      index = packages.length - 1;
      packageIndex.set(key, index);
    }
    return index;
  };

  const leaves = [...leavesOf(stats)];
  const moduleIndex = new Map(leaves.map(([key], index) => [key, index]));
  const modules: ModuleInfo[] = leaves.map(([, { module, chunks: ids }]) => {
    const issuer = module.issuer ? moduleIndex.get(module.issuer) : undefined;
    const info: ModuleInfo = {
      name: resourceOf(module.name ?? module.identifier ?? '?'),
      size: module.size ?? 0,
      package: packageFor(module),
      chunks: ids.map((id) => chunkIndex.get(id)).filter((index): index is number => index !== undefined),
      issuer: issuer ?? -1,
      ...(issuer === undefined && module.issuerName ? { issuerName: resourceOf(module.issuerName) } : {}),
    };
    return info;
  });
  modules.forEach((module, index) => {
    const pkg = packages[module.package];
    if (pkg) pkg.size += module.size;
    for (const chunk of module.chunks) {
      const info = chunks[chunk];
      if (!info) continue;
      info.modules.push(index);
      info.moduleBytes += module.size;
    }
  });
  return { modules, packages, chunks };
}

/** Without stats, a chunk per file with the largest modules the budgets report lists (the rest unlisted). */
function statsFromReport(report: BudgetsReportLike): StatsLike {
  const largest = report.largestModules ?? {};
  const initial = new Set(Object.values(report.entries ?? {}).flatMap((entry) => entry.initial));
  return {
    chunks: Object.keys(largest).map((file) => ({
      id: file,
      names: [withoutHash(file)],
      files: [file],
      initial: initial.has(file),
    })),
    modules: Object.entries(largest).flatMap(([file, modules]) =>
      modules.map((module) => ({
        identifier: `${file}|${module.name}`,
        name: module.name,
        size: module.size,
        chunks: [file],
      })),
    ),
  };
}

/** A report model from stats (and budgets report, baseline, compress manifest): plain JSON for the HTML. */
export function buildReportData(given: ReportInput): ReportModel {
  const input =
    !given.stats.chunks && given.budgetsReport
      ? { ...given, stats: { ...given.stats, ...statsFromReport(given.budgetsReport) } }
      : given;
  const results = input.budgetsReport?.results ?? [];
  const budgets = budgetsOf(results);
  const files = filesOf(input, budgets);
  const { modules, packages, chunks } = collect(input, files);
  const model: ReportModel = {
    version: 1,
    files,
    chunks,
    modules,
    packages: packages.map((pkg) => (pkg.name === APP ? { ...pkg, name: APP } : pkg)),
    routes: routesOf(input, files),
    duplicates: duplicatesOf(packages),
    budgets,
  };
  if (input.baseline) {
    model.diff = diffModels(toModel(input.baseline, input.context), model, {
      ...(input.compressManifest ? { manifest: input.compressManifest } : {}),
      ...(input.budgetsReport ? { assets: input.budgetsReport.assets } : {}),
    });
  }
  return model;
}

const isModel = (value: BaselineInput): value is ReportModel =>
  (value as ReportModel).version === 1 && Array.isArray((value as ReportModel).chunks);
const isBudgetsReport = (value: BaselineInput): value is BudgetsReportLike =>
  Array.isArray((value as BudgetsReportLike).assets) &&
  ((value as BudgetsReportLike).assets[0] === undefined ||
    'brotli' in ((value as BudgetsReportLike).assets[0] ?? {}));

/** A baseline as a model: an earlier model as it is, a budgets report (files and budgets) or stats. */
export function toModel(baseline: BaselineInput, context?: string): ReportModel {
  if (isModel(baseline)) return baseline;
  if (isBudgetsReport(baseline))
    return buildReportData({ stats: {}, budgetsReport: baseline, ...(context ? { context } : {}) });
  return buildReportData({ stats: baseline, ...(context ? { context } : {}) });
}
