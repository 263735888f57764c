import { formatBytes } from '@packwise/core';
import { UsageError } from './config';
import { createNameMatcher, withoutHash } from './names';
import type {
  AssetSize,
  Budget,
  BudgetResult,
  BuildSizes,
  Compression,
  Increase,
  ModuleSize,
  Sizes,
} from './types';

/** The size a compression counts; undefined for zstd when it was not measured (a report from before zstd). */
const sizeOf = (sizes: Sizes, compression: Compression): number | undefined =>
  compression === 'none' ? sizes.raw : sizes[compression];

/** The sum of each size; zstd only when every file has one, as a partial sum would be wrong. */
function total(assets: AssetSize[]): Sizes {
  const sum = (size: (asset: AssetSize) => number) => assets.reduce((n, asset) => n + size(asset), 0);
  const zstd = assets.every((asset) => asset.zstd !== undefined);
  return {
    raw: sum((a) => a.raw),
    gzip: sum((a) => a.gzip),
    brotli: sum((a) => a.brotli),
    ...(zstd && { zstd: sum((a) => a.zstd ?? 0) }),
  };
}

/** JS and CSS count towards entry and initial totals; the HTML page towards the initial total only (below). */
const isCode = (name: string) => /\.(m?js|css)(\?.*)?$/.test(name);

interface Measured {
  target: string;
  sizes: Sizes;
  /** The same target's sizes in the baseline, matched by name without hash. */
  baseline?: Sizes;
  largestModules?: ModuleSize[];
  /** What a total counted; absent for a single asset. */
  files?: string[];
}

function largestOf(build: BuildSizes, names: string[]): ModuleSize[] | undefined {
  if (!build.largestModules) return undefined;
  const modules = names.flatMap((name) => build.largestModules?.[name] ?? []);
  return modules.sort((a, b) => b.size - a.size).slice(0, 3);
}

function assetsNamed(build: BuildSizes, names: string[]): AssetSize[] {
  const byName = new Map(build.assets.map((asset) => [asset.name, asset]));
  return names.flatMap((name) => byName.get(name) ?? []);
}

const filesOf = (build: BuildSizes, names: string[]) => assetsNamed(build, names.filter(isCode));

/**
 * The first page load of an entry: its initial JS/CSS and the page that loads them. A visitor downloads one
 * page, so of several pages that load the entry the heaviest (in the budget's compression) counts.
 */
function firstLoadOf(build: BuildSizes, name: string, compression: Compression): AssetSize[] {
  const entry = build.entries[name];
  const files = filesOf(build, entry?.initial ?? []);
  const pages = assetsNamed(build, entry?.pages ?? []).filter((page) => !files.includes(page));
  const page = pages.reduce<AssetSize | undefined>(
    (heaviest, candidate) =>
      !heaviest || (sizeOf(candidate, compression) ?? 0) > (sizeOf(heaviest, compression) ?? 0)
        ? candidate
        : heaviest,
    undefined,
  );
  return page ? [...files, page] : files;
}

/** The sizes a budget measures in a build: one per matching asset, or one total. */
function measure(budget: Budget, build: BuildSizes): { target: string; sizes: Sizes; names: string[] }[] {
  const { target } = budget;
  switch (target.kind) {
    case 'path': {
      const matches = createNameMatcher(target.pattern);
      return build.assets
        .filter((a) => matches(a.name))
        .map((a) => ({ target: a.name, sizes: a, names: [a.name] }));
    }
    case 'sum': {
      const matchers = target.patterns.map(createNameMatcher);
      const files = build.assets.filter((a) => matchers.some((matches) => matches(a.name)));
      return files.length
        ? [{ target: target.patterns.join(', '), sizes: total(files), names: files.map((f) => f.name) }]
        : [];
    }
    case 'entry': {
      const entry = build.entries[target.entry];
      if (!entry) return [];
      const files = filesOf(build, entry.all);
      return [{ target: `entry ${target.entry}`, sizes: total(files), names: files.map((f) => f.name) }];
    }
    case 'initial':
      return Object.keys(build.entries).map((name) => {
        const files = firstLoadOf(build, name, budget.compression);
        return { target: `initial ${name}`, sizes: total(files), names: files.map((f) => f.name) };
      });
  }
}

function baselineFor(budget: Budget, target: string, baseline: BuildSizes | undefined): Sizes | undefined {
  if (!baseline) return undefined;
  const matching = measure(budget, baseline);
  if (budget.target.kind !== 'path') return matching.find((m) => m.target === target)?.sizes;
  return matching.find((m) => withoutHash(m.target) === withoutHash(target))?.sizes;
}

function allowedIncrease(increase: Increase, before: number): number {
  return 'bytes' in increase ? increase.bytes : (before * increase.percent) / 100;
}

const describeIncrease = (increase: Increase) =>
  'bytes' in increase ? formatBytes(increase.bytes) : `${increase.percent}%`;

/** A build's size for the budget; a report that holds no zstd sizes cannot be checked against a zstd budget. */
function actualSize(budget: Budget, measured: Measured): number {
  const actual = sizeOf(measured.sizes, budget.compression);
  if (actual !== undefined) return actual;
  throw new UsageError(
    `budget "${budget.name}" counts zstd, but the build's sizes hold none for ${measured.target}: ` +
      'a packwise report has zstd sizes only from a build with a zstd budget (or check --stats or --dir)',
  );
}

function judge(budget: Budget, measured: Measured, tolerance: number): BudgetResult {
  const { compression } = budget;
  const actual = actualSize(budget, measured);
  // A baseline without zstd sizes (written before the zstd budget) has no figure to grow from, like a new asset.
  const before = measured.baseline ? sizeOf(measured.baseline, compression) : undefined;
  const problems: string[] = [];
  const label = compression === 'none' ? 'raw' : compression;
  if (budget.limit !== undefined && actual > budget.limit) {
    problems.push(
      `${measured.target} is ${formatBytes(actual)} ${label}, over the limit of ${formatBytes(budget.limit)} by ${formatBytes(actual - budget.limit)}`,
    );
  }
  if (budget.maxIncrease && before !== undefined) {
    const growth = actual - before;
    if (growth > tolerance && growth > allowedIncrease(budget.maxIncrease, before)) {
      problems.push(
        `${measured.target} grew by ${formatBytes(growth)} ${label} (${formatBytes(before)} → ${formatBytes(actual)}), ` +
          `more than the ${describeIncrease(budget.maxIncrease)} allowed`,
      );
    }
  }
  return {
    budget: budget.name,
    target: measured.target,
    compression,
    actual,
    ...(budget.limit !== undefined && { limit: budget.limit }),
    ...(before !== undefined && { baseline: before }),
    ...(budget.maxIncrease && { maxIncrease: budget.maxIncrease }),
    status: problems.length ? 'fail' : 'pass',
    severity: budget.severity,
    problems,
    ...(measured.files && { files: measured.files }),
    ...(measured.largestModules?.length && { largestModules: measured.largestModules }),
  };
}

/**
 * Every budget's verdict on a build, and against a baseline build when given: the limit, and `maxIncrease`
 * for growth beyond `tolerance` bytes. A budget that matches nothing fails: a typo in a glob or an entry name
 * must not pass silently.
 */
export function evaluateBudgets(
  budgets: Budget[],
  build: BuildSizes,
  { baseline, tolerance = 16 }: { baseline?: BuildSizes; tolerance?: number } = {},
): BudgetResult[] {
  return budgets.flatMap((budget) => {
    const measured = measure(budget, build);
    if (measured.length === 0) {
      return [
        {
          budget: budget.name,
          target: budget.name,
          compression: budget.compression,
          actual: 0,
          ...(budget.limit !== undefined && { limit: budget.limit }),
          status: 'fail' as const,
          severity: budget.severity,
          problems: [`${budget.name} matches nothing in this build`],
        },
      ];
    }
    return measured.map(({ target, sizes, names }) =>
      judge(
        budget,
        {
          target,
          sizes,
          baseline: baselineFor(budget, target, baseline),
          largestModules: largestOf(build, names),
          ...(budget.target.kind !== 'path' && { files: names }),
        },
        tolerance,
      ),
    );
  });
}
