/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * How `inspect` prints a plugin instance: `new (require('<package>').<Export>)(<options>)`, with the
 * arguments the plugin was (most likely) constructed with.
 */

/** The package of each plugin class inspect knows, by constructor name. */
export const PLUGIN_PACKAGES: Record<string, string> = {
  VendorChunksPlugin: '@packwise/vendor-chunks',
  InlineAssetsPlugin: '@packwise/inline',
  InlineHtmlPlugin: '@packwise/inline',
  CompressPlugin: '@packwise/compress',
  BudgetsPlugin: '@packwise/budgets',
  PresetGuardsPlugin: '@packwise/preset',
  PresetPagesPlugin: '@packwise/preset',
  CopyPlugin: 'copy-webpack-plugin',
  ReactRefreshPlugin: '@pmmmwh/react-refresh-webpack-plugin',
  HtmlWebpackPlugin: 'html-webpack-plugin',
  MiniCssExtractPlugin: 'mini-css-extract-plugin',
  TerserPlugin: 'terser-webpack-plugin',
  CssMinimizerPlugin: 'css-minimizer-webpack-plugin',
  CompressionPlugin: 'compression-webpack-plugin',
  // Rspack's built-ins, which the preset's Rspack layer adds.
  HtmlRspackPlugin: '@rspack/core',
  CssExtractRspackPlugin: '@rspack/core',
  SwcJsMinimizerRspackPlugin: '@rspack/core',
  LightningCssMinimizerRspackPlugin: '@rspack/core',
};

/** Packages whose module is the plugin class itself (`module.exports = Plugin`). */
const DEFAULT_EXPORTS = new Set([
  'html-webpack-plugin',
  'mini-css-extract-plugin',
  'terser-webpack-plugin',
  'css-minimizer-webpack-plugin',
  'compression-webpack-plugin',
]);

type Ctor = abstract new (...args: never[]) => unknown;

function tryRequire(name: string): unknown {
  try {
    return require(name) as unknown;
  } catch {
    return undefined;
  }
}

const className = (value: object): string | undefined =>
  (value.constructor as { name?: string } | undefined)?.name || undefined;

/** `require('<package>')` or `require('<package>').<Name>`: how the generated file gets the class. */
export function classExpression(plugin: object): string | undefined {
  const name = className(plugin);
  if (!name) return undefined;
  const ctor = plugin.constructor as Ctor;
  const webpack = tryRequire('webpack') as Record<string, unknown> | undefined;
  if (webpack?.[name] === ctor) return `require('webpack').${name}`;
  const pkg = PLUGIN_PACKAGES[name];
  if (!pkg) return undefined;
  const mod = tryRequire(pkg) as (Record<string, unknown> & object) | undefined;
  if (mod === ctor) return `require('${pkg}')`;
  if (mod && mod[name] === ctor) return `require('${pkg}').${name}`;
  if (mod && mod.default === ctor) return `require('${pkg}').default`;
  return DEFAULT_EXPORTS.has(pkg) ? `require('${pkg}')` : `require('${pkg}').${name}`;
}

let functionNames: Map<unknown, string> | undefined;

/**
 * A function that is a static member of a known plugin class (`TerserPlugin.terserMinify`), as an
 * expression that loads it: printing those by reference keeps them working.
 */
export function functionReference(fn: unknown): string | undefined {
  if (!functionNames) {
    functionNames = new Map();
    for (const pkg of DEFAULT_EXPORTS) {
      const mod = tryRequire(pkg);
      if (typeof mod !== 'function') continue;
      for (const key of Object.getOwnPropertyNames(mod)) {
        const value = (mod as unknown as Record<string, unknown>)[key];
        if (typeof value === 'function' && !['prototype', 'constructor'].includes(key))
          functionNames.set(value, `require('${pkg}').${key}`);
      }
      const loader = (mod as unknown as Record<string, unknown>).loader;
      if (typeof loader === 'function') functionNames.set(loader, `require('${pkg}').loader`);
    }
  }
  return functionNames.get(fn);
}

export interface PluginArguments {
  /** The constructor's arguments. */
  args: unknown[];
  /** Why they may not be what was passed, when they are a guess. */
  note?: string;
}

const withoutUndefined = (object: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));

interface MinimizerOptions {
  minimizer?: { implementation?: unknown; options?: unknown };
  [key: string]: unknown;
}

/** terser-webpack-plugin and css-minimizer-webpack-plugin store `{ minimizer: { implementation, options } }`. */
function minimizerArguments(stored: MinimizerOptions): Record<string, unknown> {
  const { minimizer, ...rest } = stored;
  return withoutUndefined({
    ...rest,
    minify: minimizer?.implementation,
    minimizerOptions: minimizer?.options,
  });
}

/**
 * The arguments to recreate `plugin`. `known` are the arguments the preset passed (for the plugins it
 * created itself); otherwise the instance's stored options, which for some plugins are a resolved form.
 */
export function pluginArguments(plugin: object, known?: unknown): PluginArguments {
  if (known !== undefined) return { args: [known] };
  const name = className(plugin);
  const fields = plugin as Record<string, unknown>;
  switch (name) {
    case 'HtmlWebpackPlugin':
      return { args: [fields.userOptions ?? {}] };
    case 'MiniCssExtractPlugin':
      return { args: [withoutUndefined((fields.options ?? {}) as Record<string, unknown>)] };
    case 'TerserPlugin':
    case 'CssMinimizerPlugin':
      return { args: [minimizerArguments((fields.options ?? {}) as MinimizerOptions)] };
    case 'PresetGuardsPlugin':
      return { args: [fields.conflicts ?? []] };
    default:
      break;
  }
  if (fields.userOptions !== undefined) return { args: [fields.userOptions] };
  // Rspack's built-in plugins keep their constructor's arguments as they were passed.
  if (Array.isArray(fields._args)) return { args: fields._args };
  if (fields.options !== undefined)
    return {
      args: [fields.options],
      note: `${name ?? 'plugin'}'s stored options, which may be a resolved form of what was passed`,
    };
  return { args: [{}], note: `${name ?? 'plugin'} stores no options: printed with {}` };
}
