// Any withPackwise config with webpack's own split in place of packwise's: the VendorChunksPlugin and the
// BudgetsPlugin (its vendor-chunk budgets assume vendor chunks) removed, `splitChunks: { chunks: 'all' }` and
// deterministic module ids (which the preset leaves to VendorChunksPlugin); everything else as it was.
const { VendorChunksPlugin } = require('@packwise/vendor-chunks');
const { BudgetsPlugin } = require('@packwise/budgets');

/** @param {import('webpack').Configuration} config a withPackwise config */
module.exports = (config) => {
  const plugins = config.plugins ?? [];
  if (!plugins.some((plugin) => plugin instanceof VendorChunksPlugin))
    throw new Error('default-split.cjs: the config has no VendorChunksPlugin to replace');
  return {
    ...config,
    plugins: plugins.filter(
      (plugin) => !(plugin instanceof VendorChunksPlugin || plugin instanceof BudgetsPlugin),
    ),
    optimization: { ...config.optimization, splitChunks: { chunks: 'all' }, moduleIds: 'deterministic' },
  };
};
