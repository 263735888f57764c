export { withPackwise, presetConfig } from './with-packwise';
export type {
  Feature,
  InlineOptions,
  Minifier,
  PackwiseOptions,
  RuleName,
  RuleOverride,
  Transpiler,
} from './options';
export { presetRules } from './rules';
export { detectProject } from './project';
export type { Project } from './project';
export { detectedPresets, babelOptions } from './babel';
export { mergeUserConfig } from './merge';
export { findConflicts, PresetGuardsPlugin, GUARDS_PLUGIN_NAME } from './guards';
export { resolveFeatures } from './features';
export { PresetPagesPlugin, PAGES_PLUGIN_NAME } from './page-plugin';
export type { PagesPluginOptions } from './page-plugin';
export { findPage, rewritePage, PAGE_PLACES } from './pages';
export type { Page, PageLayout } from './pages';
export { resolveMode } from './mode';
export type { Mode } from './mode';
export type { Features } from './features';

import { withPackwise } from './with-packwise';
export default withPackwise;
export { inspect, printConfig, INSPECT_USAGE } from './inspect';
export type { InspectOptions, InspectStream } from './inspect';
