import type { OutputStream } from '@packwise/budgets';

/** Where the CLI writes: `process.stdout`/`process.stderr`, or a test's fake (the same as `packwise check`'s). */
export type { OutputStream };

/** Everything `packwise` reads from its process, injected so that tests run it in-process. */
export interface RunOptions {
  /** The arguments after node and the script: `['check', '--dir', 'dist']`. */
  argv: string[];
  cwd: string;
  /** For `check`'s colours (`NO_COLOR`, `FORCE_COLOR`). @default {} */
  env?: Record<string, string | undefined>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Closes a running `packwise serve`. Without it, SIGINT and SIGTERM do. */
  signal?: AbortSignal;
}

/** Exit codes: success, a budget failed (or the server could not listen), a usage or input error. */
export const EXIT = Object.freeze({ pass: 0, fail: 1, usage: 2 });

/** A mistake in the command line or its inputs: exit code 2 and its message on one line. */
export class UsageError extends Error {}
