import { readFileSync } from 'node:fs';
import path from 'node:path';

/** `packwise check --help`. */
export const HELP = `Usage: packwise check (--report FILE | --stats FILE [--dir DIR] | --dir DIR) [options]

Checks size budgets (packwise.config.*, package.json "packwise", or .size-limit.json) against a build.

Input (exactly one):
  --report FILE     a packwise-report.json written by BudgetsPlugin
  --stats FILE      webpack's stats JSON; files are measured in its outputPath, or in --dir
  --dir DIR         every JS, CSS and HTML file below DIR (no entry information)

Options:
  --config FILE     the budgets config (default: searched from the working directory)
  --baseline FILE   the base branch's packwise-report.json or stats JSON: shows each asset's change
                    and applies maxIncrease
  --previous DIR    the previous deploy's output folder: what a returning visitor holds (for budgets
                    with "visitor": "returning"; with --dir or --stats, deltas from compress-manifest.json)
  --format NAME     text (default), json, markdown, github or junit
  --output FILE     write the formatted output to FILE; print a one-line summary
  -h, --help        show this help

Exit codes: 0 every budget passed, 1 a budget failed, 2 a usage or input error.
`;

/** This package's version (package.json is two levels up from both src/cli and dist/cli). */
export function version(): string {
  const manifest = readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}
