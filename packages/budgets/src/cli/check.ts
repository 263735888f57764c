import { loadConfig, UsageError } from '../config';
import { diffAssets } from '../diff';
import { evaluateBudgets } from '../evaluate';
import { FORMATS } from '../format';
import { countsZstd } from '../measure';
import { countResults, summaryLine } from '../format/summary';
import type { Budget, PackwiseReport } from '../types';
import type { CheckArgs } from './args';
import { useColor } from './color';
import { readBaseline, readBuild } from './inputs';
import { EXIT } from './io';
import type { RunOptions } from './io';
import { writeOutput } from './output';

/** Entry and initial budgets need to know which files each entry loads: --dir alone does not. */
function requireEntries(budgets: Budget[]): void {
  const budget = budgets.find(({ target }) => target.kind === 'entry' || target.kind === 'initial');
  if (budget) {
    throw new UsageError(
      `budget "${budget.name}" needs entry information that --dir alone lacks: use --stats (with --dir) or --report`,
    );
  }
}

/** `packwise check`: evaluates the budgets on the build (and the baseline), prints the report, returns the exit code. */
export async function check(args: CheckArgs, { cwd, env, stdout }: RunOptions): Promise<number> {
  const config = await loadConfig(cwd, args.config, args.dir);
  const zstd = countsZstd(config.budgets);
  const { build, entriesKnown } = await readBuild(args, cwd, zstd);
  if (!entriesKnown) requireEntries(config.budgets);
  const baseline = args.baseline ? await readBaseline(args.baseline, cwd, zstd) : undefined;
  const { tolerance } = config;
  const report: PackwiseReport = {
    version: 1,
    ...build,
    results: evaluateBudgets(config.budgets, build, { baseline, tolerance }),
    ...(baseline && { deltas: diffAssets(build, baseline, tolerance) }),
  };
  const counts = countResults(report.results);
  const color = !args.output && useColor(stdout, env);
  const text = FORMATS[args.format](report, { color });
  if (args.output) {
    await writeOutput(cwd, args.output, text);
    stdout.write(`${summaryLine(counts)} (${args.format} written to ${args.output})\n`);
  } else {
    stdout.write(text);
  }
  return counts.failed ? EXIT.fail : EXIT.pass;
}
