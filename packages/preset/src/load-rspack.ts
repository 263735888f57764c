import { resolveFromProject } from './project';

/** What the preset uses of `@rspack/core`'s exports (1.7 and 2.x have them all). */
export interface RspackModule {
  rspackVersion: string;
  HtmlRspackPlugin: new (options?: object) => object;
  CssExtractRspackPlugin: (new (options?: object) => object) & { loader: string };
  SwcJsMinimizerRspackPlugin: new (options?: object) => object;
  LightningCssMinimizerRspackPlugin: new (options?: object) => object;
}

const isRspackModule = (value: unknown): value is RspackModule =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as RspackModule).rspackVersion === 'string';

/**
 * `@rspack/core` as the project installed it (a peer dependency, like webpack), or `given` (the `rspack`
 * option). 2.x is ESM only: Node 20.19+ loads it with require().
 */
export function loadRspack(context: string, given?: unknown): RspackModule {
  if (given !== undefined) {
    if (!isRspackModule(given))
      throw new Error(
        "@packwise/preset: options.rspack must be the @rspack/core module (require('@rspack/core'))",
      );
    return given;
  }
  const file = resolveFromProject('@rspack/core', context);
  if (!file)
    throw new Error(
      "@packwise/preset: bundler: 'rspack' needs the package @rspack/core: npm install -D @rspack/core",
    );
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a peer dependency, loaded on demand
  const loaded = require(file) as unknown;
  if (!isRspackModule(loaded))
    throw new Error(`@packwise/preset: ${file} is not @rspack/core (it has no rspackVersion)`);
  return loaded;
}

/** The major version of a loaded Rspack: 1 or 2 (1.x keeps the persistent cache under `experiments`). */
export const rspackMajor = (rspack: RspackModule): number => Number.parseInt(rspack.rspackVersion, 10);
