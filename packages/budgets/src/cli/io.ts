/** Where the CLI writes: `process.stdout`/`process.stderr`, or a test's fake. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Everything the CLI reads from its process, injected so that tests run it in-process. */
export interface RunOptions {
  /** The arguments after node and the script: `['check', '--dir', 'dist']`. */
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: OutputStream;
  stderr: OutputStream;
}

/** Exit codes: the check passed, a budget failed, the usage or an input was wrong. */
export const EXIT = Object.freeze({ pass: 0, fail: 1, usage: 2 });
