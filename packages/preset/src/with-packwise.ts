import HtmlWebpackPlugin from 'html-webpack-plugin';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import type { Configuration, WebpackPluginInstance } from 'webpack';
import { featurePlugins, resolveFeatures } from './features';
import type { Features } from './features';
import { findConflicts, PresetGuardsPlugin } from './guards';
import { mergeUserConfig } from './merge';
import { minimizers } from './minimizers';
import { featureOptions } from './options';
import type { PackwiseOptions } from './options';
import { detectProject } from './project';
import type { Project } from './project';
import { presetRules } from './rules';
import { recordComposition } from './inspect/record';

const FILENAME = '[name].[contenthash]';

function htmlPlugin(project: Project, options: PackwiseOptions): WebpackPluginInstance | undefined {
  const html = featureOptions<HtmlWebpackPlugin.Options>(options.html, project.htmlTemplate !== undefined);
  if (!html) return undefined;
  const template = html.template ?? project.htmlTemplate;
  return new HtmlWebpackPlugin(template ? { ...html, template } : html);
}

/** The preset's own layer, before the user's config is merged over it. */
export function presetConfig(project: Project, options: PackwiseOptions, features: Features): Configuration {
  const html = htmlPlugin(project, options);
  return {
    mode: 'production',
    context: project.context,
    output: {
      filename: `${FILENAME}.js`,
      chunkFilename: `${FILENAME}.js`,
      assetModuleFilename: `${FILENAME}[ext]`,
      clean: true,
    },
    resolve: { extensions: ['.jsx', ...(project.typescript ? ['.ts', '.tsx'] : []), '...'] },
    module: { rules: Object.values(presetRules(project, options, { assets: !features.inlineAssets })) },
    plugins: [
      ...(html ? [html] : []),
      new MiniCssExtractPlugin({ filename: `${FILENAME}.css`, chunkFilename: `${FILENAME}.css` }),
      ...featurePlugins(features),
    ],
    optimization: {
      minimize: true,
      minimizer: minimizers(options.minify ?? 'swc', project.context),
      runtimeChunk: 'single',
      chunkIds: 'deterministic',
      // With vendorChunks its plugin assigns stable module ids itself (and only when this is left unset).
      ...(features.vendorChunks ? {} : { moduleIds: 'deterministic' as const }),
    },
    // webpack's hints count raw bytes and trip on any React app; @packwise/budgets checks compressed sizes.
    performance: { hints: false },
  };
}

/**
 * A production webpack config: the preset's defaults and the packwise plugins (each a switch in `options`),
 * with `userConfig` merged over them last. Conflicting settings are reported as build warnings.
 */
export function withPackwise(userConfig: Configuration = {}, options: PackwiseOptions = {}): Configuration {
  const project = detectProject(userConfig.context ?? process.cwd());
  const html = featureOptions(options.html, project.htmlTemplate !== undefined) !== undefined;
  const features = resolveFeatures(options, project, html);
  const config = mergeUserConfig(presetConfig(project, options, features), userConfig);
  const conflicts = findConflicts(userConfig, features);
  if (conflicts.length > 0) config.plugins = [...(config.plugins ?? []), new PresetGuardsPlugin(conflicts)];
  recordComposition(config, { userConfig, options, project });
  return config;
}
