import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import type { Configuration, FileCacheOptions, RuleSetRule } from 'webpack';
import { compile, fixturePath, makeTempDir } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { detectProject, withPackwise } from '@packwise/preset';
import { resolveMode } from '../src/mode';
import type { Mode } from '../src/mode';
import { findPage, rewritePage } from '../src/pages';
import type { Page } from '../src/pages';
import { stylesRule } from '../src/styles';

// What the preset detects in a project (mode, page, entry, tsconfig paths, cache) and what it does with it:
// unit calls where a value is the point, real builds where the build is.

/** Every directory a test made (projects, build outputs), removed at the end. */
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/**
 * A project of `files` (path → content) in a new temp dir. `inRepo`: inside fixtures/example-app, so that
 * a build resolves react, loaders and Sass from the repo's node_modules.
 */
async function project(files: Record<string, string>, { inRepo = false } = {}): Promise<string> {
  const dir = inRepo
    ? await makeTempDir('.test-src-detect-', fixturePath('example-app'))
    : await makeTempDir('packwise-detect-');
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

/** A real build; its output dir is removed at the end. */
async function build(config: Configuration): Promise<BuildResult> {
  const result = await compile(config);
  made.push(result.outputDir);
  return result;
}

const names = (config: Configuration) => (config.plugins ?? []).map((plugin) => plugin?.constructor.name);
/** The loaders of each branch of a `oneOf` rule, as package names (or file names for the preset's own). */
const loaders = (rule: RuleSetRule | undefined) =>
  (rule?.oneOf ?? []).map((branch) =>
    ((branch as RuleSetRule).use as { loader: string }[]).map(({ loader }) => {
      const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(loader);
      return match ? match[1] : path.basename(loader);
    }),
  );
/** A filesystem cache's settings as the preset writes them. */
const fileCache = (config: Configuration) => config.cache as FileCacheOptions;
/** The preset's `styles` rule in a config. */
const stylesOf = (config: Configuration) =>
  (config.module?.rules as RuleSetRule[]).find((rule) => String(rule.test).includes('css'));

const page = (body: string) =>
  `<!doctype html>\n<html>\n<head><title>t</title></head>\n<body>${body}</body>\n</html>\n`;

describe('resolveMode', () => {
  const cli = '/x/node_modules/webpack-cli/bin/cli.js';
  const bin = '/x/node_modules/.bin/webpack';
  interface Case {
    title: string;
    option?: Mode;
    config?: Configuration;
    argv: string[];
    env?: NodeJS.ProcessEnv;
    expected: Mode;
  }
  const serveEnv = { WEBPACK_SERVE: 'true' };
  const cases: Case[] = [
    {
      title: 'options.mode over the config, --mode and serve',
      option: 'development',
      config: { mode: 'production' },
      argv: ['node', cli, 'serve', '--mode=production'],
      env: serveEnv,
      expected: 'development',
    },
    {
      title: 'options.mode production under serve',
      option: 'production',
      argv: ['node', cli, 'serve'],
      env: serveEnv,
      expected: 'production',
    },
    {
      title: "the config's mode over --mode",
      config: { mode: 'development' },
      argv: ['node', cli, '--mode=production'],
      expected: 'development',
    },
    {
      title: "the config's mode production under serve",
      config: { mode: 'production' },
      argv: ['node', cli, 'serve'],
      expected: 'production',
    },
    { title: '--mode development', argv: ['node', cli, '--mode', 'development'], expected: 'development' },
    { title: '--mode=production', argv: ['node', cli, '--mode=production'], expected: 'production' },
    {
      title: '--mode=production over serve',
      argv: ['node', cli, 'serve', '--mode=production'],
      expected: 'production',
    },
    { title: 'webpack-cli/bin/cli.js serve', argv: ['node', cli, 'serve'], expected: 'development' },
    { title: 'node_modules/.bin/webpack serve', argv: ['node', bin, 'serve'], expected: 'development' },
    { title: 'webpack s', argv: ['node', bin, 's'], expected: 'development' },
    {
      title: 'webpack-dev-server',
      argv: ['node', '/x/node_modules/webpack-dev-server/bin/webpack-dev-server.js'],
      expected: 'development',
    },
    { title: 'webpack build', argv: ['node', bin, 'build'], expected: 'production' },
    { title: 'plain webpack', argv: ['node', bin], expected: 'production' },
    {
      title: 'serve of a script that is not webpack',
      argv: ['node', '/x/scripts/start.js', 'serve'],
      expected: 'production',
    },
    { title: 'WEBPACK_SERVE=true', argv: ['node', '/x/build.js'], env: serveEnv, expected: 'development' },
    { title: "jest's own argv", argv: process.argv, expected: 'production' },
  ];

  it.each(cases)('$title', ({ option, config = {}, argv, env = {}, expected }) => {
    expect(resolveMode(option, config, argv, env)).toBe(expected);
  });

  it('reads process.argv by default: production under jest', () => {
    expect(resolveMode(undefined, {})).toBe(
      process.env.WEBPACK_SERVE === 'true' ? 'development' : 'production',
    );
  });
});

describe('findPage and rewritePage', () => {
  const entries = { 'src/main.jsx': 'export {};', 'src/main.tsx': 'export {};' };

  it.each([
    ['type before src', '<script type="module" src="/src/main.jsx"></script>', 'src/main.jsx'],
    ['src before type', '<script src="/src/main.jsx" type="module"></script>', 'src/main.jsx'],
    ['a ./ path', '<script type="module" src="./src/main.tsx"></script>', 'src/main.tsx'],
    ['single quotes', "<script type='module' src='/src/main.jsx'></script>", 'src/main.jsx'],
    ['a query', '<script type="module" src="/src/main.jsx?v=1"></script>', 'src/main.jsx'],
    ['one attribute a line', '<script\n  type="module"\n  src="/src/main.jsx"\n></script>', 'src/main.jsx'],
  ])("takes a Vite page's module script as the entry (%s) and removes it", async (_title, tag, entry) => {
    const html = page(`<div id="root"></div>\n${tag}`);
    const dir = await project({ 'index.html': html, ...entries });
    const found = findPage(dir);
    expect(found).toEqual({
      template: path.join(dir, 'index.html'),
      layout: 'vite',
      scripts: [path.join(dir, entry)],
      rewrite: true,
    });
    expect(rewritePage(html, found!, dir, undefined)).toBe(page('<div id="root"></div>\n'));
  });

  // Only real `type`/`src` attributes outside comments count; the tag that loads the entry goes.
  it.each([
    ['a commented-out script', '<!-- <script type="module" src="/src/old.jsx"></script> -->', true],
    [
      'data-src after src',
      '<script type="module" src="/src/main.jsx" data-src="/src/old.jsx"></script>',
      false,
    ],
    [
      'a classic script with data-type="module"',
      '<script data-type="module" src="/src/old.jsx"></script>',
      true,
    ],
  ])('does not take %s as the entry', async (_title, tag, kept) => {
    const html = page(`${tag}\n<script type="module" src="/src/main.jsx"></script>`);
    const dir = await project({ 'index.html': html, 'src/main.jsx': '', 'src/old.jsx': '' });
    const found = findPage(dir)!;
    expect(found.scripts).toEqual([path.join(dir, 'src', 'main.jsx')]);
    expect(rewritePage(html, found, dir, undefined)).toBe(page(`${kept ? tag : ''}\n`));
  });

  it('keeps a remote module script and one whose file is missing, and takes neither as the entry', async () => {
    const remote = '<script type="module" src="https://cdn.example.com/x.js"></script>';
    const missing = '<script type="module" src="/src/missing.js"></script>';
    const local = '<script type="module" src="/src/main.jsx"></script>';
    const html = page(`${remote}\n${missing}\n${local}`);
    const dir = await project({ 'index.html': html, ...entries });
    const found = findPage(dir)!;
    expect(found.scripts).toEqual([path.join(dir, 'src/main.jsx')]);
    expect(rewritePage(html, found, dir, undefined)).toBe(page(`${remote}\n${missing}\n`));

    const only = page(`${remote}\n${missing}`);
    const untouched = await project({ 'index.html': only });
    expect(findPage(untouched)).toMatchObject({ scripts: [], rewrite: false });
  });

  it.each([
    [undefined, ''],
    ['auto', ''],
    ['/', ''],
    ['/app/', '/app'],
  ])("replaces create-react-app's %%PUBLIC_URL%% for publicPath %p by %p", async (publicPath, url) => {
    const html = page('<link rel="icon" href="%PUBLIC_URL%/favicon.ico"><a href="%PUBLIC_URL%/">home</a>');
    const dir = await project({ 'public/index.html': html });
    const found = findPage(dir)!;
    expect(found).toEqual({
      template: path.join(dir, 'public', 'index.html'),
      layout: 'create-react-app',
      scripts: [],
      rewrite: true,
    });
    expect(rewritePage(html, found, dir, publicPath)).toBe(
      page(`<link rel="icon" href="${url}/favicon.ico"><a href="${url}/">home</a>`),
    );
  });

  it('prefers index.html, then public/index.html, then src/index.html', async () => {
    const dir = await project({
      'index.html': page('root'),
      'public/index.html': page('public'),
      'src/index.html': page('src'),
    });
    const layout = () => findPage(dir)?.layout;
    expect(layout()).toBe('vite');
    await rm(path.join(dir, 'index.html'));
    expect(layout()).toBe('create-react-app');
    await rm(path.join(dir, 'public'), { recursive: true });
    expect(findPage(dir)).toEqual<Page>({
      template: path.join(dir, 'src', 'index.html'),
      layout: 'src',
      scripts: [],
      rewrite: false,
    });
    await rm(path.join(dir, 'src'), { recursive: true });
    expect(findPage(dir)).toBeUndefined();
  });
});

describe('withPackwise config from what it detects', () => {
  it("takes the entry from the Vite page's module scripts", async () => {
    const dir = await project({
      'index.html': page('<script type="module" src="/src/main.jsx"></script>'),
      'src/main.jsx': '',
      'src/index.js': '',
    });
    expect(withPackwise({ context: dir, cache: false }).entry).toEqual({
      main: path.join(dir, 'src', 'main.jsx'),
    });

    const two = await project({
      'index.html': page(
        '<script type="module" src="/a.js"></script><script type="module" src="/b.js"></script>',
      ),
      'a.js': '',
      'b.js': '',
    });
    expect(withPackwise({ context: two, cache: false }).entry).toEqual({
      main: [path.join(two, 'a.js'), path.join(two, 'b.js')],
    });
  });

  it('takes src/main.tsx as the entry without a page', async () => {
    const dir = await project({ 'src/main.tsx': '' });
    expect(withPackwise({ context: dir, cache: false }).entry).toEqual({
      main: path.join(dir, 'src', 'main.tsx'),
    });
  });

  it("adds no entry next to the user's", async () => {
    const dir = await project({
      'index.html': page('<script type="module" src="/src/main.jsx"></script>'),
      'src/main.jsx': '',
    });
    expect(withPackwise({ context: dir, cache: false, entry: { app: './app.js' } }).entry).toEqual({
      app: './app.js',
    });
    expect(withPackwise({ context: dir, cache: false, entry: './app.js' }).entry).toBe('./app.js');
  });

  it('gives a jsconfig.json with paths to resolve.tsconfig', async () => {
    const dir = await project({ 'jsconfig.json': '{"compilerOptions": {"paths": {"@/*": ["./src/*"]}}}' });
    const config = withPackwise({ context: dir, cache: false });
    expect(config.resolve?.tsconfig).toBe(path.join(dir, 'jsconfig.json'));
    // No tsconfig.json: not a TypeScript project.
    expect(config.resolve?.extensions).toEqual(['.jsx', '...']);
    const without = await project({ 'jsconfig.json': '{"compilerOptions": {"checkJs": true}}' });
    expect(withPackwise({ context: without, cache: false }).resolve?.tsconfig).toBeUndefined();
  });

  it('leaves out the production work in development', async () => {
    const dir = await project({
      'index.html': page('<script type="module" src="/src/main.jsx"></script>'),
      'src/main.jsx': '',
      'packwise.config.json': '{"budgets": [{"path": "*.js", "limit": "1 kB"}]}',
    });
    const config = withPackwise({ context: dir, cache: false }, { mode: 'development' });
    expect(config.mode).toBe('development');
    expect(config.optimization?.minimize).toBeFalsy();
    expect(config.optimization?.minimizer).toBeUndefined();
    for (const name of ['CompressPlugin', 'VendorChunksPlugin', 'BudgetsPlugin', 'MiniCssExtractPlugin'])
      expect(names(config)).not.toContain(name);
    expect(names(config)).toContain('HtmlWebpackPlugin');
    // Sass, then CSS: style tags instead of extracted files.
    expect(loaders(stylesOf(config))).toEqual([
      ['style-loader', 'css-loader', 'sass-loader'],
      ['style-loader', 'css-loader'],
    ]);
    expect(config.output).toMatchObject({ filename: '[name].js', chunkFilename: '[name].js' });
    expect((config as { devServer?: unknown }).devServer).toMatchObject({
      historyApiFallback: true,
      hot: true,
    });

    // The same project in production has all of them.
    const production = names(withPackwise({ context: dir, cache: false }));
    for (const name of ['CompressPlugin', 'VendorChunksPlugin', 'BudgetsPlugin', 'MiniCssExtractPlugin'])
      expect(production).toContain(name);
  });

  it('caches on the filesystem, invalidated by this config file, package.json and the arguments', async () => {
    const dir = await project({ 'package.json': '{"name": "x"}', 'src/index.js': '' });
    const cache = (options = {}) => fileCache(withPackwise({ context: dir }, options));
    expect(cache()).toMatchObject({ type: 'filesystem', name: 'packwise-production' });
    expect(cache().buildDependencies?.config).toContain(path.join(dir, 'package.json'));
    expect(cache().version).toBe(cache().version);
    expect(cache({ compress: false }).version).toBe(cache({ compress: false }).version);
    expect(cache({ compress: false }).version).not.toBe(cache().version);
    // The user's `cache` wins.
    expect(withPackwise({ context: dir, cache: false }).cache).toBe(false);
    expect(withPackwise({ context: dir, cache: { type: 'memory' } }).cache).toEqual({ type: 'memory' });
  });

  // src/cache.ts `callerFile` skips every frame below packages/preset/ (PRESET_DIR), this test file's too, so
  // the config file is left out (undefined here; a jest file in a synchronous test). Remove `.failing` once
  // it skips only the preset's src/ and dist/.
  it('names the file that called withPackwise (this test) as a build dependency', async () => {
    const dir = await project({ 'package.json': '{"name": "x"}' });
    expect(fileCache(withPackwise({ context: dir })).buildDependencies?.config).toEqual([
      __filename,
      path.join(dir, 'package.json'),
    ]);
  });
});

describe('builds', () => {
  it('fails a Sass file naming the package to install when no Sass compiler is installed', async () => {
    const dir = await project(
      { 'src/index.js': "import './a.scss';", 'src/a.scss': 'a { b: c }' },
      { inRepo: true },
    );
    const rule = stylesRule({ ...detectProject(dir), sass: undefined }, false);
    expect(loaders(rule)[0]).toEqual(['mini-css-extract-plugin', 'css-loader', 'missing-sass.ts']);
    expect(loaders(stylesRule(detectProject(dir), false))[0]).toEqual([
      'mini-css-extract-plugin',
      'css-loader',
      'sass-loader',
    ]);
    const result = await build({
      mode: 'development',
      devtool: false,
      cache: false,
      context: dir,
      entry: './src/index.js',
      module: { rules: [rule] },
      plugins: [new MiniCssExtractPlugin()],
    });
    const message =
      '@packwise/preset: <context>/src/a.scss is Sass, and no Sass compiler is installed: ' +
      'npm install -D sass-embedded (or sass)';
    // The loader's error, and mini-css-extract-plugin's report of the same when it runs the module.
    expect(result.errors).toEqual([
      expect.stringMatching(/^Module build failed \(from .*missing-sass\.ts\)/),
      expect.stringMatching(/^Module build failed \(from .*mini-css-extract-plugin/),
    ]);
    for (const error of result.errors) expect(error).toContain(message);
  });

  it('warns once when no page is emitted while static/index.html exists, and not with it as template', async () => {
    const dir = await project(
      { 'static/index.html': page('<div id="root"></div>'), 'src/index.js': 'document.title = "static";' },
      { inRepo: true },
    );
    // budgets: fixtures/example-app's packwise.config.json, found above the project, would fail this build.
    const options = { compress: false, budgets: false };
    const without = await build(withPackwise({ context: dir, cache: false }, options));
    expect(without.errors).toEqual([]);
    expect(without.warnings).toEqual([
      '@packwise/preset: no HTML page was emitted. The preset looks for index.html, public/index.html, ' +
        "src/index.html; found static/index.html: set `html: { template: '<that file>' }` in the options of " +
        'withPackwise',
    ]);
    expect([...without.files.keys()].filter((name) => name.endsWith('.html'))).toEqual([]);

    const template = path.join(dir, 'static', 'index.html');
    const withTemplate = await build(
      withPackwise({ context: dir, cache: false }, { ...options, html: { template } }),
    );
    expect(withTemplate.errors).toEqual([]);
    expect(withTemplate.warnings).toEqual([]);
    expect(withTemplate.text('index.html')).toContain('<div id="root"></div>');
    expect(withTemplate.text('index.html')).toMatch(/<script\b/);
  });

  it('compiles @use of a partial, and a CSS module gives the same class to default and named imports', async () => {
    const dir = await project(
      {
        'src/index.js': [
          "import './app.scss';",
          "import styles from './card.module.scss';",
          "import { card } from './card.module.scss';",
          'globalThis.classes = { fromDefault: styles.card, fromNamed: card };',
        ].join('\n'),
        'src/_tokens.scss': '$brand: #0b7a75;',
        'src/app.scss': "@use 'tokens';\nbody { color: tokens.$brand; }",
        'src/card.module.scss': "@use 'tokens';\n.card { border: 3px solid tokens.$brand; }",
      },
      { inRepo: true },
    );
    const result = await build(
      withPackwise({ context: dir, cache: false }, { compress: false, budgets: false }),
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);

    const sandbox: { self?: unknown; classes?: { fromDefault: string; fromNamed: string } } = {};
    sandbox.self = sandbox;
    const context = vm.createContext(sandbox);
    const scripts = [...result.files.keys()].filter((name) => name.endsWith('.js'));
    expect(scripts).toEqual([expect.stringMatching(/^main\./), expect.stringMatching(/^runtime\./)]);
    for (const name of scripts) vm.runInContext(result.text(name), context);
    const { fromDefault, fromNamed } = sandbox.classes!;
    expect(fromDefault).toBe(fromNamed);
    expect(fromDefault).toMatch(/^[\w-]+$/);
    expect(fromDefault).not.toBe('card');

    const [css, ...more] = [...result.files.keys()].filter((name) => name.endsWith('.css'));
    expect(more).toEqual([]);
    const text = result.text(css!);
    expect(text).toContain('body{color:#0b7a75}');
    expect(text).toContain(`.${fromDefault}{border:3px solid #0b7a75}`);
  });
});
