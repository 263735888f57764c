import path from 'node:path';
import { lilconfig } from 'lilconfig';
import { parseBytes, validateOptions } from '@packwise/core';
import { configSchema } from './config-schema';
import type { Budget, BudgetConfig, Increase, PackwiseConfig, ResolvedConfig } from './types';

/** A problem with the configuration or the input: the CLI's exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function describeTarget(budget: BudgetConfig): string {
  if (budget.path) return budget.path;
  if (budget.entry) return `entry ${budget.entry}`;
  return 'initial';
}

function parseIncrease(value: string | number): Increase {
  if (typeof value === 'string' && value.trim().endsWith('%'))
    return { percent: Number(value.trim().slice(0, -1)) };
  return { bytes: parseBytes(value) };
}

/** Validates a config (schema-utils; an unknown key or a bad limit names itself) and resolves its sizes. */
export function resolveConfig(config: unknown, source: string): ResolvedConfig {
  try {
    validateOptions<PackwiseConfig>(configSchema, config, `packwise config (${source})`);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { budgets, tolerance } = config as PackwiseConfig;
  return {
    source,
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
export function fromSizeLimit(entries: unknown, source: string): ResolvedConfig {
  if (!Array.isArray(entries)) throw new UsageError(`${source}: expected an array of size-limit checks`);
  const budgets = entries.map((entry: SizeLimitEntry, index): Budget => {
    const known = new Set([
      'name',
      'path',
      'limit',
      'gzip',
      'brotli',
      'import',
      'ignore',
      'running',
      'webpack',
    ]);
    const unknown = Object.keys(entry ?? {}).filter((key) => !known.has(key));
    if (unknown.length) throw new UsageError(`${source}[${index}] has an unknown key "${unknown[0]}"`);
    const patterns = typeof entry.path === 'string' ? [entry.path] : entry.path;
    if (!patterns?.length || entry.limit === undefined) {
      throw new UsageError(`${source}[${index}] needs "path" and "limit"`);
    }
    let limit: number;
    try {
      limit = parseBytes(entry.limit);
    } catch (error) {
      throw new UsageError(`${source}[${index}].limit: ${(error as Error).message}`);
    }
    const compression = entry.gzip ? 'gzip' : entry.brotli === false ? 'none' : 'brotli';
    return {
      name: entry.name ?? patterns.join(', '),
      target: { kind: 'sum', patterns: patterns.map((p) => p.replace(/^(\.\/)?(dist|build)\//, '')) },
      limit,
      compression,
      severity: 'error',
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

/**
 * The budgets config: the file given (a packwise config, or size-limit's `.size-limit.json`), else the
 * first of packwise.config.{json,js,cjs,mjs} or package.json "packwise" from `cwd` up, else `.size-limit.json`.
 */
export async function loadConfig(cwd: string, file?: string): Promise<ResolvedConfig> {
  const explorer = lilconfig('packwise', { searchPlaces: CONFIG_FILES, stopDir: path.parse(cwd).root });
  try {
    if (file) {
      const absolute = path.resolve(cwd, file);
      const loaded = await explorer.load(absolute);
      const source = path.relative(cwd, absolute) || absolute;
      if (/\.size-limit\.(json|c?js)$/.test(absolute)) return fromSizeLimit(loaded?.config, source);
      if (loaded === null || loaded.isEmpty) throw new UsageError(`${source} is empty`);
      return resolveConfig(loaded.config, source);
    }
    const found = await explorer.search(cwd);
    if (found && !found.isEmpty)
      return resolveConfig(found.config, path.relative(cwd, found.filepath) || found.filepath);
    const sizeLimit = await lilconfig('size-limit', {
      searchPlaces: ['.size-limit.json', '.size-limit.js', '.size-limit.cjs'],
    }).search(cwd);
    if (sizeLimit && !sizeLimit.isEmpty)
      return fromSizeLimit(sizeLimit.config, path.relative(cwd, sizeLimit.filepath));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const message = (error as Error).message.split('\n')[0];
    throw new UsageError(`cannot read the config: ${message}`);
  }
  throw new UsageError(
    'no budgets: add packwise.config.json (or a "packwise" key in package.json, or .size-limit.json), or pass --config',
  );
}
