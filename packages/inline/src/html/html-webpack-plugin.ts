import { createRequire } from 'node:module';
import path from 'node:path';
import type { Compiler } from 'webpack';
import type HtmlWebpackPlugin from 'html-webpack-plugin';

export type HtmlWebpackPluginClass = typeof HtmlWebpackPlugin;
export type HtmlTag = HtmlWebpackPlugin.HtmlTagObject;

export interface FoundHtmlWebpackPlugin {
  HtmlWebpackPlugin: HtmlWebpackPluginClass;
  /**
   * Whether an instance is in `plugins`; otherwise the class was resolved from the project (another plugin
   * may add one).
   */
  inPlugins: boolean;
}

/**
 * The HtmlWebpackPlugin class whose hooks the pages are generated with: the class of the instance in the
 * user's `plugins` (the very module instance, so its hooks fire), else html-webpack-plugin as resolved from
 * the compiler's context. Never resolved from this package's location: a second copy's hooks would never
 * fire.
 */
export function findHtmlWebpackPlugin(compiler: Compiler): FoundHtmlWebpackPlugin | undefined {
  const instance = compiler.options.plugins.find(
    (plugin) => typeof plugin === 'object' && plugin?.constructor.name === 'HtmlWebpackPlugin',
  );
  if (instance) return { HtmlWebpackPlugin: instance.constructor as HtmlWebpackPluginClass, inPlugins: true };
  try {
    const requireFromContext = createRequire(path.join(compiler.context, 'package.json'));
    return {
      HtmlWebpackPlugin: requireFromContext('html-webpack-plugin') as HtmlWebpackPluginClass,
      inPlugins: false,
    };
  } catch {
    return undefined;
  }
}
