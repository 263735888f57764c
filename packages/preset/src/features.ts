/* eslint-disable @typescript-eslint/no-require-imports -- a plugin package loads only when its feature is on */
import type { BudgetsPluginOptions } from '@packwise/budgets';
import type { CompressPluginOptions } from '@packwise/compress';
import type { InlineAssetsPluginOptions, InlineHtmlPluginOptions } from '@packwise/inline';
import type { VendorChunksOptions } from '@packwise/vendor-chunks';
import { featureOptions } from './options';
import type { InlineOptions, PackwiseOptions } from './options';
import type { WebpackPluginInstance } from 'webpack';
import type { Project } from './project';

/** The packwise features that are on, with their options. */
export interface Features {
  vendorChunks?: VendorChunksOptions;
  inlineAssets?: InlineAssetsPluginOptions;
  inlineHtml?: InlineHtmlPluginOptions;
  compress?: CompressPluginOptions;
  budgets?: BudgetsPluginOptions;
}

/**
 * Which features are on: each one's switch in `options`, its default otherwise; `html` is whether a page is
 * generated (by the preset's html-webpack-plugin or the user's). Development builds have none of them.
 */
export function resolveFeatures(options: PackwiseOptions, project: Project, html: boolean): Features {
  if (options.mode === 'development') return {};
  const inline = featureOptions<InlineOptions>(options.inline, true);
  return {
    vendorChunks: featureOptions(options.vendorChunks, true),
    inlineAssets: inline && featureOptions(inline.assets, true),
    inlineHtml: inline && featureOptions(inline.html, html),
    compress: featureOptions(options.compress, true),
    budgets: featureOptions(options.budgets, project.budgetsConfig !== undefined),
  };
}

/** The packwise plugins, in the order they run best: split, inline, compress what is left, then check. */
export function featurePlugins(features: Features): WebpackPluginInstance[] {
  const plugins: WebpackPluginInstance[] = [];
  if (features.vendorChunks) {
    const { VendorChunksPlugin } =
      require('@packwise/vendor-chunks') as typeof import('@packwise/vendor-chunks');
    plugins.push(new VendorChunksPlugin(features.vendorChunks));
  }
  if (features.inlineAssets || features.inlineHtml) {
    const inline = require('@packwise/inline') as typeof import('@packwise/inline');
    if (features.inlineAssets) plugins.push(new inline.InlineAssetsPlugin(features.inlineAssets));
    if (features.inlineHtml) plugins.push(new inline.InlineHtmlPlugin(features.inlineHtml));
  }
  if (features.compress) {
    const { CompressPlugin } = require('@packwise/compress') as typeof import('@packwise/compress');
    plugins.push(new CompressPlugin(features.compress));
  }
  if (features.budgets) {
    const { BudgetsPlugin } = require('@packwise/budgets') as typeof import('@packwise/budgets');
    plugins.push(new BudgetsPlugin(features.budgets));
  }
  return plugins;
}
