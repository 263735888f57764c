export { BudgetsPlugin, PLUGIN_NAME } from './plugin';
export type { BudgetsPluginOptions } from './plugin';
export { evaluateBudgets } from './evaluate';
export { diffAssets } from './diff';
export { loadConfig, resolveConfig, fromSizeLimit, UsageError } from './config';
export { withoutHash } from './names';
export type * from './types';

import { BudgetsPlugin } from './plugin';
export default BudgetsPlugin;
