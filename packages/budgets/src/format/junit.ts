import type { BudgetResult, PackwiseReport } from '../types';
import { escapeXmlAttribute, escapeXmlText } from './escape';
import { countResults, problemLines, sizeCell, verdictOf } from './summary';

const attributes = (values: Record<string, string | number>) =>
  Object.entries(values)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(String(value))}"`)
    .join('');

const details = (result: BudgetResult): string => problemLines(result).join('\n');

function testcase(result: BudgetResult): string[] {
  const open = `    <testcase${attributes({ name: `${result.target} (${sizeCell(result)})`, classname: result.budget })}`;
  const verdict = verdictOf(result);
  if (verdict === 'pass') return [`${open} />`];
  const body =
    verdict === 'fail'
      ? `      <failure${attributes({ message: result.problems[0] ?? 'failed', type: 'budget' })}>${escapeXmlText(details(result))}</failure>`
      : `      <system-out>${escapeXmlText(`warning: ${details(result)}`)}</system-out>`;
  return [`${open}>`, body, '    </testcase>'];
}

/** JUnit XML: one testcase per result; a failure for each failed error-severity budget, warnings as output. */
export function formatJunit(report: PackwiseReport): string {
  const { total, failed } = countResults(report.results);
  const counts = { tests: total, failures: failed, errors: 0, skipped: 0 };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'packwise', ...counts })}>`,
    `  <testsuite${attributes({ name: 'packwise budgets', ...counts })}>`,
    ...report.results.flatMap(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
