// The vendor-chunks config with @packwise/inline in place of the pasted 8 KB asset rule: images, fonts and
// SVG inlined by encoded size under a per-chunk budget, and the runtime and small CSS inlined into the HTML
// with a Content-Security-Policy meta tag built from the emitted hashes.
const { InlineAssetsPlugin, InlineHtmlPlugin } = require('@packwise/inline');
const vendorChunks = require('./vendor-chunks.cjs');

const isAssetRule = (rule) => rule.type === 'asset' || rule.type === 'asset/resource';

module.exports = (env) => {
  const config = vendorChunks(env);
  return {
    ...config,
    module: { ...config.module, rules: config.module.rules.filter((rule) => !isAssetRule(rule)) },
    plugins: [
      ...config.plugins,
      new InlineAssetsPlugin(),
      new InlineHtmlPlugin({ inlineRuntime: true, inlineCss: { maxSize: '64 kB' }, csp: { meta: true } }),
    ],
  };
};
