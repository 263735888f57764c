// The today config with @packwise/vendor-chunks in place of the pasted per-package snippet.
const { VendorChunksPlugin } = require('@packwise/vendor-chunks');
const today = require('../../fixtures/example-app/webpack.today.cjs');

module.exports = (env) => {
  const config = today(env);
  const { splitChunks: _pasted, ...optimization } = config.optimization;
  return {
    ...config,
    optimization,
    plugins: [...config.plugins, new VendorChunksPlugin({ report: true })],
  };
};
