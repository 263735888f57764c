import type { Configuration } from 'webpack';

export type Mode = 'production' | 'development';

/** `webpack-cli`'s command names for the dev server. */
const SERVE_COMMANDS = new Set(['serve', 'server', 's']);

/** `--mode development` / `--mode=development` in `argv`. */
function modeFlag(argv: string[]): string | undefined {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--mode') return argv[index + 1];
    if (arg.startsWith('--mode=')) return arg.slice('--mode='.length);
  }
  return undefined;
}

/** `argv` is webpack-cli (`webpack`, `webpack-cli`, `webpack-dev-server`) running its `serve` command. */
function isServeCommand(argv: string[]): boolean {
  const bin = argv[1] ?? '';
  const cli =
    /webpack(?:-cli|-dev-server)?(?:[\\/]bin[\\/](?:cli|webpack|webpack-dev-server))?(?:\.c?js)?$/.test(bin);
  return cli && (SERVE_COMMANDS.has(argv[2] ?? '') || /webpack-dev-server(?:\.js)?$/.test(bin));
}

/**
 * The mode the preset builds for, so one config file serves `webpack` and `webpack serve`: `options.mode`,
 * else the user config's `mode`, else `--mode` on the command line, else development under `webpack serve`
 * (or `WEBPACK_SERVE=true`), else production.
 */
export function resolveMode(
  optionMode: Mode | undefined,
  userConfig: Configuration,
  argv: string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): Mode {
  if (optionMode) return optionMode;
  if (userConfig.mode === 'development' || userConfig.mode === 'production') return userConfig.mode;
  const flag = modeFlag(argv);
  if (flag === 'development' || flag === 'production') return flag;
  if (isServeCommand(argv) || env.WEBPACK_SERVE === 'true') return 'development';
  return 'production';
}
