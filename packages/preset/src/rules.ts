import type { RuleSetRule } from 'webpack';
import type { Project } from './project';
import type { Toolchain } from './toolchain';
import { webpackToolchain } from './toolchain-webpack';
import type { PackwiseOptions, RuleName } from './options';
import { scriptsRule } from './scripts';
import { stylesRule } from './styles';

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
  {
    assets,
    development = false,
    toolchain = webpackToolchain,
  }: { assets: boolean; development?: boolean; toolchain?: Toolchain },
): Partial<Record<RuleName, RuleSetRule>> {
  const made: Record<RuleName, RuleSetRule | undefined> = {
    scripts: scriptsRule(project, options, development, toolchain.swcLoader),
    styles: stylesRule(project, development, toolchain.extractLoader),
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
