import { parseArgs } from 'node:util';
import { UsageError } from '../config';
import { isFormatName } from '../format';
import type { FormatName } from '../format';

export interface CheckArgs {
  report?: string;
  stats?: string;
  dir?: string;
  config?: string;
  baseline?: string;
  /** The previous deploy's output folder: what a returning visitor holds. */
  previous?: string;
  format: FormatName;
  output?: string;
}

/** What `packwise check …` asks for: its help, or a check. */
export type CheckCommand = { name: 'help' } | { name: 'check'; args: CheckArgs };

const PATH_OPTIONS = ['report', 'stats', 'dir', 'config', 'baseline', 'previous', 'output'] as const;

const OPTIONS = {
  report: { type: 'string' },
  stats: { type: 'string' },
  dir: { type: 'string' },
  config: { type: 'string' },
  baseline: { type: 'string' },
  previous: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // "Unknown option '--x'. To specify a positional argument…": the first sentence says it all.
    throw new UsageError(`${(error as Error).message.split(/\.\s/)[0]} (see packwise check --help)`);
  }
}

function checkInputs(args: CheckArgs): void {
  const inputs = [args.report && '--report', args.stats && '--stats', args.dir && !args.stats && '--dir'];
  const given = inputs.filter(Boolean);
  if (given.length === 0)
    throw new UsageError('check needs an input: --report FILE, --stats FILE or --dir DIR');
  if (given.length > 1) {
    throw new UsageError(
      `${given.join(' and ')} cannot be combined: give one input (--dir may accompany --stats as its output directory)`,
    );
  }
  if (args.report && args.previous) {
    throw new UsageError(
      "--previous compares the build's files with the previous version: use it with --dir or --stats (a report holds the returning-visitor sizes its build measured)",
    );
  }
}

/** The options of `packwise check` (`argv` is what follows `check`), or a UsageError naming what is wrong. */
export function parseCheck(argv: string[]): CheckCommand {
  const { values, positionals } = parse(argv);
  if (values.help) return { name: 'help' };
  const [extra] = positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  const format = values.format ?? 'text';
  if (!isFormatName(format)) {
    throw new UsageError(`--format must be text, json, markdown, github or junit, not "${format}"`);
  }
  const args: CheckArgs = { format };
  for (const name of PATH_OPTIONS) {
    const value = values[name];
    if (value === '') throw new UsageError(`--${name} needs a value`);
    if (value !== undefined) args[name] = value;
  }
  checkInputs(args);
  return { name: 'check', args };
}
