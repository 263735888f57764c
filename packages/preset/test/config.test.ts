import path from 'node:path';
import CompressionPlugin from 'compression-webpack-plugin';
import TerserPlugin from 'terser-webpack-plugin';
import type { Configuration, RuleSetRule } from 'webpack';
import { CompressPlugin } from '@packwise/compress';
import { fixturePath, makeTempDir } from '@packwise/test-utils';
import { writeFile } from 'node:fs/promises';
import { needValidate } from 'schema-utils';
import { findConflicts, GUARDS_PLUGIN_NAME, withPackwise } from '@packwise/preset';
import { trusted } from '../src/trusted';

// Config-level checks (no build): what the preset detects, sets, and how the user's config merges over it.

const context = fixturePath('example-app');
const names = (config: Configuration) => (config.plugins ?? []).map((plugin) => plugin?.constructor.name);
const rules = (config: Configuration) => (config.module?.rules ?? []) as RuleSetRule[];
/** The one loader of a rule (or of a `oneOf` branch). */
const useOf = (item: unknown) => {
  const rule = item as RuleSetRule | undefined;
  return (Array.isArray(rule?.use) ? rule.use[0] : rule?.use) as {
    loader: string;
    options: Record<string, unknown>;
  };
};

describe('withPackwise on fixtures/example-app', () => {
  const config = withPackwise({ context });

  it('sets the production defaults', () => {
    expect(config).toMatchObject({
      mode: 'production',
      output: { filename: '[name].[contenthash].js', chunkFilename: '[name].[contenthash].js', clean: true },
      optimization: { minimize: true, runtimeChunk: 'single', chunkIds: 'deterministic' },
    });
    // VendorChunksPlugin assigns stable module ids when moduleIds is left unset.
    expect(config.optimization?.moduleIds).toBeUndefined();
    expect(withPackwise({ context }, { vendorChunks: false }).optimization?.moduleIds).toBe('deterministic');
    expect(names({ plugins: config.optimization?.minimizer as never })).toEqual([
      'TerserPlugin',
      'CssMinimizerPlugin',
    ]);
  });

  it('adds html, CSS extraction and the packwise plugins, budgets only with a config', () => {
    expect(names(config)).toEqual([
      'HtmlWebpackPlugin',
      'MiniCssExtractPlugin',
      'VendorChunksPlugin',
      'InlineAssetsPlugin',
      'InlineHtmlPlugin',
      'CompressPlugin',
      // fixtures/example-app has a packwise.config.json
      'BudgetsPlugin',
    ]);
    expect(names(withPackwise({ context }, { budgets: false }))).not.toContain('BudgetsPlugin');
    expect(names(withPackwise({ context }, { inline: false, compress: false, html: false }))).toEqual([
      'MiniCssExtractPlugin',
      'VendorChunksPlugin',
      'BudgetsPlugin',
    ]);
  });

  it('compiles scripts with swc for the JSX runtime and browserslist babel would have used', () => {
    const rule = rules(config)[0]!;
    expect(rule.exclude).toEqual(/node_modules/);
    const js = useOf(rule.oneOf?.at(-1));
    expect(js.loader).toMatch(/swc-loader/);
    expect(js.options).toMatchObject({
      jsc: {
        parser: { syntax: 'ecmascript', jsx: true },
        transform: { react: { runtime: 'automatic', importSource: 'react', refresh: false } },
      },
      // fixtures/example-app/package.json "browserslist"
      env: { targets: ['> 0.5%', 'last 2 versions', 'not dead'] },
    });
    // No PostCSS config in the example app: css-loader only.
    expect(JSON.stringify(rules(config)[1])).not.toMatch(/postcss-loader/);
    expect(JSON.stringify(rules(config)[1])).toMatch(/sass-loader/);
  });

  it('detects TypeScript, a babel config and a PostCSS config in a project', async () => {
    const dir = await makeTempDir('packwise-preset-');
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ dependencies: { preact: '10' } }));
    await writeFile(path.join(dir, 'tsconfig.json'), '{"compilerOptions": {"paths": {"@/*": ["src/*"]}}}');
    await writeFile(path.join(dir, 'postcss.config.js'), 'module.exports = {};');
    const ts = withPackwise({ context: dir });
    const [tsx, plainTs, js] = (rules(ts)[0]?.oneOf ?? []).map(useOf);
    expect(tsx?.options).toMatchObject({
      jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { importSource: 'preact' } } },
    });
    expect(plainTs?.options).toMatchObject({ jsc: { parser: { syntax: 'typescript', tsx: false } } });
    expect(js?.options).toMatchObject({ jsc: { parser: { syntax: 'ecmascript' } } });
    expect(JSON.stringify(rules(ts)[1])).toMatch(/postcss-loader/);
    expect(ts.resolve).toMatchObject({
      extensions: ['.jsx', '.ts', '.tsx', '...'],
      tsconfig: path.join(dir, 'tsconfig.json'),
    });

    await writeFile(path.join(dir, 'babel.config.json'), '{}');
    const babel = useOf(rules(withPackwise({ context: dir }))[0]);
    expect(babel.loader).toMatch(/babel-loader/);
    expect(babel.options).toEqual({ root: dir, cacheDirectory: true });
    const forced = useOf(rules(withPackwise({ context: dir }, { transpiler: 'swc' }))[0]?.oneOf?.[0]);
    expect(forced.loader).toMatch(/swc-loader/);
  });

  it('replaces or drops a preset rule by name, and appends user rules', () => {
    const svg: RuleSetRule = { test: /\.svg$/, type: 'asset/source' };
    const replaced = withPackwise(
      { context, module: { rules: [svg] } },
      { rules: { styles: (rule) => ({ ...rule, test: /\.s?css$/ }), scripts: false } },
    );
    expect(rules(replaced).map((rule) => String(rule.test))).toEqual(['/\\.s?css$/', '/\\.svg$/']);
    // Without inline.assets the preset adds its own asset rule.
    expect(rules(withPackwise({ context }, { inline: { assets: false } })).map((rule) => rule.type)).toEqual([
      undefined,
      undefined,
      'asset',
    ]);
  });

  it("applies the README's override example: compile one package of node_modules too", () => {
    const exclude = /node_modules[\\/](?!my-esm-lib[\\/])/;
    const config = withPackwise({ context }, { rules: { scripts: (rule) => ({ ...rule, exclude }) } });
    const scripts = rules(config)[0]!;
    expect(scripts.exclude).toBe(exclude);
    expect(useOf(scripts.oneOf?.at(-1)).loader).toMatch(/swc-loader/);
    expect(exclude.test('/app/node_modules/my-esm-lib/index.js')).toBe(false);
    expect(exclude.test('/app/node_modules/react/index.js')).toBe(true);
  });

  it('lets user values win and a user plugin instance replace the preset one in place', () => {
    const compress = new CompressPlugin({ algorithms: ['gzip'] });
    const terser = new TerserPlugin({ extractComments: false });
    const merged = withPackwise({
      context,
      output: { filename: '[name].js' },
      optimization: { runtimeChunk: false, minimizer: [terser] },
      plugins: [compress],
    });
    expect(merged.output).toMatchObject({ filename: '[name].js', chunkFilename: '[name].[contenthash].js' });
    expect(merged.optimization?.runtimeChunk).toBe(false);
    expect(merged.optimization?.minimizer?.[0]).toBe(terser);
    expect(merged.optimization?.minimizer).toHaveLength(2);
    const plugins = merged.plugins ?? [];
    expect(plugins.filter((plugin) => plugin instanceof CompressPlugin)).toEqual([compress]);
    expect(names(merged).indexOf('CompressPlugin')).toBe(names(config).indexOf('CompressPlugin'));
  });

  it('fails clearly when the chosen minifier is not installed', () => {
    expect(() => withPackwise({ context }, { minify: 'esbuild' })).toThrow(
      "@packwise/preset: minify: 'esbuild' needs the package esbuild: npm install -D esbuild",
    );
  });
});

describe('guards', () => {
  const user: Configuration = {
    context,
    optimization: { splitChunks: { cacheGroups: { vendor: { test: /node_modules/ } } } },
    plugins: [new CompressionPlugin()],
  };

  it('names both sides of each conflict', () => {
    expect(findConflicts(user, { vendorChunks: {}, compress: {} })).toEqual([
      "your optimization.splitChunks.cacheGroups (vendor) and the preset's vendorChunks (@packwise/vendor-chunks) " +
        'both place node_modules in chunks. Set `vendorChunks: false` in the options of withPackwise to keep only ' +
        "your groups, or remove them to use packwise's vendor chunks",
      "your config adds compression-webpack-plugin (1×) and the preset's compress (@packwise/compress) writes " +
        '.gz and .br files too, so assets are compressed twice. Set `compress: false` in the options of ' +
        'withPackwise, or remove CompressionPlugin from your plugins',
    ]);
    expect(findConflicts(user, {})).toEqual([]);
  });

  it('adds the guard plugin only when there is a conflict', () => {
    expect(names(withPackwise(user))).toContain('PresetGuardsPlugin');
    expect(names(withPackwise(user, { vendorChunks: false, compress: false }))).not.toContain(
      'PresetGuardsPlugin',
    );
    expect(GUARDS_PLUGIN_NAME).toBe('PackwisePresetGuards');
  });
});

describe('trusted', () => {
  it("skips schema checks only for the preset's own options and leaves validation and the env as they were", () => {
    const before = process.env.SKIP_VALIDATION;
    const made = trusted(() => new TerserPlugin({ parallel: 'many' as unknown as boolean }));
    expect(made).toBeInstanceOf(TerserPlugin);
    expect(needValidate()).toBe(true);
    expect(process.env.SKIP_VALIDATION).toBe(before);
    expect(() => new TerserPlugin({ parallel: 'many' as unknown as boolean })).toThrow(/options\.parallel/);
  });
});
