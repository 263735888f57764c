import { UsageError } from '../config';
import type { RunOptions } from './io';

type Command = (options: Omit<RunOptions, 'env'> & { signal?: AbortSignal }) => Promise<number>;

/**
 * Commands that live in other packages (which may depend on this one): each is loaded only when asked for,
 * with a line saying how to install it when it is missing.
 */
const HANDED_OVER: Readonly<Record<string, { from: string; name: string }>> = {
  inspect: { from: '@packwise/preset', name: 'inspect' },
  serve: { from: '@packwise/serve', name: 'serve' },
};

export const isHandedOver = (command: string | undefined): boolean =>
  command !== undefined && Object.hasOwn(HANDED_OVER, command);

/** Runs `packwise <command> …` with the package that has it. */
export async function handOver(command: string, argv: string[], options: RunOptions): Promise<number> {
  const { from, name } = HANDED_OVER[command] as { from: string; name: string };
  let run: Command | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    run = (require(from) as Record<string, Command | undefined>)[name];
  } catch {
    throw new UsageError(`${command} needs ${from}: npm install --save-dev ${from}`);
  }
  if (typeof run !== 'function') throw new UsageError(`${from} has no ${name} command: update it`);
  const { cwd, stdout, stderr } = options;
  if (command !== 'serve') return run({ argv, cwd, stdout, stderr });
  // A server runs until the process is interrupted: SIGINT/SIGTERM close it cleanly (exit 0).
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop).once('SIGTERM', stop);
  try {
    return await run({ argv, cwd, stdout, stderr, signal: controller.signal });
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
  }
}
