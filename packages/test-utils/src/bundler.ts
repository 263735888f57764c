/* eslint-disable @typescript-eslint/no-require-imports -- the bundler under test is chosen at run time */
import type { Compiler, Configuration, MultiCompiler } from 'webpack';

/**
 * The bundlers the cross-bundler suites (`test/bundlers/`) run on: jest's projects set `PACKWISE_BUNDLER`
 * (jest.config.ts); every other test runs on webpack only.
 */
export type BundlerName = 'webpack' | 'rspack' | 'rspack-1';

/** Where each bundler is installed: `@rspack/core` is 2.x, `rspack-core-v1` an npm alias of 1.7.x. */
const PACKAGES: Record<BundlerName, string> = {
  webpack: 'webpack',
  rspack: '@rspack/core',
  'rspack-1': 'rspack-core-v1',
};

export interface Bundler {
  name: BundlerName;
  /** True on either Rspack. */
  rspack: boolean;
  /** The bundler's own version (`rspackVersion` for Rspack). */
  version: string;
  /**
   * The package's exports: `webpack`'s or `@rspack/core`'s, for classes both have (`DefinePlugin`,
   * `sources`, …) and Rspack's built-ins (`HtmlRspackPlugin`, `CssExtractRspackPlugin`, …).
   */
  exports: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** A compiler for a (single) config. Typed as webpack's: Rspack's follows it for what tests use. */
  create(config: Configuration): Compiler;
  /** A multi-compiler for several configs. */
  createMulti(configs: Configuration[]): MultiCompiler;
}

/** The bundler this test run uses: `PACKWISE_BUNDLER`, else webpack. */
export function bundlerName(): BundlerName {
  const name = process.env.PACKWISE_BUNDLER ?? 'webpack';
  if (!(name in PACKAGES))
    throw new Error(`PACKWISE_BUNDLER must be one of ${Object.keys(PACKAGES).join(', ')}`);
  return name as BundlerName;
}

const loaded = new Map<BundlerName, Bundler>();

/** The bundler under test (or `name`), loaded once. */
export function bundler(name: BundlerName = bundlerName()): Bundler {
  const known = loaded.get(name);
  if (known) return known;
  const exports = require(PACKAGES[name]);
  const factory = (name === 'webpack' ? exports : exports.rspack) as (config: unknown) => unknown;
  const created: Bundler = {
    name,
    rspack: name !== 'webpack',
    version: name === 'webpack' ? exports.version : exports.rspackVersion,
    exports,
    create: (config) => factory(config) as Compiler,
    createMulti: (configs) => factory(configs) as MultiCompiler,
  };
  loaded.set(name, created);
  return created;
}
