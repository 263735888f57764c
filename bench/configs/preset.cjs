// The example app's webpack.config.cjs: @packwise/preset's withPackwise with its defaults (terser, vendor
// chunks, inline assets and runtime, gzip + brotli), the same env keys as the today config.
module.exports = require('../../fixtures/example-app/webpack.config.cjs');
