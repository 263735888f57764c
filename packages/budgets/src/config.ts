import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lilconfig } from 'lilconfig';
import { digestOf, parseBytes, validateOptions } from '@packwise/core';
import { configSchema } from './config-schema';
import type { Budget, BudgetConfig, Increase, PackwiseConfig, ResolvedConfig } from './types';

/** A problem with the configuration or the input: the CLI's exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function describeTarget(budget: BudgetConfig): string {
  const target = budget.path ?? (budget.entry ? `entry ${budget.entry}` : 'initial');
  return budget.visitor === 'returning' ? `${target} (returning visitor)` : target;
}

function parseIncrease(value: string | number): Increase {
  if (typeof value === 'string' && value.trim().endsWith('%'))
    return { percent: Number(value.trim().slice(0, -1)) };
  return { bytes: parseBytes(value) };
}

/**
 * Validates a config (schema-utils; an unknown key or a bad limit names itself) and resolves its sizes.
 * `knownValid`: digests of configs that passed the schema in an earlier build (the plugin keeps them in
 * webpack's cache): compiling the schema is most of the plugin's time on a warm rebuild.
 */
export function resolveConfig(
  config: unknown,
  source: string,
  knownValid: ReadonlySet<string> = new Set(),
): ResolvedConfig {
  const digest = digestOf(config);
  try {
    if (!knownValid.has(digest))
      validateOptions<PackwiseConfig>(configSchema, config, `packwise config (${source})`);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { budgets, tolerance } = config as PackwiseConfig;
  budgets.forEach((budget, index) => {
    const label = `${source}: budgets[${index}]${budget.name ? ` ("${budget.name}")` : ''}`;
    const targets = (['path', 'entry', 'initial'] as const).filter((key) => budget[key] !== undefined);
    if (targets.length !== 1) {
      throw new UsageError(
        `${label} needs exactly one of path, entry or initial${targets.length ? `, not ${targets.join(' and ')}` : ''}`,
      );
    }
    if (budget.limit === undefined && budget.maxIncrease === undefined) {
      throw new UsageError(`${label} needs a limit or a maxIncrease`);
    }
  });
  return {
    source,
    digest,
    tolerance: parseBytes(tolerance ?? 16),
    budgets: budgets.map((budget): Budget => ({
      name: budget.name ?? describeTarget(budget),
      target: budget.path
        ? { kind: 'path', pattern: budget.path }
        : budget.entry
          ? { kind: 'entry', entry: budget.entry }
          : { kind: 'initial' },
      ...(budget.limit !== undefined && { limit: parseBytes(budget.limit) }),
      compression: budget.compression ?? 'brotli',
      ...(budget.maxIncrease !== undefined && { maxIncrease: parseIncrease(budget.maxIncrease) }),
      severity: budget.severity ?? 'error',
      visitor: budget.visitor ?? 'new',
    })),
  };
}

interface SizeLimitEntry {
  name?: string;
  path?: string | string[];
  limit?: string | number;
  gzip?: boolean;
  brotli?: boolean;
}

/**
 * size-limit's `.size-limit.json` as packwise budgets: `path` (one glob or several, summed like size-limit
 * does), `limit`, `name`; brotli unless `gzip: true` or `brotli: false` says otherwise.
 */
export function fromSizeLimit(entries: unknown, source: string, outputDir?: string): ResolvedConfig {
  if (!Array.isArray(entries)) throw new UsageError(`${source}: expected an array of size-limit checks`);
  // Paths in .size-limit.json start at the project; asset names start at the output directory.
  const prefix = outputDir
    ? `${outputDir.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '')}/`
    : undefined;
  const relative = (pattern: string) => {
    const clean = pattern.replace(/^\.\//, '');
    if (prefix) return clean.startsWith(prefix) ? clean.slice(prefix.length) : clean;
    return clean.replace(/^(dist|build)\//, '');
  };
  const budgets = entries.map((entry: unknown, index): Budget => {
    const at = `${source}[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new UsageError(`${at} is not a size-limit check (an object with "path" and "limit")`);
    }
    const check = entry as SizeLimitEntry & Record<string, unknown>;
    if (check.import !== undefined) {
      throw new UsageError(`${at}.import is not supported: packwise checks built files, not import costs`);
    }
    // Options that change how size-limit builds or runs code; packwise reads the built files either way.
    const ignored = new Set(['running', 'webpack', 'ignore', 'time']);
    const known = new Set(['name', 'path', 'limit', 'gzip', 'brotli', ...ignored]);
    const unknown = Object.keys(check).find((key) => !known.has(key));
    if (unknown === 'zstd') {
      throw new UsageError(
        `${at} has an unknown key "zstd": size-limit has no zstd; write the budget in packwise.config.json with "compression": "zstd"`,
      );
    }
    if (unknown) throw new UsageError(`${at} has an unknown key "${unknown}"`);
    const patterns = typeof check.path === 'string' ? [check.path] : check.path;
    if (!Array.isArray(patterns) || patterns.length === 0 || check.limit === undefined) {
      throw new UsageError(`${at} needs "path" and "limit"`);
    }
    let limit: number;
    try {
      limit = parseBytes(check.limit);
    } catch (error) {
      throw new UsageError(`${at}.limit: ${(error as Error).message}`);
    }
    return {
      name: check.name ?? patterns.join(', '),
      target: { kind: 'sum', patterns: patterns.map(relative) },
      limit,
      compression: check.gzip ? 'gzip' : check.brotli === false ? 'none' : 'brotli',
      severity: 'error',
      visitor: 'new',
    };
  });
  return { source, tolerance: 16, budgets };
}

const CONFIG_FILES = [
  'packwise.config.json',
  'packwise.config.js',
  'packwise.config.cjs',
  'packwise.config.mjs',
  'package.json',
];
const SIZE_LIMIT_FILES = ['.size-limit.json', '.size-limit.js', '.size-limit.cjs'];

function hasPackwiseKey(packageJson: string): boolean {
  try {
    return JSON.parse(readFileSync(packageJson, 'utf8')).packwise !== undefined;
  } catch {
    return false;
  }
}

/**
 * Where `loadConfig` would find the budgets, without loading them: the nearest folder from `cwd` up with a
 * packwise config (or a package.json with a "packwise" key), else the nearest `.size-limit.*`; undefined when
 * there is none. For tools that turn budgets on only when a project has them.
 */
export function findConfigFile(cwd: string): string | undefined {
  const upwards = (names: string[]) => {
    for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
      for (const name of names) {
        const file = path.join(dir, name);
        if (existsSync(file) && (name !== 'package.json' || hasPackwiseKey(file))) return file;
      }
      if (path.dirname(dir) === dir) return undefined;
    }
  };
  return upwards(CONFIG_FILES) ?? upwards(SIZE_LIMIT_FILES);
}

/**
 * The budgets config: the file given (a packwise config, or size-limit's `.size-limit.json`), else the
 * first of packwise.config.{json,js,cjs,mjs} or package.json "packwise" from `cwd` up, else `.size-limit.json`.
 */
export async function loadConfig(
  cwd: string,
  file?: string,
  outputDir?: string,
  knownValid?: ReadonlySet<string>,
): Promise<ResolvedConfig> {
  const explorer = lilconfig('packwise', { searchPlaces: CONFIG_FILES, stopDir: path.parse(cwd).root });
  const sizeLimit = lilconfig('size-limit', {
    searchPlaces: SIZE_LIMIT_FILES,
  });
  let source = file ?? 'the config';
  try {
    if (file) {
      const absolute = path.resolve(cwd, file);
      source = path.relative(cwd, absolute) || absolute;
      const loaded = await explorer.load(absolute);
      if (loaded === null || loaded.isEmpty) throw new UsageError(`${source} is empty`);
      if (/\.size-limit\.(json|c?js)$/.test(absolute)) return fromSizeLimit(loaded.config, source, outputDir);
      return resolveConfig(loaded.config, source, knownValid);
    }
    const found = await explorer.search(cwd);
    if (found) {
      source = path.relative(cwd, found.filepath) || found.filepath;
      if (found.isEmpty) throw new UsageError(`${source} is empty`);
      return resolveConfig(found.config, source, knownValid);
    }
    const legacy = await sizeLimit.search(cwd);
    if (legacy) {
      source = path.relative(cwd, legacy.filepath) || legacy.filepath;
      if (legacy.isEmpty) throw new UsageError(`${source} is empty`);
      return fromSizeLimit(legacy.config, source, outputDir);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const message = (error as Error).message.split('\n')[0];
    throw new UsageError(`cannot read ${source}: ${message}`);
  }
  throw new UsageError(
    'no budgets: add packwise.config.json (or a "packwise" key in package.json, or .size-limit.json), or pass --config',
  );
}
