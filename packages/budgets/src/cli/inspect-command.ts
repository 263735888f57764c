import { UsageError } from '../config';
import type { RunOptions } from './io';

interface PresetModule {
  inspect(options: Omit<RunOptions, 'env'>): Promise<number>;
}

/**
 * `packwise inspect` lives in @packwise/preset, which depends on this package: load it only when asked for,
 * and say how to get it when it is not installed.
 */
export async function inspectCommand(argv: string[], options: RunOptions): Promise<number> {
  let preset: PresetModule;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    preset = require('@packwise/preset') as PresetModule;
  } catch {
    throw new UsageError('inspect needs @packwise/preset: npm install --save-dev @packwise/preset');
  }
  return preset.inspect({ argv, cwd: options.cwd, stdout: options.stdout, stderr: options.stderr });
}
