import type { RunOptions } from './io';
import { run } from './run';

export const DEPRECATION = 'packwise from @packwise/budgets is deprecated: install @packwise/cli\n';

type Run = (options: RunOptions) => Promise<number>;

/** `require('@packwise/cli')`, or undefined when it is not installed (any other failure is thrown). */
function loadCli(): { run?: Run } | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('@packwise/cli') as { run?: Run };
  } catch (error) {
    const firstLine = String((error as Error).message).split('\n')[0] ?? '';
    if (firstLine.includes('@packwise/cli')) return undefined;
    throw error;
  }
}

/**
 * This package's deprecated `packwise` bin, kept for one release: a one-line note on stderr, then
 * @packwise/cli's `packwise` when it is installed, otherwise `packwise check` of this package.
 */
export function forward(
  options: RunOptions,
  load: () => { run?: Run } | undefined = loadCli,
): Promise<number> {
  options.stderr.write(DEPRECATION);
  const cli = load();
  return (typeof cli?.run === 'function' ? cli.run : run)(options);
}
