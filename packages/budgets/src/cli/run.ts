import { UsageError } from '../config';
import { check, reportingErrors } from './command';
import { HELP, version } from './help';
import { EXIT } from './io';
import type { RunOptions } from './io';

export type { OutputStream, RunOptions } from './io';

/** Commands that @packwise/cli has and this package does not. */
const ELSEWHERE = new Set(['inspect', 'serve', 'report']);

function notHere(command: string): UsageError {
  if (command.startsWith('-')) return new UsageError(`Unknown option '${command}' (see packwise --help)`);
  if (ELSEWHERE.has(command)) {
    return new UsageError(`${command} is a command of @packwise/cli: npm install --save-dev @packwise/cli`);
  }
  return new UsageError(`unknown command "${command}": the only command is "check"`);
}

/**
 * The `packwise` command of this package alone: `check`, `--help` and `--version`. Resolves to the exit
 * code (0 pass, 1 a budget failed, 2 usage or input error); never throws.
 *
 * @deprecated The `packwise` command is @packwise/cli's `run`; this package's `check` is its `check` command.
 * Kept for one release, for the deprecated `packwise` bin of this package.
 */
export function run(options: RunOptions): Promise<number> {
  return reportingErrors(options.stderr, async () => {
    const [command, ...argv] = options.argv;
    if (command === 'check') return check({ ...options, argv });
    if (command === '--help' || command === '-h') {
      options.stdout.write(HELP);
      return EXIT.pass;
    }
    if (command === '--version') {
      options.stdout.write(`${version()}\n`);
      return EXIT.pass;
    }
    if (command === undefined) throw new UsageError('missing command: try "packwise check --help"');
    throw notHere(command);
  });
}
