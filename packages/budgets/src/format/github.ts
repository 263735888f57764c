import type { BudgetResult, PackwiseReport } from '../types';
import { deltaSummary } from './deltas';
import { escapeGithubData, escapeGithubProperty } from './escape';
import { countResults, problemLines, summaryLine, verdictOf } from './summary';

/** One annotation per failed target: its problems, one a line, and its largest modules. */
function annotation(result: BudgetResult): string[] {
  const verdict = verdictOf(result);
  if (verdict === 'pass') return [];
  const command = verdict === 'fail' ? 'error' : 'warning';
  const message = problemLines(result).join('\n');
  return [
    `::${command} title=${escapeGithubProperty(`Budget ${result.budget}`)}::${escapeGithubData(message)}`,
  ];
}

/**
 * GitHub Actions workflow commands: an `::error` for each failed target of a budget (`::warning` with severity
 * warning), and a `::notice` with the totals (and the asset changes against the baseline).
 */
export function formatGithub(report: PackwiseReport): string {
  const changes = report.deltas ? `; assets: ${deltaSummary(report.deltas)}` : '';
  const notice = `${summaryLine(countResults(report.results))}${changes}`;
  const lines = [
    ...report.results.flatMap(annotation),
    `::notice title=${escapeGithubProperty('packwise budgets')}::${escapeGithubData(notice)}`,
  ];
  return `${lines.join('\n')}\n`;
}
