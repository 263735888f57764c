import { BudgetsPlugin } from '@packwise/budgets';
import type { BudgetsPluginOptions } from '@packwise/budgets';
import { CompressPlugin } from '@packwise/compress';
import type { CompressPluginOptions } from '@packwise/compress';
import { InlineAssetsPlugin, InlineHtmlPlugin } from '@packwise/inline';
import type { InlineAssetsPluginOptions, InlineHtmlPluginOptions } from '@packwise/inline';
import { VendorChunksPlugin } from '@packwise/vendor-chunks';
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

/** Which features are on: each one's switch in `options`, its default otherwise. */
export function resolveFeatures(options: PackwiseOptions, project: Project, html: boolean): Features {
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
  if (features.vendorChunks) plugins.push(new VendorChunksPlugin(features.vendorChunks));
  if (features.inlineAssets) plugins.push(new InlineAssetsPlugin(features.inlineAssets));
  if (features.inlineHtml) plugins.push(new InlineHtmlPlugin(features.inlineHtml));
  if (features.compress) plugins.push(new CompressPlugin(features.compress));
  if (features.budgets) plugins.push(new BudgetsPlugin(features.budgets));
  return plugins;
}
