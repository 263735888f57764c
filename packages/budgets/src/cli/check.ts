import path from 'node:path';
import { loadConfig, UsageError } from '../config';
import { diffAssets } from '../diff';
import { evaluateBudgets } from '../evaluate';
import { FORMATS } from '../format';
import { countsZstd } from '../measure';
import { PreviousVersion, returningBudget } from '../returning';
import { countResults, summaryLine } from '../format/summary';
import type { Budget, BuildSizes, PackwiseReport } from '../types';
import type { CheckArgs } from './args';
import { useColor } from './color';
import { readBaseline, readBuild } from './inputs';
import type { BuildInput } from './inputs';
import { EXIT } from './io';
import type { RunOptions } from './io';
import { writeOutput } from './output';
import { withReturningFrom } from './returning-input';

/** Entry and initial budgets need to know which files each entry loads: --dir alone does not. */
function requireEntries(budgets: Budget[]): void {
  const budget = budgets.find(({ target }) => target.kind === 'entry' || target.kind === 'initial');
  if (budget) {
    throw new UsageError(
      `budget "${budget.name}" needs entry information that --dir alone lacks: use --stats (with --dir) or --report`,
    );
  }
}

/**
 * The build with what a visitor holding `--previous` downloads of each file. Without `--previous`, a
 * returning-visitor budget needs a report that holds those sizes (written with returningVisitor.previous).
 */
async function withReturning(
  args: CheckArgs,
  cwd: string,
  input: BuildInput,
  budgets: Budget[],
): Promise<BuildSizes> {
  if (args.previous) {
    const previous = await PreviousVersion.open(
      path.resolve(cwd, args.previous),
      `--previous ${args.previous}`,
    );
    return withReturningFrom(input.build, input.dir, previous);
  }
  const budget = returningBudget(budgets);
  if (!budget || input.build.assets.every((asset) => asset.returning)) return input.build;
  throw new UsageError(
    args.report
      ? `budget "${budget.name}" counts returning visitors, but --report ${args.report} holds no returning-visitor sizes: ` +
          'write it with BudgetsPlugin returningVisitor.previous, or check --dir or --stats with --previous DIR'
      : `budget "${budget.name}" counts returning visitors: pass --previous DIR (the previous deploy's output folder)`,
  );
}

/** Evaluates the budgets on the build (and the baseline), prints the report, returns the exit code. */
export async function checkBuild(args: CheckArgs, { cwd, env, stdout }: RunOptions): Promise<number> {
  const config = await loadConfig(cwd, args.config, args.dir);
  const zstd = countsZstd(config.budgets);
  const input = await readBuild(args, cwd, zstd);
  if (!input.entriesKnown) requireEntries(config.budgets);
  const build = await withReturning(args, cwd, input, config.budgets);
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
