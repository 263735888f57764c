import { formatBytes } from '@packwise/core';
import type { AssetSize, BudgetResult, Compression, Increase } from '../types';

export interface ResultCounts {
  total: number;
  passed: number;
  /** Failed with severity `error`: these fail the check. */
  failed: number;
  /** Failed with severity `warning`. */
  warned: number;
}

export type Verdict = 'pass' | 'fail' | 'warn';

/** `fail` only for a failed error-severity budget; a failed warning is `warn`. */
export const verdictOf = (result: BudgetResult): Verdict =>
  result.status === 'pass' ? 'pass' : result.severity === 'error' ? 'fail' : 'warn';

export function countResults(results: BudgetResult[]): ResultCounts {
  const verdicts = results.map(verdictOf);
  const count = (verdict: Verdict) => verdicts.filter((v) => v === verdict).length;
  return { total: results.length, passed: count('pass'), failed: count('fail'), warned: count('warn') };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `5 budget checks: 4 passed, 1 failed, 0 warnings`. */
export function summaryLine({ total, passed, failed, warned }: ResultCounts): string {
  return `${plural(total, 'budget check')}: ${passed} passed, ${failed} failed, ${plural(warned, 'warning')}`;
}

export const compressionLabel = (compression: Compression): string =>
  compression === 'none' ? 'raw' : compression;

export const describeIncrease = (increase: Increase): string =>
  'bytes' in increase ? `+${formatBytes(increase.bytes)}` : `+${increase.percent}%`;

/** `12.3 kB brotli`, or `812 B brotli (returning visitor)`. */
export const sizeCell = (result: BudgetResult): string =>
  `${formatBytes(result.actual)} ${compressionLabel(result.compression)}` +
  (result.visitor === 'returning' ? ' (returning visitor)' : '');

/**
 * How a visitor holding the previous version gets the build's files: `3 files cached, 1 delta (812 B), 2 in
 * full`; undefined when the build's sizes hold no returning-visitor sizes (no previous version given).
 */
export function returningSummary(assets: AssetSize[]): string | undefined {
  if (assets.length === 0 || !assets.every((asset) => asset.returning)) return undefined;
  const of = (via: string) => assets.filter((asset) => asset.returning?.via === via);
  const deltas = of('delta');
  const deltaBytes = deltas.reduce((sum, asset) => sum + (asset.returning?.brotli ?? 0), 0);
  return [
    plural(of('cache').length, 'file') + ' cached',
    `${plural(deltas.length, 'delta')}${deltas.length ? ` (${formatBytes(deltaBytes)})` : ''}`,
    `${of('full').length} in full`,
  ].join(', ');
}

/** `170 kB`, `max +5%`, or both. */
export function limitCell(result: BudgetResult): string {
  const parts = [
    ...(result.limit !== undefined ? [formatBytes(result.limit)] : []),
    ...(result.maxIncrease ? [`max ${describeIncrease(result.maxIncrease)}`] : []),
  ];
  return parts.join(', ') || '—';
}

/** Growth against the baseline (`+1.2 kB`), empty without one. */
export const changeCell = (result: BudgetResult): string =>
  result.baseline === undefined ? '' : formatBytes(result.actual - result.baseline, { signed: true });

/** `a.js 12 kB, b.js 3 kB`: the largest modules of a failed target, or undefined. */
export function largestModulesLine(result: BudgetResult): string | undefined {
  if (!result.largestModules?.length) return undefined;
  return result.largestModules.map((module) => `${module.name} ${formatBytes(module.size)}`).join(', ');
}

/** Files listed by name before the rest are counted. */
const LISTED_FILES = 10;

/** `main.js, main.css, index.html`: the files a failed total counted (at most ten, then how many more), or undefined. */
export function filesLine(result: BudgetResult): string | undefined {
  if (!result.files?.length) return undefined;
  const more = result.files.length - LISTED_FILES;
  return result.files.slice(0, LISTED_FILES).join(', ') + (more > 0 ? ` and ${more} more` : '');
}

/** A failed result's problems, one a line, then the files it counted and its largest modules. */
export function problemLines(result: BudgetResult): string[] {
  const files = filesLine(result);
  const modules = largestModulesLine(result);
  return [
    ...result.problems,
    ...(files ? [`files: ${files}`] : []),
    ...(modules ? [`largest modules: ${modules}`] : []),
  ];
}
