import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compile, fixturePath } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import type { Configuration } from 'webpack';
import { inspect } from '@packwise/preset';

// `inspect` loads the config with `require`: inside jest that is jest's, so the config's
// `require('@packwise/preset')` maps to packages/preset/src like everywhere in the tests.

const appDir = fixturePath('example-app');
const dirs: string[] = [];

function project(config: string, name = 'webpack.config.cjs'): string {
  const dir = mkdtempSync(path.join(appDir, '.test-src-inspect-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, name), config);
  return dir;
}

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await inspect({
    argv,
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

const CONFIG = `
const path = require('path');
const { withPackwise } = require('@packwise/preset');
module.exports = withPackwise(
  { context: ${JSON.stringify(appDir)}, entry: { main: path.join(${JSON.stringify(appDir)}, 'src/index.jsx') }, output: { publicPath: '/static/' } },
  { compress: { algorithms: ['gzip'] } },
);
`;

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('packwise inspect', () => {
  it('prints the final config as JavaScript with the layer of each value', async () => {
    const { code, stdout, stderr } = await run([], project(CONFIG));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^module\.exports = \{$/m);
    expect(stdout).toContain("publicPath: '/static/', // user");
    expect(stdout).toContain("filename: '[name].[contenthash].js', // preset");
    expect(stdout).toContain("mode: 'production', // preset");
    expect(stdout).toContain(
      "new (require('@packwise/compress').CompressPlugin)({ algorithms: ['gzip'] }), // packwise compress",
    );
    expect(stdout).toMatch(
      /new \(require\('@packwise\/vendor-chunks'\)\.VendorChunksPlugin\)\(\{\}\), \/\/ packwise vendorChunks/,
    );
    expect(stdout).toMatch(/new \(require\('html-webpack-plugin'\)\)\(.*\), \/\/ packwise html/);
    expect(stdout).toContain('test: /\\.(?:m?js|jsx)$/, // preset');
    expect(stdout).toContain('exclude: /node_modules/, // preset');
    expect(stdout).toContain("minify: require('terser-webpack-plugin').swcMinify");
  });

  it('--json prints the config with tagged RegExps and plugins, and the provenance by path', async () => {
    const { code, stdout } = await run(['--json'], project(CONFIG));
    expect(code).toBe(0);
    const { config, provenance } = JSON.parse(stdout) as {
      config: { output: { publicPath: string }; plugins: unknown[]; module: { rules: { test: unknown }[] } };
      provenance: Record<string, string>;
    };
    expect(config.output.publicPath).toBe('/static/');
    expect(config.module.rules[0]?.test).toEqual({ $regexp: '/\\.(?:m?js|jsx)$/' });
    expect(config.plugins).toContainEqual({
      $plugin: 'CompressPlugin',
      require: "require('@packwise/compress').CompressPlugin",
      arguments: [{ algorithms: ['gzip'] }],
    });
    expect(provenance).toMatchObject({
      'output.publicPath': 'user',
      'output.filename': 'preset',
      mode: 'preset',
      'module.rules[0]': 'preset',
      'optimization.runtimeChunk': 'preset',
    });
    const compress = config.plugins.findIndex(
      (plugin) => (plugin as { $plugin?: string }).$plugin === 'CompressPlugin',
    );
    expect(provenance[`plugins[${compress}]`]).toBe('packwise compress');
  });

  it('labels a user override, a replaced preset plugin and an added rule as the user’s', async () => {
    const dir = project(`
const { withPackwise } = require('@packwise/preset');
const { CompressPlugin } = require('@packwise/compress');
module.exports = (env) => withPackwise(
  {
    context: ${JSON.stringify(appDir)},
    output: { filename: env.name + '.js' },
    plugins: [new CompressPlugin({ algorithms: ['brotli'] })],
    module: { rules: [{ test: /\\.txt$/, type: 'asset/source' }] },
  },
  { vendorChunks: false },
);
`);
    const { code, stdout } = await run(['--env', 'name=[name]'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain("filename: '[name].js', // user");
    expect(stdout).toContain("chunkFilename: '[name].[contenthash].js', // preset");
    expect(stdout).toContain("moduleIds: 'deterministic', // preset");
    expect(stdout).toContain(
      "new (require('@packwise/compress').CompressPlugin)({ algorithms: ['brotli'] }), // user",
    );
    expect(stdout).toContain('test: /\\.txt$/, // user');
    expect(stdout).not.toContain('VendorChunksPlugin');
  });

  it('prints a function from its source with a note that its closure is lost', async () => {
    const dir = project(`
const { withPackwise } = require('@packwise/preset');
module.exports = withPackwise({
  context: ${JSON.stringify(appDir)},
  output: { filename: (data) => data.chunk.name + '.js' },
  optimization: { splitChunks: { name(module) { return 'x'; } } },
}, { vendorChunks: false });
`);
    const { code, stdout } = await run([], dir);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "filename: /* function printed from its source: its closure (outer variables) is lost */ ((data) => data.chunk.name + '.js'), // user",
    );
    expect(stdout).toContain("(function name(module) { return 'x'; }), // user");
  });

  it('labels every value user for a config not made by withPackwise', async () => {
    const dir = project("module.exports = { mode: 'development', module: { rules: [{ test: /\\.x$/ }] } };");
    const { code, stdout } = await run(['--config', 'webpack.config.cjs'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain("mode: 'development', // user");
    expect(stdout).toContain('not made by withPackwise');
  });

  it('exits 2 with one line for a missing or broken config', async () => {
    const empty = project('', 'other.js');
    expect(await run([], empty)).toEqual({
      code: 2,
      stdout: '',
      stderr: `packwise: no webpack.config.js or rspack.config.js (.cjs, .mjs) in ${empty}; pass --config <file>\n`,
    });
    expect((await run(['--config', 'nope.js'], empty)).stderr).toBe(
      `packwise: no config file nope.js in ${empty}\n`,
    );
    const broken = project("throw new Error('boom\\nsecond line');");
    expect(await run([], broken)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'packwise: cannot load webpack.config.cjs: boom\n',
    });
    const throws = project("module.exports = () => { throw new Error('no env'); };");
    expect((await run([], throws)).stderr).toBe('packwise: webpack.config.cjs threw: no env\n');
    expect((await run(['--wat'], broken)).code).toBe(2);
  });

  // The acceptance test: the printed config, loaded as a module, builds the same assets as the
  // example app's own config (two real builds, 10–30 s each).
  it('prints the example app config as JavaScript that builds the same assets', async () => {
    const { code, stdout } = await run(['--config', 'webpack.config.cjs'], appDir);
    expect(code).toBe(0);
    const printed = { exports: {} as Configuration };
    // The generated module's `require` is jest's here, so `@packwise/*` resolves to the packages' src.
    new Function('module', 'require', stdout)(printed, require);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const appConfig = require(path.join(appDir, 'webpack.config.cjs')) as (env: object) => Configuration;
    const assets = (result: BuildResult) =>
      [...result.files.keys()].filter((name) => /\.(?:js|css)$/.test(name)).sort();
    const fromPreset = await compile(appConfig({}));
    const fromPrinted = await compile(printed.exports);
    expect(fromPrinted.errors).toEqual([]);
    expect(fromPrinted.warnings).toEqual(fromPreset.warnings);
    expect(assets(fromPrinted).length).toBeGreaterThan(3);
    expect(assets(fromPrinted)).toEqual(assets(fromPreset));
    expect([...fromPrinted.files.keys()].sort()).toEqual([...fromPreset.files.keys()].sort());
  });
});
