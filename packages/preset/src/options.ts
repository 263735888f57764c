import type { BudgetsPluginOptions } from '@packwise/budgets';
import type { CompressPluginOptions } from '@packwise/compress';
import type { InlineAssetsPluginOptions, InlineHtmlPluginOptions } from '@packwise/inline';
import type { VendorChunksOptions } from '@packwise/vendor-chunks';
import type HtmlWebpackPlugin from 'html-webpack-plugin';
import type { RuleSetRule } from 'webpack';

/** A feature switch: `false` turns it off, `true` (or leaving it out) uses its defaults, an object its options. */
export type Feature<T> = boolean | T;

/** The names of the rules the preset adds to `module.rules`, in that order. */
export type RuleName = 'scripts' | 'styles' | 'assets';

/** `false` drops a preset rule; a function receives the preset's rule and returns the one to use. */
export type RuleOverride = false | ((rule: RuleSetRule) => RuleSetRule);

export type Minifier = 'terser' | 'swc' | 'esbuild';

export type Transpiler = 'swc' | 'babel';

export interface InlineOptions {
  /** `InlineAssetsPlugin`: images, fonts and SVG as data URIs by encoded size. @default true */
  assets?: Feature<InlineAssetsPluginOptions>;
  /** `InlineHtmlPlugin`: the runtime (and small CSS) into the HTML, with CSP hashes. @default true with `html` */
  html?: Feature<InlineHtmlPluginOptions>;
}

export interface PackwiseOptions {
  /**
   * The bundler the config is for. `rspack`: an Rspack 1.7 / 2.x config with its built-ins (builtin:swc-loader,
   * CssExtractRspackPlugin, SwcJsMinimizerRspackPlugin, LightningCssMinimizerRspackPlugin, HtmlRspackPlugin) and
   * the same packwise plugins; `@packwise/preset/rspack` sets it. @default 'webpack'
   */
  bundler?: 'webpack' | 'rspack';
  /**
   * The `@rspack/core` module to take Rspack's built-ins from (`require('@rspack/core')`), when the project has
   * several. @default the project's own `@rspack/core`
   */
  rspack?: object;
  /**
   * What to build for. Left out: the config's `mode`, else `--mode` on the command line, else `development`
   * under `webpack serve`, else `production`. Development has no minification, compression, content hashes
   * or budgets; CSS through style-loader, React Fast Refresh when `react-refresh` is installed.
   */
  mode?: 'production' | 'development';
  /**
   * The compiler of the `scripts` rule: `babel` (babel-loader) when the project has a babel config of its
   * own, else `swc` (swc-loader, with the same JSX runtime and browserslist targets).
   */
  transpiler?: Transpiler;
  /**
   * webpack's filesystem cache (`node_modules/.cache/webpack/packwise-<mode>`), invalidated by the config file and the
   * project's package.json, tsconfig, babel, PostCSS and browserslist files. `false`: no cache. Your config's
   * `cache` wins. @default true
   */
  cache?: boolean;
  /** Copy `public/` to the output in production, as Vite and create-react-app do. @default true when it exists */
  copyPublic?: boolean;
  /**
   * The JS minifier terser-webpack-plugin runs. `swc` (a dependency of the preset) is the default: on the example
   * app it writes 1.009× terser's brotli bytes in 0.4× the build time. `esbuild` needs the `esbuild` package.
   * @default 'swc'
   */
  minify?: Minifier;
  /**
   * html-webpack-plugin (its options). @default true when the project has a page: `index.html` (Vite),
   * `public/index.html` (create-react-app) or `src/index.html`, used as the template.
   */
  html?: Feature<HtmlWebpackPlugin.Options>;
  /** babel-loader's cache directory (`true`: `node_modules/.cache/babel-loader`). @default true */
  babelCacheDirectory?: boolean | string;
  /** Replace (a function) or drop (`false`) a rule the preset adds, by name. */
  rules?: Partial<Record<RuleName, RuleOverride>>;
  /** `@packwise/vendor-chunks`: per-package vendor chunks with stable ids. @default true */
  vendorChunks?: Feature<VendorChunksOptions>;
  /** `@packwise/inline`; `true`/`false` switches both plugins. @default true */
  inline?: Feature<InlineOptions>;
  /** `@packwise/compress`: gzip and brotli siblings. @default true */
  compress?: Feature<CompressPluginOptions>;
  /** `@packwise/budgets`. @default true when a budgets config exists (packwise.config.*, package.json "packwise") */
  budgets?: Feature<BudgetsPluginOptions>;
}

/** The options of a switched-on feature, `undefined` when it is off. */
export function featureOptions<T extends object>(
  value: Feature<T> | undefined,
  byDefault: boolean,
): T | undefined {
  if (value === false || (value === undefined && !byDefault)) return undefined;
  return typeof value === 'object' ? value : ({} as T);
}
