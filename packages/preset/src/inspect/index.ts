import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Configuration } from 'webpack';
import { ConfigPrinter, expression, jsonSafe } from './print';
import { computeLayers, Provenance } from './provenance';
import { findComposition } from './record';

export { findComposition, recordComposition } from './record';
export type { Composition } from './record';

/** Where inspect writes: `process.stdout`/`process.stderr`, or a test's fake. */
export interface InspectStream {
  write(text: string): unknown;
}

export interface InspectOptions {
  /** The arguments after `inspect`: `['--config', 'webpack.config.js', '--json', '--env', 'name=value']`. */
  argv: string[];
  cwd: string;
  stdout: InspectStream;
  stderr: InspectStream;
}

/** webpack's config names first: a project with both gets its webpack config unless `--config` says. */
const DEFAULT_CONFIGS = ['webpack', 'rspack'].flatMap((tool) =>
  ['js', 'cjs', 'mjs'].map((ext) => `${tool}.config.${ext}`),
);

/** `packwise inspect --help`. */
export const INSPECT_USAGE = `Usage: packwise inspect [--config FILE] [--json] [--env name=value]...

Prints the final webpack (or Rspack) config of the project as loadable JavaScript, each value commented with
the layer that set it (preset, packwise <feature> or user).

  -c, --config FILE  the config (default: webpack.config.js, .cjs or .mjs, else rspack.config.*, in the
                     working directory)
  --json             print { config, provenance } as JSON instead
  --env name=value   passed to a config that exports a function, as webpack's --env does
  -h, --help         show this help
`;

class UsageError extends Error {}

interface Args {
  help?: boolean;
  config?: string;
  json: boolean;
  env: Record<string, string | true>;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, env: {} };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const next = inline ?? argv[++index];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--json') args.json = true;
    else if (flag === '--config' || flag === '-c') args.config = value();
    else if (flag === '--env') {
      const pair = value();
      const equals = pair.indexOf('=');
      if (equals < 0) args.env[pair] = true;
      else args.env[pair.slice(0, equals)] = pair.slice(equals + 1);
    } else throw new UsageError(`unknown argument ${arg} (see packwise inspect --help)`);
  }
  return args;
}

function configFile(args: Args, cwd: string): string {
  if (args.config !== undefined) {
    const file = path.resolve(cwd, args.config);
    if (!existsSync(file)) throw new UsageError(`no config file ${args.config} in ${cwd}`);
    return file;
  }
  const found = DEFAULT_CONFIGS.find((name) => existsSync(path.join(cwd, name)));
  if (!found)
    throw new UsageError(
      `no webpack.config.js or rspack.config.js (.cjs, .mjs) in ${cwd}; pass --config <file>`,
    );
  return path.join(cwd, found);
}

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim() || 'unknown error';

async function loadConfig(file: string, env: Args['env']): Promise<Configuration> {
  let exported: unknown;
  try {
    exported = file.endsWith('.mjs')
      ? ((await import(pathToFileURL(file).href)) as { default?: unknown }).default
      : // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require(file) as unknown);
  } catch (error) {
    throw new UsageError(`cannot load ${path.basename(file)}: ${firstLine(error)}`);
  }
  if (exported && typeof exported === 'object' && 'default' in exported && !('mode' in exported))
    exported = (exported as { default: unknown }).default;
  let config: unknown = exported;
  if (typeof exported === 'function') {
    try {
      config = await (exported as (env: object, argv: object) => unknown)(env, { env });
    } catch (error) {
      throw new UsageError(`${path.basename(file)} threw: ${firstLine(error)}`);
    }
  }
  if (Array.isArray(config))
    throw new UsageError(`${path.basename(file)} exports ${config.length} configs; inspect prints one`);
  if (!config || typeof config !== 'object')
    throw new UsageError(`${path.basename(file)} exports no configuration (got ${typeof config})`);
  return config as Configuration;
}

/** The final config as a loadable JavaScript module and the layer of each value, by path. */
export function printConfig(
  config: Configuration,
  source = 'webpack.config.js',
): { code: string; provenance: Record<string, string> } {
  const composition = findComposition(config);
  const provenance = new Provenance(composition && computeLayers(composition), (value) => expression(value));
  const printer = new ConfigPrinter(provenance);
  const bundler = composition?.options.bundler === 'rspack' ? 'Rspack' : 'webpack';
  const header = [
    `The final ${bundler} config of ${source}, printed by \`packwise inspect\`.`,
    "Each value's comment names the layer that set it: preset, packwise <feature> or user (merged last).",
    composition
      ? `${bundler} default: ${bundler} fills in everything not listed here with its own defaults when it builds.`
      : 'This config was not made by withPackwise, so every value is labelled user.',
  ];
  const code = printer.print(config, header);
  return { code, provenance: printer.provenance };
}

/**
 * `packwise inspect`: prints the final config of the project's webpack config as loadable JavaScript, each
 * value commented with the layer that set it, or with `--json` as `{ config, provenance }`. Resolves to the
 * exit code: 0, or 2 with one `packwise: <reason>` line on stderr when the config is missing or broken.
 */
export async function inspect(options: InspectOptions): Promise<number> {
  try {
    const args = parseArgs(options.argv);
    if (args.help) {
      options.stdout.write(INSPECT_USAGE);
      return 0;
    }
    const file = configFile(args, options.cwd);
    const config = await loadConfig(file, args.env);
    const { code, provenance } = printConfig(config, path.basename(file));
    if (args.json) {
      const composition = findComposition(config);
      const layers = new Provenance(composition && computeLayers(composition), (value) => expression(value));
      options.stdout.write(`${JSON.stringify({ config: jsonSafe(config, layers), provenance }, null, 2)}\n`);
    } else {
      options.stdout.write(code);
    }
    return 0;
  } catch (error) {
    options.stderr.write(`packwise: ${firstLine(error)}\n`);
    return 2;
  }
}
