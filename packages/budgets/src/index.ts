export { BudgetsPlugin, PLUGIN_NAME } from './plugin';
export type { BudgetsPluginOptions, ReportFiles } from './plugin';
export { evaluateBudgets } from './evaluate';
export { diffAssets } from './diff';
export { findConfigFile, loadConfig, resolveConfig, fromSizeLimit, UsageError } from './config';
export { withoutHash } from './names';
export { check } from './cli/command';
export { run } from './cli/run';
export type { RunOptions, OutputStream } from './cli/run';
export { FORMATS } from './format';
export type { FormatName, FormatOptions, Formatter } from './format';
export type * from './types';

import { BudgetsPlugin } from './plugin';
export default BudgetsPlugin;
