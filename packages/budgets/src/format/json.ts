import type { PackwiseReport } from '../types';

/** The report itself, as `packwise-report.json` holds it. */
export function formatJson(report: PackwiseReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
