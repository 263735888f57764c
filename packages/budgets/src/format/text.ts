import pc from 'picocolors';
import type { Colors } from 'picocolors/types';
import type { AssetDelta, BudgetResult, PackwiseReport } from '../types';
import { changedDeltas, deltaCells, deltaSummary } from './deltas';
import { escapeText } from './escape';
import {
  changeCell,
  countResults,
  filesLine,
  largestModulesLine,
  limitCell,
  returningSummary,
  sizeCell,
  summaryLine,
  verdictOf,
} from './summary';
import { textTable } from './text-table';
import type { FormatOptions } from './types';

const VERDICT_LABEL = { pass: '✔ pass', fail: '✖ FAIL', warn: '⚠ warn' } as const;

function resultsSection(results: BudgetResult[], c: Colors): string[] {
  if (results.length === 0) return ['No budgets to check.'];
  const withChange = results.some((result) => result.baseline !== undefined);
  const header = ['Budget', 'Target', 'Size', 'Limit', ...(withChange ? ['Change'] : []), 'Status'];
  const rows = results.map((result) => [
    escapeText(result.budget),
    escapeText(result.target),
    sizeCell(result),
    limitCell(result),
    ...(withChange ? [changeCell(result)] : []),
    VERDICT_LABEL[verdictOf(result)],
  ]);
  const statusColor = { pass: c.green, fail: c.red, warn: c.yellow };
  const paint = (text: string, row: number, column: number) => {
    if (row === 0) return c.bold(text);
    if (column !== header.length - 1) return text;
    return statusColor[verdictOf(results[row - 1] as BudgetResult)](text);
  };
  return textTable([header, ...rows], paint);
}

function problemsSection(results: BudgetResult[], c: Colors): string[] {
  return results.flatMap((result) => {
    const verdict = verdictOf(result);
    if (verdict === 'pass') return [];
    const mark = verdict === 'fail' ? c.red('✖') : c.yellow('⚠');
    const files = filesLine(result);
    const modules = largestModulesLine(result);
    return [
      ...result.problems.map((problem) => `  ${mark} ${escapeText(problem)}`),
      ...(files ? [c.dim(`    files: ${escapeText(files)}`)] : []),
      ...(modules ? [c.dim(`    largest modules: ${escapeText(modules)}`)] : []),
    ];
  });
}

function deltaSection(deltas: AssetDelta[], c: Colors): string[] {
  const changed = changedDeltas(deltas);
  const paintStatus = { added: c.yellow, removed: c.dim, grown: c.red, shrunk: c.green, unchanged: c.dim };
  const rows = changed.map((delta) => {
    const cells = deltaCells(delta);
    return [
      delta.status,
      escapeText(delta.key),
      `${cells.before} → ${cells.after}`,
      `${cells.change} (raw ${cells.rawChange})`,
    ];
  });
  const paint = (text: string, row: number, column: number) =>
    column === 0 ? paintStatus[(changed[row] as AssetDelta).status](text) : text;
  return [c.bold(`Assets against the baseline (brotli): ${deltaSummary(deltas)}`), ...textTable(rows, paint)];
}

/** A table of the budgets' results, the problems of those that failed and, with a baseline, each asset's change. */
export function formatText(report: PackwiseReport, { color = false }: FormatOptions = {}): string {
  const c = pc.createColors(color);
  const counts = countResults(report.results);
  const summary = summaryLine(counts);
  const problems = problemsSection(report.results, c);
  const returning = returningSummary(report.assets);
  const lines = [
    ...resultsSection(report.results, c),
    ...(problems.length ? ['', ...problems] : []),
    ...(returning ? ['', `Returning visitor (holding the previous version): ${returning}`] : []),
    ...(report.deltas ? ['', ...deltaSection(report.deltas, c)] : []),
    '',
    counts.failed ? c.red(summary) : counts.warned ? c.yellow(summary) : c.green(summary),
  ];
  return `${lines.join('\n')}\n`;
}
