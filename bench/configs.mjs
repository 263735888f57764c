// The configs `npm run bench` builds side by side; the first is the baseline every ratio is against.
// Each file exports `(env) => webpack.Configuration` with env keys outDir, srcDir, cacheDir, upgrade.
export const configs = [
  { name: 'today', file: 'fixtures/example-app/webpack.today.cjs' },
  { name: 'webpack-default', file: 'bench/configs/webpack-default.cjs' },
  { name: 'vendor-chunks', file: 'bench/configs/vendor-chunks.cjs' },
  { name: 'inline', file: 'bench/configs/inline.cjs' },
  { name: 'preset', file: 'bench/configs/preset.cjs' },
];

/** The dependency the upgrade scenario switches (`date-fns` 3.6 -> `date-fns-next`, i.e. date-fns 4.1). */
export const upgradedPackages = ['date-fns', 'date-fns-next'];

/** The app module the app-change scenario edits, and the text it changes. */
export const appEdit = { file: 'components/Header.jsx', text: 'Acme Dashboard' };
