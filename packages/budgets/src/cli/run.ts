import { parseCommand } from './args';
import { check } from './check';
import { oneLine } from './errors';
import { handOver, isHandedOver } from './hand-over';
import { HELP, version } from './help';
import { EXIT } from './io';
import type { RunOptions } from './io';

export type { OutputStream, RunOptions } from './io';

/**
 * The `packwise` CLI as a function: runs the command in `argv` and resolves to the exit code (0 pass,
 * 1 a budget failed, 2 usage or input error). Never throws: any error is one `packwise: <reason>` line on stderr.
 */
export async function run(options: RunOptions): Promise<number> {
  try {
    const [first, ...rest] = options.argv;
    if (isHandedOver(first)) return await handOver(first as string, rest, options);
    const command = parseCommand(options.argv);
    if (command.name === 'help') {
      options.stdout.write(HELP);
      return EXIT.pass;
    }
    if (command.name === 'version') {
      options.stdout.write(`${version()}\n`);
      return EXIT.pass;
    }
    return await check(command.args, options);
  } catch (error) {
    options.stderr.write(`packwise: ${oneLine(error)}\n`);
    return EXIT.usage;
  }
}
