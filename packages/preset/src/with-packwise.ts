/* eslint-disable @typescript-eslint/no-require-imports -- plugins load only in the mode that uses them */
import path from 'node:path';
import type CopyPluginClass from 'copy-webpack-plugin';
import type { Configuration, EntryObject, WebpackPluginInstance } from 'webpack';
import { callerFile, cacheSettings, inputsDigest } from './cache';
import { featurePlugins, resolveFeatures } from './features';
import type { Features } from './features';
import { findConflicts, PresetGuardsPlugin } from './guards';
import { htmlOptions, htmlPlugin, rewrittenTemplate, userHasHtmlPlugin } from './html';
import { mergeUserConfig } from './merge';
import { resolveMode } from './mode';
import type { PackwiseOptions } from './options';
import { PresetPagesPlugin } from './page-plugin';
import { pageLikeFiles } from './pages';
import { detectProject } from './project';
import type { Project } from './project';
import { presetRules } from './rules';
import { usesReactRefresh } from './scripts';
import { recordComposition } from './inspect/record';
import { loadRspack } from './load-rspack';
import type { Toolchain } from './toolchain';
import { rspackToolchain } from './toolchain-rspack';
import { webpackToolchain } from './toolchain-webpack';
import { trusted } from './trusted';

const FILENAME = '[name].[contenthash]';

/** What the preset's layer needs to know of the user's config (it is merged over the layer afterwards). */
export interface UserFacts {
  /** The user's config sets an entry: the preset adds none. */
  hasEntry?: boolean;
  /** The user's `output.publicPath` (create-react-app's `%PUBLIC_URL%` is replaced by it). */
  publicPath?: unknown;
  /** The user's config sets `cache`: the preset adds none. */
  hasCache?: boolean;
  /** The file that called withPackwise: a build dependency of the filesystem cache. */
  configFile?: string;
  /** The filesystem cache's `version`: a digest of withPackwise's arguments. */
  cacheVersion?: string;
}

/** The page's module scripts (Vite), else `src/index|main.*`; none when webpack's default is all there is. */
function defaultEntry(project: Project): EntryObject | undefined {
  const scripts = project.page?.scripts ?? [];
  if (scripts.length > 0) return { main: scripts.length === 1 ? scripts[0]! : scripts };
  return project.defaultEntry ? { main: project.defaultEntry } : undefined;
}

/** `public/` into the output, as Vite and create-react-app do, except the page's own template. */
function copyPublic(project: Project, options: PackwiseOptions): WebpackPluginInstance[] {
  const { publicDir, page } = project;
  if (!publicDir || options.copyPublic === false) return [];
  const CopyPlugin = require('copy-webpack-plugin') as typeof CopyPluginClass;
  const template = page?.template;
  return trusted(() => [
    new CopyPlugin({
      patterns: [
        {
          from: publicDir,
          to: '.',
          noErrorOnMissing: true,
          globOptions: { dot: true },
          filter: (file: string) => path.resolve(file) !== template,
        },
      ],
    }),
  ]);
}

/** The plugins of both modes that deal with the page. */
function pagePlugins(
  project: Project,
  options: PackwiseOptions,
  facts: UserFacts,
  toolchain: Toolchain,
): WebpackPluginInstance[] {
  const html = htmlPlugin(options, project, facts.publicPath, toolchain.htmlPlugin());
  const template = rewrittenTemplate(options, project);
  const pageLike = options.html === false ? [] : pageLikeFiles(project.context);
  return [
    ...(html ? [html] : []),
    ...(template || pageLike.length > 0
      ? [
          new PresetPagesPlugin({
            template,
            pageLike: pageLike.map((file) => path.relative(project.context, file)),
          }),
        ]
      : []),
  ];
}

/** What both modes share: context, entry, resolving, rules, cache. */
function commonConfig(
  project: Project,
  options: PackwiseOptions,
  facts: UserFacts,
  assets: boolean,
  toolchain: Toolchain,
) {
  const mode = options.mode ?? 'production';
  const entry = facts.hasEntry ? undefined : defaultEntry(project);
  const useCache = options.cache !== false && !facts.hasCache;
  const config: Configuration = {
    mode,
    context: project.context,
    ...(entry ? { entry } : {}),
    resolve: {
      extensions: toolchain.extensions(project.typescript),
      ...(project.pathsConfig ? toolchain.tsconfig(project.pathsConfig) : {}),
    },
    module: {
      rules: Object.values(
        presetRules(project, options, { assets, development: mode === 'development', toolchain }),
      ),
    },
    ...(useCache
      ? toolchain.cache(cacheSettings(project, mode, facts.configFile, facts.cacheVersion ?? ''))
      : {}),
    // webpack's hints count raw bytes and trip on any React app; @packwise/budgets checks compressed sizes.
    performance: { hints: false },
  };
  return config;
}

/** Development: readable names, source maps, style tags, hot reloading; none of the production work. */
function developmentConfig(
  project: Project,
  options: PackwiseOptions,
  facts: UserFacts,
  toolchain: Toolchain,
): Configuration {
  const refresh = usesReactRefresh(project, true);
  const ReactRefreshPlugin = refresh
    ? (require('@pmmmwh/react-refresh-webpack-plugin') as new (options?: object) => WebpackPluginInstance)
    : undefined;
  return {
    ...commonConfig(project, options, facts, true, toolchain),
    devtool: 'eval-cheap-module-source-map',
    // Root-relative, so that client-side routes (/users/1) load the scripts from the dev server's root.
    output: { filename: '[name].js', chunkFilename: '[name].js', publicPath: '/' },
    plugins: [
      ...pagePlugins(project, options, facts, toolchain),
      ...(ReactRefreshPlugin ? [new ReactRefreshPlugin()] : []),
    ],
    optimization: { runtimeChunk: 'single' },
    devServer: {
      hot: true,
      historyApiFallback: true,
      static: project.publicDir ? { directory: project.publicDir } : false,
    },
  } as Configuration;
}

/** webpack's loaders and plugins, or Rspack's built-ins (`bundler: 'rspack'`). */
function toolchainFor(project: Project, options: PackwiseOptions): Toolchain {
  const { bundler = 'webpack' } = options;
  if (bundler === 'webpack') return webpackToolchain;
  if (bundler === 'rspack') return rspackToolchain(loadRspack(project.context, options.rspack));
  throw new Error(`@packwise/preset: bundler must be 'webpack' or 'rspack', got ${JSON.stringify(bundler)}`);
}

/** The preset's own layer for `options.mode` (production by default), before the user's config is merged over it. */
export function presetConfig(
  project: Project,
  options: PackwiseOptions,
  features: Features,
  facts: UserFacts = {},
): Configuration {
  const toolchain = toolchainFor(project, options);
  if (options.mode === 'development') return developmentConfig(project, options, facts, toolchain);
  return {
    ...commonConfig(project, options, facts, !features.inlineAssets, toolchain),
    output: {
      filename: `${FILENAME}.js`,
      chunkFilename: `${FILENAME}.js`,
      assetModuleFilename: `${FILENAME}[ext]`,
      clean: true,
    },
    plugins: [
      ...pagePlugins(project, options, facts, toolchain),
      toolchain.extractPlugin({ filename: `${FILENAME}.css`, chunkFilename: `${FILENAME}.css` }),
      ...copyPublic(project, options),
      ...featurePlugins(features),
    ],
    optimization: {
      minimize: true,
      minimizer: toolchain.minimizers(options.minify ?? 'swc', project.context),
      runtimeChunk: 'single',
      chunkIds: 'deterministic',
      // With vendorChunks its plugin assigns stable module ids itself (and only when this is left unset).
      ...(features.vendorChunks ? {} : { moduleIds: 'deterministic' as const }),
    },
  };
}

/** The facts of `userConfig` the preset's layer depends on. */
export function userFacts(userConfig: Configuration, configFile = callerFile()): UserFacts {
  return {
    hasEntry: userConfig.entry !== undefined,
    publicPath: userConfig.output?.publicPath,
    // Rspack 1.x keeps its persistent cache under `experiments`.
    hasCache: userConfig.cache !== undefined || userConfig.experiments?.cache !== undefined,
    configFile,
  };
}

/** Whether a page is generated: by the preset's html-webpack-plugin, or one in the user's plugins. */
export const generatesPage = (options: PackwiseOptions, project: Project, userConfig: Configuration) =>
  htmlOptions(options, project) !== undefined || userHasHtmlPlugin(userConfig);

/** The options as the cache version sees them: the Rspack module by its version, not its thousands of exports. */
const digestedOptions = ({ rspack, ...options }: PackwiseOptions) =>
  rspack === undefined
    ? options
    : { ...options, rspack: (rspack as { rspackVersion?: unknown }).rspackVersion };

/**
 * A webpack (or with `bundler: 'rspack'`, Rspack) config for the project: the preset's defaults for the mode (production unless `webpack serve`,
 * `--mode development` or `options.mode` say otherwise) and the packwise plugins (each a switch in
 * `options`), with `userConfig` merged over them last. Conflicting settings are reported as build warnings.
 */
export function withPackwise(userConfig: Configuration = {}, options: PackwiseOptions = {}): Configuration {
  const detected = detectProject(userConfig.context ?? process.cwd());
  // React Fast Refresh needs @pmmmwh/react-refresh-webpack-plugin, a webpack plugin: not on Rspack.
  const project = options.bundler === 'rspack' ? { ...detected, reactRefresh: false } : detected;
  const resolved: PackwiseOptions = { ...options, mode: resolveMode(options.mode, userConfig) };
  const features = resolveFeatures(resolved, project, generatesPage(resolved, project, userConfig));
  const facts = {
    ...userFacts(userConfig),
    cacheVersion: inputsDigest(userConfig, digestedOptions(resolved)),
  };
  const config = mergeUserConfig(presetConfig(project, resolved, features, facts), userConfig);
  const conflicts = findConflicts(userConfig, features);
  if (conflicts.length > 0) config.plugins = [...(config.plugins ?? []), new PresetGuardsPlugin(conflicts)];
  recordComposition(config, { userConfig, options: resolved, project, facts });
  return config;
}
