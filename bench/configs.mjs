// The fixtures `npm run bench:app` builds, and per fixture the configs it builds side by side; a fixture's
// first config is the baseline every ratio is against. Each config file exports `(env) => webpack.Configuration`
// with env keys outDir, srcDir, cacheDir, upgrade; `transform` names a file exporting `(config) => config`
// applied to that config (bench/configs/default-split.cjs: webpack's default split in place of packwise's);
// `bundler: 'rspack'` builds it with @rspack/core instead of webpack.
const defaultSplit = 'bench/configs/default-split.cjs';

/** A fixture's preset config with webpack's default split: what the per-route ratio compares `preset` with. */
const presetDefaultSplit = (file) => ({ name: 'preset-default-split', file, transform: defaultSplit });

/** A fixture's preset config for Rspack (its rspack.config.cjs), built with @rspack/core. */
const rspackPreset = (file) => ({ name: 'rspack-preset', file, bundler: 'rspack' });

export const fixtures = [
  {
    name: 'example-app',
    appDir: 'fixtures/example-app',
    /** The dependency the upgrade scenario switches: `date-fns` 3.6 -> `date-fns-next` (date-fns 4.1). */
    upgradedPackages: ['date-fns', 'date-fns-next'],
    upgradeLabel: 'date-fns 3.6 → 4.1',
    /** The app module (in src/) the app-change scenario edits, and the text it changes. */
    appEdit: { file: 'components/Header.jsx', text: 'Acme Dashboard' },
    configs: [
      { name: 'today', file: 'fixtures/example-app/webpack.today.cjs' },
      { name: 'webpack-default', file: 'bench/configs/webpack-default.cjs' },
      { name: 'vendor-chunks', file: 'bench/configs/vendor-chunks.cjs' },
      { name: 'inline', file: 'bench/configs/inline.cjs' },
      { name: 'preset', file: 'bench/configs/preset.cjs' },
      presetDefaultSplit('bench/configs/preset.cjs'),
      rspackPreset('fixtures/example-app/rspack.config.cjs'),
    ],
  },
  {
    name: 'admin-app',
    appDir: 'fixtures/admin-app',
    upgradedPackages: ['chart.js', 'chart.js-next'],
    upgradeLabel: 'chart.js 4.5.1 → 4.6.1',
    appEdit: { file: 'components/Header.jsx', text: 'Admin Console' },
    configs: [
      { name: 'today', file: 'fixtures/admin-app/webpack.today.cjs' },
      presetDefaultSplit('fixtures/admin-app/webpack.config.cjs'),
      { name: 'preset', file: 'fixtures/admin-app/webpack.config.cjs' },
      rspackPreset('fixtures/admin-app/rspack.config.cjs'),
    ],
  },
];

// The example app's scenario, as other benchmarks (packages/compress/bench) import it.
export const { configs, upgradedPackages, appEdit } = fixtures[0];
