// The today config with webpack's own split for all chunks: one `vendors` chunk for node_modules.
const today = require('../../fixtures/example-app/webpack.today.cjs');

module.exports = (env) => {
  const config = today(env);
  return { ...config, optimization: { ...config.optimization, splitChunks: { chunks: 'all' } } };
};
