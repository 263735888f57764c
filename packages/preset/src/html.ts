import { readFileSync } from 'node:fs';
import type HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Configuration, WebpackPluginInstance } from 'webpack';
import { featureOptions } from './options';
import type { PackwiseOptions } from './options';
import { rewritePage } from './pages';
import type { Project } from './project';
import { className } from './plugin-class';

type HtmlOptions = HtmlWebpackPlugin.Options;

/** The options of the preset's html-webpack-plugin; `undefined` when it adds none. On when a page was found. */
export const htmlOptions = (options: PackwiseOptions, project: Project): HtmlOptions | undefined =>
  featureOptions<HtmlOptions>(options.html, project.page !== undefined);

const PAGE_PLUGINS = new Set(['HtmlWebpackPlugin', 'HtmlRspackPlugin']);

/** The user's config brings its own page plugin: the preset's HTML features apply to its pages too. */
export const userHasHtmlPlugin = (userConfig: Configuration) =>
  (userConfig.plugins ?? []).some((plugin) => PAGE_PLUGINS.has(className(plugin) ?? ''));

/** The template the preset rewrites for html-webpack-plugin (it then watches it); `undefined` otherwise. */
export function rewrittenTemplate(options: PackwiseOptions, project: Project): string | undefined {
  const html = htmlOptions(options, project);
  const { page } = project;
  if (!html || !page?.rewrite || html.template || html.templateContent) return undefined;
  return page.template;
}

/**
 * html-webpack-plugin (HtmlRspackPlugin on Rspack: `Plugin`) with the project's page as template. A Vite page's module scripts (the entry) and
 * create-react-app's `%PUBLIC_URL%` are rewritten first, from the file as it is at each build.
 */
export function htmlPlugin(
  options: PackwiseOptions,
  project: Project,
  publicPath: unknown,
  Plugin: new (options: HtmlOptions) => WebpackPluginInstance,
): WebpackPluginInstance | undefined {
  const html = htmlOptions(options, project);
  if (!html) return undefined;
  const { page } = project;
  if (html.template || html.templateContent || !page) return new Plugin(html);
  if (!rewrittenTemplate(options, project)) return new Plugin({ ...html, template: page.template });
  return new Plugin({
    ...html,
    templateContent: () =>
      rewritePage(readFileSync(page.template, 'utf8'), page, project.context, publicPath),
  });
}
