// Type test for the public API: `npm run lint` (tsc --noEmit on the root tsconfig) checks this file; jest
// does not run it (not *.test.ts). Each `@ts-expect-error` line must stay an error.
import type { Configuration } from 'webpack';
import { withPackwise } from '@packwise/preset';
import type { PackwiseOptions, RuleOverride } from '@packwise/preset';

const config: Configuration = withPackwise();
const withUser: Configuration = withPackwise(
  { entry: './src/index.tsx', output: { filename: '[name].js' } },
  {
    minify: 'swc',
    html: { title: 'App' },
    vendorChunks: { report: true },
    inline: { assets: { maxSize: '2 KiB' }, html: false },
    compress: { algorithms: ['brotli'] },
    budgets: false,
    babelCacheDirectory: '/tmp/babel',
    rules: { styles: (rule) => ({ ...rule, test: /\.s?css$/ }), assets: false },
  },
);
const dropScripts: RuleOverride = false;
const allOff: PackwiseOptions = { vendorChunks: false, inline: false, compress: false, budgets: false };

// @ts-expect-error: not a minifier terser-webpack-plugin has built in
withPackwise({}, { minify: 'uglify' });
// @ts-expect-error: not a rule the preset adds
withPackwise({}, { rules: { images: false } });
// @ts-expect-error: not a compression algorithm packwise has built in
withPackwise({}, { compress: { algorithms: ['lz4'] } });
// @ts-expect-error: the user config is a webpack Configuration
withPackwise({ mode: 'fast' });

export { config, withUser, dropScripts, allOff };
