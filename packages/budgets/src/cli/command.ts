import { parseCheck } from './args';
import { checkBuild } from './check';
import { oneLine } from './errors';
import { HELP } from './help';
import { EXIT } from './io';
import type { OutputStream, RunOptions } from './io';

/** Runs `command`; any error becomes one `packwise: <reason>` line on stderr and exit code 2. */
export async function reportingErrors(stderr: OutputStream, command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (error) {
    stderr.write(`packwise: ${oneLine(error)}\n`);
    return EXIT.usage;
  }
}

/**
 * `packwise check` as a function, `argv` being what follows `check`: checks the budgets against the build and
 * resolves to the exit code (0 pass, 1 a budget failed, 2 usage or input error). Never throws: any error is
 * one `packwise: <reason>` line on stderr.
 */
export function check(options: RunOptions): Promise<number> {
  return reportingErrors(options.stderr, async () => {
    const command = parseCheck(options.argv);
    if (command.name === 'check') return checkBuild(command.args, options);
    options.stdout.write(HELP);
    return EXIT.pass;
  });
}
