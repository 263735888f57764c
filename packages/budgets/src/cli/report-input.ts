import { UsageError } from '../config';
import { isPage, withPages } from '../pages';
import type { AssetSize, BuildSizes, ModuleSize, ReturningSizes } from '../types';
import { isObject } from './read-json';

const isSize = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const hasSizes = (value: Record<string, unknown>) =>
  isSize(value.raw) &&
  isSize(value.gzip) &&
  isSize(value.brotli) &&
  (value.zstd === undefined || isSize(value.zstd));

/** What a returning visitor downloads of an asset, when the report's build had a previous version. */
function toReturning(value: unknown): ReturningSizes | undefined {
  if (
    !isObject(value) ||
    !hasSizes(value) ||
    !['cache', 'delta', 'full'].includes(value.via as string) ||
    (value.delta !== undefined && typeof value.delta !== 'string')
  )
    return undefined;
  const { via, delta, raw, gzip, brotli, zstd } = value as unknown as ReturningSizes;
  return {
    via,
    ...(delta !== undefined && { delta }),
    raw,
    gzip,
    brotli,
    ...(zstd !== undefined && { zstd }),
  };
}

/**
 * An asset of a report: raw, gzip and brotli always; zstd when the build had a zstd budget; `returning` when
 * it had a previous version.
 */
function toAsset(value: unknown, index: number, label: string): AssetSize {
  if (isObject(value) && typeof value.name === 'string' && hasSizes(value)) {
    const { name, raw, gzip, brotli, zstd } = value as unknown as AssetSize;
    const returning = toReturning(value.returning);
    if (value.returning === undefined || returning) {
      return {
        name,
        raw,
        gzip,
        brotli,
        ...(zstd !== undefined && { zstd }),
        ...(returning && { returning }),
      };
    }
    throw new UsageError(
      `${label}: assets[${index}].returning needs "via" (cache, delta or full) and raw, gzip and brotli sizes`,
    );
  }
  throw new UsageError(
    `${label}: assets[${index}] needs a name and raw, gzip and brotli sizes (and zstd, if any, a size)`,
  );
}

function toEntries(value: unknown, label: string): BuildSizes['entries'] {
  if (value === undefined) return {};
  const entries = isObject(value) ? Object.entries(value) : [];
  const bad = entries.find(
    ([, entry]) =>
      !isObject(entry) ||
      !isStringArray(entry.initial) ||
      !isStringArray(entry.all) ||
      (entry.pages !== undefined && !isStringArray(entry.pages)),
  );
  if (!isObject(value) || bad) {
    throw new UsageError(
      `${label}: entries${bad ? `.${bad[0]}` : ''} needs "initial" and "all" file lists (and "pages", if any, a list)`,
    );
  }
  return Object.fromEntries(entries) as BuildSizes['entries'];
}

/**
 * A report from before `pages` gets them by the same rule from names alone: with one entry, every HTML asset;
 * with several, none (which page loads which entry is in the pages' text, which a report does not hold).
 */
function withKnownPages(entries: BuildSizes['entries'], assets: AssetSize[]): BuildSizes['entries'] {
  if (Object.values(entries).every((entry) => entry.pages)) return entries;
  const pages = assets.filter((asset) => isPage(asset.name)).map(({ name }) => ({ name }));
  const derived = withPages(entries, pages);
  return Object.fromEntries(
    Object.entries(entries).map(([name, entry]) => [name, entry.pages ? entry : (derived[name] ?? entry)]),
  );
}

const isModuleList = (value: unknown): value is ModuleSize[] =>
  Array.isArray(value) && value.every((m) => isObject(m) && typeof m.name === 'string' && isSize(m.size));

function toLargestModules(value: unknown): BuildSizes['largestModules'] {
  if (!isObject(value)) return undefined;
  const lists = Object.entries(value).filter((entry): entry is [string, ModuleSize[]] =>
    isModuleList(entry[1]),
  );
  return Object.fromEntries(lists);
}

/**
 * The build sizes of a `packwise-report.json` (its assets, entries and largest modules); the verdicts it
 * holds are ignored, the budgets are evaluated again.
 */
export function fromReport(report: unknown, label: string): BuildSizes {
  if (!isObject(report) || report.version !== 1 || !Array.isArray(report.assets)) {
    throw new UsageError(
      `${label}: not a packwise report (version 1 with "assets"); for webpack stats use --stats`,
    );
  }
  if (report.assets.length === 0) throw new UsageError(`${label}: the report has no assets`);
  const largestModules = toLargestModules(report.largestModules);
  const assets = report.assets.map((asset, index) => toAsset(asset, index, label));
  return {
    assets,
    entries: withKnownPages(toEntries(report.entries, label), assets),
    ...(largestModules && { largestModules }),
  };
}

/** Whether JSON is a packwise report rather than webpack stats (whose `version` is webpack's, a string). */
export const isReport = (json: unknown): boolean => isObject(json) && json.version === 1;
