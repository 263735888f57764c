import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import type { RuleSetRule } from 'webpack';
import type { Project } from './project';
import type { PackwiseOptions, RuleName } from './options';
import { babelOptions } from './babel';

/** Loaders resolve from the preset's own dependencies, so a project need not install them. */
const loader = (name: string) => require.resolve(name);

function scriptsRule(project: Project, options: PackwiseOptions): RuleSetRule {
  return {
    test: project.typescript ? /\.(?:m?js|jsx|tsx?)$/ : /\.(?:m?js|jsx)$/,
    exclude: /node_modules/,
    use: {
      loader: loader('babel-loader'),
      options: babelOptions(project, options.babelCacheDirectory ?? true),
    },
  };
}

function stylesRule(project: Project): RuleSetRule {
  const postcss = project.postcssConfig !== undefined;
  return {
    test: /\.css$/i,
    use: [
      MiniCssExtractPlugin.loader,
      { loader: loader('css-loader'), options: { importLoaders: postcss ? 1 : 0 } },
      ...(postcss ? [{ loader: loader('postcss-loader') }] : []),
    ],
  };
}

/** Images and fonts as webpack assets; only without `inline.assets`, whose plugin adds its own rules. */
const assetsRule = (): RuleSetRule => ({
  test: /\.(?:png|jpe?g|gif|webp|avif|svg|woff2?|ttf|otf|eot)$/i,
  type: 'asset',
});

/**
 * The rules the preset puts in `module.rules`, by name (in this order). webpack's schema rejects unknown
 * keys on a rule, so the names live here: replace or drop one with the `rules` option of `withPackwise`.
 */
export function presetRules(
  project: Project,
  options: PackwiseOptions,
  { assets }: { assets: boolean },
): Partial<Record<RuleName, RuleSetRule>> {
  const made: Record<RuleName, RuleSetRule | undefined> = {
    scripts: scriptsRule(project, options),
    styles: stylesRule(project),
    assets: assets ? assetsRule() : undefined,
  };
  const rules: Partial<Record<RuleName, RuleSetRule>> = {};
  for (const name of Object.keys(made) as RuleName[]) {
    const rule = made[name];
    const override = options.rules?.[name];
    if (!rule || override === false) continue;
    rules[name] = override ? override(rule) : rule;
  }
  return rules;
}
