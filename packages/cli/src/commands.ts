/* eslint-disable @typescript-eslint/no-require-imports -- each command's package is required when it runs */
import type { RunOptions } from './io';
import { commandOf } from './load';
import { untilInterrupted } from './signals';

type Budgets = typeof import('@packwise/budgets');
type Preset = typeof import('@packwise/preset');
type Report = typeof import('@packwise/report');
type Serve = typeof import('@packwise/serve');

export interface Command {
  /** What it does, for `packwise --help`. */
  summary: string;
  /** What follows `packwise`, for `packwise --help`. */
  usage: string;
  /** The package that has it, required only when the command runs. */
  from: string;
  /** Runs it; `argv` is what follows the command's name. Resolves to the exit code, never throws. */
  run(options: RunOptions): Promise<number>;
}

/** Every `packwise` command, in the order `packwise --help` lists them. */
export const COMMANDS: Readonly<Record<string, Command>> = Object.freeze({
  check: {
    summary: 'check size budgets against a build: exit 0 pass, 1 a budget failed',
    usage: 'check (--report FILE | --stats FILE [--dir DIR] | --dir DIR) [options]',
    from: '@packwise/budgets',
    run: ({ argv, cwd, env = {}, stdout, stderr }) =>
      commandOf<Budgets['check']>('@packwise/budgets', 'check', () => require('@packwise/budgets'))({
        argv,
        cwd,
        env,
        stdout,
        stderr,
      }),
  },
  inspect: {
    summary: "print the preset's final webpack config, each value with the layer that set it",
    usage: 'inspect [--config FILE] [--json] [--env name=value]',
    from: '@packwise/preset',
    run: ({ argv, cwd, stdout, stderr }) =>
      commandOf<Preset['inspect']>('@packwise/preset', 'inspect', () => require('@packwise/preset'))({
        argv,
        cwd,
        stdout,
        stderr,
      }),
  },
  serve: {
    summary: 'serve a build with the best precompressed variant per request (dcz deltas, zstd, br, gzip)',
    usage: 'serve <dir> [--port N] [--host H] [--manifest FILE] [--no-spa]',
    from: '@packwise/serve',
    run: ({ argv, cwd, stdout, stderr, signal }) => {
      const serve = commandOf<Serve['serve']>('@packwise/serve', 'serve', () => require('@packwise/serve'));
      if (signal) return serve({ argv, cwd, stdout, stderr, signal });
      return untilInterrupted((interrupted) => serve({ argv, cwd, stdout, stderr, signal: interrupted }));
    },
  },
  report: {
    summary: 'write the visual report of a build: treemap, routes, duplicates, why, diff against a baseline',
    usage: 'report [--report FILE | --stats FILE --dir DIR] [--baseline FILE] [--out FILE] [--open]',
    from: '@packwise/report',
    run: ({ argv, cwd, stdout, stderr }) =>
      commandOf<Report['report']>('@packwise/report', 'report', () => require('@packwise/report'))({
        argv,
        cwd,
        stdout,
        stderr,
      }),
  },
});
