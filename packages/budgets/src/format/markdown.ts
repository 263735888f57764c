import type { AssetDelta, BudgetResult, PackwiseReport } from '../types';
import { changedDeltas, deltaCells, deltaSummary } from './deltas';
import { escapeMarkdown } from './escape';
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
import type { ResultCounts } from './summary';

const VERDICT_CELL = { pass: '✅ pass', fail: '❌ fail', warn: '⚠️ warn' } as const;

/** A GFM table; every cell is escaped, so a name cannot add a column or inject HTML. */
function table(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- |').join('')}`, ...rows.map(line)];
}

function headline(counts: ResultCounts): string {
  const warnings = counts.warned ? ` (${counts.warned} with a warning)` : '';
  if (counts.failed)
    return `### ❌ packwise: ${counts.failed} of ${counts.total} budget checks failed${warnings}`;
  if (counts.total === 0) return '### ✅ packwise: no budgets to check';
  const passed = counts.total === 1 ? 'the budget check passed' : `all ${counts.total} budget checks passed`;
  return `### ✅ packwise: ${passed}${warnings}`;
}

function resultsTable(results: BudgetResult[]): string[] {
  const withChange = results.some((result) => result.baseline !== undefined);
  const header = ['Status', 'Budget', 'Target', 'Size', 'Limit', ...(withChange ? ['Change'] : [])];
  const rows = results.map((result) => [
    VERDICT_CELL[verdictOf(result)],
    result.budget,
    result.target,
    sizeCell(result),
    limitCell(result),
    ...(withChange ? [changeCell(result) || '—'] : []),
  ]);
  return table(header, rows);
}

function problemList(results: BudgetResult[]): string[] {
  return results.flatMap((result) => {
    const verdict = verdictOf(result);
    if (verdict === 'pass') return [];
    const mark = verdict === 'fail' ? '❌' : '⚠️';
    const files = filesLine(result);
    const modules = largestModulesLine(result);
    return [
      ...result.problems.map((problem) => `- ${mark} ${escapeMarkdown(problem)}`),
      ...(files ? [`  - files: ${escapeMarkdown(files)}`] : []),
      ...(modules ? [`  - largest modules: ${escapeMarkdown(modules)}`] : []),
    ];
  });
}

function deltaDetails(deltas: AssetDelta[]): string[] {
  const changed = changedDeltas(deltas);
  const rows = changed.map((delta) => {
    const cells = deltaCells(delta);
    return [delta.key, delta.status, cells.before, cells.after, cells.change, cells.rawChange];
  });
  return [
    '<details>',
    `<summary>Assets against the baseline: ${escapeMarkdown(deltaSummary(deltas))}</summary>`,
    '',
    ...(rows.length
      ? table(['Asset', 'Change', 'Before (brotli)', 'After (brotli)', 'Δ brotli', 'Δ raw'], rows)
      : ['No asset changed.']),
    '',
    '</details>',
  ];
}

/** A PR comment: a headline with the verdict, the results table, the problems, and the per-asset diff collapsed. */
export function formatMarkdown(report: PackwiseReport): string {
  const counts = countResults(report.results);
  const problems = problemList(report.results);
  const returning = returningSummary(report.assets);
  const lines = [
    headline(counts),
    '',
    ...(report.results.length ? [...resultsTable(report.results), ''] : []),
    ...(problems.length ? [...problems, ''] : []),
    ...(returning
      ? [`**Returning visitor** (holding the previous version): ${escapeMarkdown(returning)}`, '']
      : []),
    ...(report.deltas ? [...deltaDetails(report.deltas), ''] : []),
    `<sub>${escapeMarkdown(summaryLine(counts))}</sub>`,
  ];
  return `${lines.join('\n')}\n`;
}
