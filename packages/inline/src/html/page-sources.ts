import type { Compilation, Compiler } from 'webpack';
import { findHtmlWebpackPlugin } from './html-webpack-plugin';
import type { HtmlTag } from './html-webpack-plugin';

/** What both html-webpack-plugin's and HtmlRspackPlugin's `alterAssetTagGroups` pass. */
export interface TagGroupsData {
  headTags: HtmlTag[];
  bodyTags: HtmlTag[];
  publicPath: string;
  outputName: string;
}

interface Hook<T> {
  tap(name: string, fn: (data: T) => T): void;
}

/** The two hooks InlineHtmlPlugin needs, as both page generators have them. */
export interface PageHooks {
  alterAssetTagGroups: Hook<TagGroupsData>;
  afterEmit: Hook<{ outputName: string }>;
}

/** A plugin that generates HTML pages: html-webpack-plugin, or Rspack's built-in HtmlRspackPlugin. */
export interface PageSource {
  name: 'html-webpack-plugin' | 'HtmlRspackPlugin';
  hooks(compilation: Compilation): PageHooks;
  /**
   * The same page generation in both hooks: html-webpack-plugin passes its instance, HtmlRspackPlugin a
   * fresh `plugin` object each call but the same `uid`.
   */
  pageKey(data: object): unknown;
  /** Whether an instance is in `plugins` (else another plugin may add one, or none runs). */
  inPlugins: boolean;
}

interface RspackExports {
  HtmlRspackPlugin?: (abstract new (...args: never[]) => object) & {
    getCompilationHooks(compilation: Compilation): unknown;
  };
}

/** Rspack's HtmlRspackPlugin, when the compiler is Rspack's (its exports are `compiler.webpack`). */
function findHtmlRspackPlugin(compiler: Compiler): PageSource | undefined {
  const { HtmlRspackPlugin } = compiler.webpack as unknown as RspackExports;
  if (typeof HtmlRspackPlugin?.getCompilationHooks !== 'function') return undefined;
  const inPlugins = compiler.options.plugins.some((plugin) => plugin instanceof HtmlRspackPlugin);
  return {
    name: 'HtmlRspackPlugin',
    hooks: (compilation) => HtmlRspackPlugin.getCompilationHooks(compilation) as PageHooks,
    pageKey: (data) => (data as { uid?: number }).uid,
    inPlugins,
  };
}

/**
 * The page generators whose hooks InlineHtmlPlugin taps: html-webpack-plugin (see findHtmlWebpackPlugin)
 * and, on Rspack, HtmlRspackPlugin. Both when both are there: a build may use each for different pages.
 */
export function findPageSources(compiler: Compiler): PageSource[] {
  const sources: PageSource[] = [];
  const rspack = findHtmlRspackPlugin(compiler);
  const found = findHtmlWebpackPlugin(compiler);
  if (found && (found.inPlugins || !rspack?.inPlugins)) {
    sources.push({
      name: 'html-webpack-plugin',
      hooks: (compilation) => found.HtmlWebpackPlugin.getHooks(compilation) as unknown as PageHooks,
      pageKey: (data) => (data as { plugin?: unknown }).plugin,
      inPlugins: found.inPlugins,
    });
  }
  if (rspack) sources.push(rspack);
  return sources;
}
