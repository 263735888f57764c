import type { Configuration, RuleSetUseItem, WebpackPluginInstance } from 'webpack';
import type { Minifier } from './options';

export type BundlerName = 'webpack' | 'rspack';

/** The filenames of extracted CSS files. */
export interface CssFilenames {
  filename: string;
  chunkFilename: string;
}

/**
 * What differs between the bundlers in the preset's layer: everything else (rules' structure, output,
 * optimization, the packwise plugins) is one config for both.
 */
export interface Toolchain {
  bundler: BundlerName;
  /** The loader of the `scripts` rule when swc compiles: swc-loader, or Rspack's `builtin:swc-loader`. */
  swcLoader: string;
  /** The loader that extracts CSS into files in production, with its options. */
  extractLoader: RuleSetUseItem;
  /** The plugin that writes the extracted CSS. */
  extractPlugin(filenames: CssFilenames): WebpackPluginInstance;
  /** The JS and CSS minimizers for `minify`. */
  minimizers(minify: Minifier, context: string): WebpackPluginInstance[];
  /** The class of the plugin that writes the page (html-webpack-plugin, HtmlRspackPlugin). */
  htmlPlugin(): new (options: object) => WebpackPluginInstance;
  /** The persistent cache settings (`cache`, and on Rspack 1.x `experiments.cache`). */
  cache(settings: CacheSettings): Pick<Configuration, 'cache' | 'experiments'>;
  /** `resolve` settings for a tsconfig/jsconfig that maps paths. */
  tsconfig(file: string): Record<string, unknown>;
  /** The `resolve.extensions` that put `.jsx` (and TypeScript) before the bundler's defaults. */
  extensions(typescript: boolean): string[];
}

/** The persistent cache the preset asks for, in bundler-neutral terms. */
export interface CacheSettings {
  /** `packwise-<mode>`: one cache per mode. */
  name: string;
  /** A digest of withPackwise's arguments. */
  version: string;
  /** Files whose change invalidates the cache: the config file and the project's config files. */
  buildDependencies: string[];
  context: string;
}
