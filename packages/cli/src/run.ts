import { COMMANDS } from './commands';
import { usage, version } from './help';
import { EXIT, UsageError } from './io';
import type { RunOptions } from './io';

const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim() || 'unknown error';

const names = () => Object.keys(COMMANDS).join(', ');

/**
 * The `packwise` command as a function: runs `argv`'s command, loading its package only then, and resolves to
 * the exit code (0 success, 1 a budget failed, 2 usage or input error). Never throws: an error is one
 * `packwise: <reason>` line on stderr.
 */
export async function run(options: RunOptions): Promise<number> {
  try {
    const [name, ...argv] = options.argv;
    if (name === '--help' || name === '-h') {
      options.stdout.write(usage(COMMANDS));
      return EXIT.pass;
    }
    if (name === '--version') {
      options.stdout.write(`${version()}\n`);
      return EXIT.pass;
    }
    if (name === undefined) throw new UsageError(`missing command: ${names()} (see packwise --help)`);
    if (name.startsWith('-')) throw new UsageError(`unknown option ${name} (see packwise --help)`);
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`unknown command "${name}": the commands are ${names()}`);
    return await command.run({ ...options, argv });
  } catch (error) {
    options.stderr.write(`packwise: ${firstLine(error)}\n`);
    return EXIT.usage;
  }
}
