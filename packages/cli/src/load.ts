import { UsageError } from './io';

/** Whether `error` says that `from` itself cannot be found (not a module it requires). */
function isMissing(error: unknown, from: string): boolean {
  const firstLine = String((error as Error | undefined)?.message ?? error).split('\n')[0] ?? '';
  // "Cannot find module '@packwise/x'" (a module it requires would be named instead).
  return (
    (error as NodeJS.ErrnoException | undefined)?.code === 'MODULE_NOT_FOUND' &&
    firstLine.includes(`'${from}'`)
  );
}

/**
 * The function `name` that the package `from` exports, `load` being `() => require(from)`: a command's
 * package is loaded only when the command runs. A UsageError says how to install or update a missing one.
 */
export function commandOf<T>(from: string, name: string, load: () => unknown): T {
  let exports: unknown;
  try {
    exports = load();
  } catch (error) {
    if (isMissing(error, from)) throw new UsageError(`${name} needs ${from}: npm install --save-dev ${from}`);
    throw error;
  }
  const command = (exports as Record<string, unknown> | undefined)?.[name];
  if (typeof command !== 'function') throw new UsageError(`${from} has no ${name} command: update it`);
  return command as T;
}
