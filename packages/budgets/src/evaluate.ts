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
function total(assets: Sizes[]): Sizes {
  const sum = (size: (asset: Sizes) => number) => assets.reduce((n, asset) => n + size(asset), 0);
  const zstd = assets.every((asset) => asset.zstd !== undefined);
  return {
    raw: sum((a) => a.raw),
    gzip: sum((a) => a.gzip),
    brotli: sum((a) => a.brotli),
    ...(zstd && { zstd: sum((a) => a.zstd ?? 0) }),
  };
}

/**
 * The sizes a budget counts of one file: its own for a new visitor; for a returning visitor what one holding
 * the previous version downloads (measured only when a previous version was given).
 */
function sizesFor(budget: Budget, asset: AssetSize): Sizes {
  if (budget.visitor !== 'returning') return asset;
  if (asset.returning) return asset.returning;
  throw new UsageError(
    `budget "${budget.name}" counts returning visitors, but the build's sizes hold none for ${asset.name}: ` +
      'give the previous version (BudgetsPlugin returningVisitor.previous, or packwise check --previous DIR)',
  );
}

/** `(2 cached, 1 delta, 1 in full)` for a total, `(delta main.1a2b.js.3c4d5e6f.dcz)` for one file; '' for none. */
function visitsLine(assets: AssetSize[]): string {
  const [only] = assets;
  if (assets.length === 1 && only?.returning) {
    const { via, delta } = only.returning;
    return via === 'delta' ? `(delta ${delta ?? ''})` : via === 'cache' ? '(cached)' : '(in full)';
  }
  const count = (via: string) => assets.filter((asset) => asset.returning?.via === via).length;
  const parts = [
    [count('cache'), 'cached'],
    [count('delta'), count('delta') === 1 ? 'delta' : 'deltas'],
    [count('full'), 'in full'],
  ].filter(([n]) => n);
  return parts.length ? `(${parts.map(([n, what]) => `${n} ${what}`).join(', ')})` : '';
}

/** JS and CSS count towards entry and initial totals; the HTML page towards the initial total only (below). */
const isCode = (name: string) => /\.(m?js|css)(\?.*)?$/.test(name);

interface Measured {
  target: string;
  sizes: Sizes;
  /** For a returning visitor: how it gets the files, `(2 cached, 1 delta, 1 in full)`. */
  visits?: string;
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

interface Target {
  target: string;
  sizes: Sizes;
  /** The files counted. */
  files: AssetSize[];
}

/** A target and the sizes the budget counts of its files. */
const targetOf = (budget: Budget, target: string, files: AssetSize[]): Target => ({
  target,
  sizes: total(files.map((file) => sizesFor(budget, file))),
  files,
});

/** The sizes a budget measures in a build: one per matching asset, or one total. */
function measure(budget: Budget, build: BuildSizes): Target[] {
  const { target } = budget;
  switch (target.kind) {
    case 'path': {
      const matches = createNameMatcher(target.pattern);
      return build.assets.filter((a) => matches(a.name)).map((a) => targetOf(budget, a.name, [a]));
    }
    case 'sum': {
      const matchers = target.patterns.map(createNameMatcher);
      const files = build.assets.filter((a) => matchers.some((matches) => matches(a.name)));
      return files.length ? [targetOf(budget, target.patterns.join(', '), files)] : [];
    }
    case 'entry': {
      const entry = build.entries[target.entry];
      if (!entry) return [];
      return [targetOf(budget, `entry ${target.entry}`, filesOf(build, entry.all))];
    }
    case 'initial':
      return Object.keys(build.entries).map((name) =>
        targetOf(budget, `initial ${name}`, firstLoadOf(build, name, budget.compression)),
      );
  }
}

function baselineFor(budget: Budget, target: string, baseline: BuildSizes | undefined): Sizes | undefined {
  if (!baseline) return undefined;
  // A baseline built without a previous version has no returning-visitor figure, like a new asset.
  if (budget.visitor === 'returning' && !baseline.assets.every((asset) => asset.returning)) return undefined;
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
  const returning = budget.visitor === 'returning';
  const label = `${compression === 'none' ? 'raw' : compression}${returning ? ' for a returning visitor' : ''}`;
  const visits = measured.visits ? ` ${measured.visits}` : '';
  if (budget.limit !== undefined && actual > budget.limit) {
    problems.push(
      `${measured.target} is ${formatBytes(actual)} ${label}${visits}, over the limit of ${formatBytes(budget.limit)} by ${formatBytes(actual - budget.limit)}`,
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
    ...(returning && { visitor: 'returning' as const }),
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
          ...(budget.visitor === 'returning' && { visitor: 'returning' as const }),
        },
      ];
    }
    return measured.map(({ target, sizes, files }) => {
      const returning = budget.visitor === 'returning';
      // A returning visitor's largest modules are in what it downloads, not in what it has cached.
      const downloaded = returning ? files.filter((file) => file.returning?.via !== 'cache') : files;
      return judge(
        budget,
        {
          target,
          sizes,
          ...(returning && { visits: visitsLine(files) }),
          baseline: baselineFor(budget, target, baseline),
          largestModules: largestOf(
            build,
            downloaded.map((file) => file.name),
          ),
          ...(budget.target.kind !== 'path' && { files: files.map((file) => file.name) }),
        },
        tolerance,
      );
    });
  });
}
