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
