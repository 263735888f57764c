import path from 'node:path';
import type { Compilation, Compiler } from 'webpack';

/** The bundler running a plugin: webpack 5, or Rspack (1.x or 2.x), which runs webpack-style plugins. */
export interface BundlerInfo {
  name: 'webpack' | 'rspack';
  /** webpack's version, or Rspack's own (`rspackVersion`), not the webpack version Rspack claims. */
  version: string;
  /** The major version: 5 for webpack, 1 or 2 for Rspack. */
  major: number;
}

/** Which bundler `compiler` belongs to: Rspack's exports carry `rspackVersion` (its `version` says 5.75.0). */
export function bundlerOf(compiler: Compiler): BundlerInfo {
  const exports = compiler.webpack as Compiler['webpack'] & { rspackVersion?: string };
  const version = exports.rspackVersion ?? exports.version;
  return {
    name: exports.rspackVersion ? 'rspack' : 'webpack',
    version,
    major: Number.parseInt(version, 10),
  };
}

export const isRspack = (compiler: Compiler): boolean => bundlerOf(compiler).name === 'rspack';

const warned = new WeakMap<object, Set<string>>();

/**
 * Reports once per compilation that `feature` of `plugin` does not work on this bundler and what happens instead,
 * as a build warning (webpack's WebpackError class of the running bundler).
 */
export function warnUnsupported(
  compilation: Compilation,
  plugin: string,
  feature: string,
  instead: string,
): void {
  const seen = warned.get(compilation) ?? new Set<string>();
  warned.set(compilation, seen);
  if (seen.has(feature)) return;
  seen.add(feature);
  const { name, version } = bundlerOf(compilation.compiler);
  const { WebpackError } = compilation.compiler.webpack;
  compilation.warnings.push(
    new WebpackError(`${plugin}: ${feature} does not work on ${name} ${version}; ${instead}.`),
  );
}

interface RspackPersistentCache {
  type?: string;
  storage?: { directory?: string };
}

/**
 * Rspack's persistent cache folder when that cache is on (`cache` in 2.x, `experiments.cache` in 1.x), else
 * undefined: where plugins whose `getCache` is memory-only there keep what must outlive the process (beside it,
 * not in it: Rspack 1.7 removes what it did not write there when the compiler closes).
 */
export function rspackPersistentCacheDirectory(compiler: Compiler): string | undefined {
  const options = compiler.options as unknown as { cache?: unknown; experiments?: { cache?: unknown } };
  for (const cache of [options.cache, options.experiments?.cache]) {
    const persistent = cache as RspackPersistentCache | undefined;
    if (persistent && typeof persistent === 'object' && persistent.type === 'persistent')
      return persistent.storage?.directory ?? path.join(compiler.context, 'node_modules/.cache/rspack');
  }
  return undefined;
}
