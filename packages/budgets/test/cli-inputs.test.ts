import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AssetSize, PackwiseReport } from '@packwise/budgets';
import {
  code,
  expectUsageError,
  fixture,
  parseReport,
  project,
  removeProjects,
  runCli,
  zlibSizes,
} from './fixtures/harness';

afterAll(removeProjects);

const ALL_JS = { path: '**/*.js', limit: '1 MB' };
const json = async (cwd: string, ...input: string[]) =>
  parseReport(await runCli(['check', ...input, '--format', 'json'], { cwd }));
const byName = (assets: AssetSize[]) => Object.fromEntries(assets.map(({ name, ...sizes }) => [name, sizes]));

describe('packwise check --dir', () => {
  const APP = code(6000, 1);
  const STYLE = code(3000, 2);
  const CHUNK = code(2000, 3);

  it('measures every JS, CSS and HTML file below the directory, with "/" names', async () => {
    const cwd = await project({
      'packwise.config.json': { budgets: [ALL_JS] },
      'dist/app.js': APP,
      'dist/styles/app.css': STYLE,
      'dist/js/nested/chunk.js': CHUNK,
      'dist/index.html': '<!doctype html><script src="app.js"></script>',
      'dist/app.js.map': '{}',
      'dist/logo.png': 'png',
    });
    const report = await json(cwd, '--dir', 'dist');
    expect(report.assets.map((asset) => asset.name)).toEqual([
      'app.js',
      'index.html',
      'js/nested/chunk.js',
      'styles/app.css',
    ]);
    expect(report.entries).toEqual({});
  });

  it('reads .gz/.br siblings instead of compressing, and computes what has none (as zlib does)', async () => {
    const fakeBrotli = Buffer.alloc(77, 1);
    const fakeGzip = Buffer.alloc(1234, 2);
    const cwd = await project({
      'packwise.config.json': { budgets: [ALL_JS] },
      'dist/app.js': APP,
      'dist/app.js.br': fakeBrotli,
      'dist/app.js.gz': fakeGzip,
      'dist/styles/app.css': STYLE,
      'dist/js/nested/chunk.js': CHUNK,
      'dist/js/nested/chunk.js.br': Buffer.alloc(5),
    });
    const sizes = byName((await json(cwd, '--dir', 'dist')).assets);
    expect(sizes['app.js']).toEqual({ raw: 6000, gzip: 1234, brotli: 77 });
    expect(sizes['styles/app.css']).toEqual(zlibSizes(STYLE));
    expect(sizes['js/nested/chunk.js']).toEqual({ ...zlibSizes(CHUNK), brotli: 5 });
    expect(zlibSizes(APP).brotli).not.toBe(77);
  });

  it('takes encoded sizes from compress-manifest.json', async () => {
    const manifest = {
      assets: { 'app.js': { size: 6000, encodings: { brotli: { file: 'app.js.br', size: 42 } } } },
    };
    const cwd = await project({
      'packwise.config.json': { budgets: [ALL_JS] },
      'dist/app.js': APP,
      'dist/compress-manifest.json': manifest,
    });
    const sizes = byName((await json(cwd, '--dir', 'dist')).assets);
    expect(sizes['app.js']).toEqual({ raw: 6000, gzip: zlibSizes(APP).gzip, brotli: 42 });
  });

  it("checks size-limit's .size-limit.json: the sum of the matching files", async () => {
    const files = { 'dist/app.js': APP, 'dist/js/nested/chunk.js': CHUNK, 'dist/styles/app.css': STYLE };
    const gzipTotal = zlibSizes(APP).gzip + zlibSizes(CHUNK).gzip;
    const sizeLimit = (limit: number) => [
      { name: 'scripts', path: ['dist/*.js', 'dist/js/**/*.js'], limit, gzip: true },
    ];
    const passing = await project({ ...files, '.size-limit.json': sizeLimit(gzipTotal) });
    const report = await json(passing, '--dir', 'dist');
    expect(report.results).toMatchObject([
      { budget: 'scripts', compression: 'gzip', actual: gzipTotal, status: 'pass' },
    ]);
    const failing = await project({ ...files, 'limits/.size-limit.json': sizeLimit(gzipTotal - 1) });
    const result = await runCli(['check', '--dir', 'dist', '--config', 'limits/.size-limit.json'], {
      cwd: failing,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('scripts');
  });
});

describe('packwise check --stats', () => {
  const FILES = {
    'vendor.1111aaaa2222bbbb3333.js': code(9000, 4),
    'main.4444cccc5555dddd6666.js': code(4000, 5),
    'main.4444cccc5555dddd6666.css': code(1500, 6),
    'route.7777eeee8888ffff9999.js': code(2500, 7),
    'nested.0000aaaa1111bbbb2222.js': code(700, 8),
  };
  const [VENDOR, MAIN, CSS, ROUTE, NESTED] = Object.keys(FILES) as [string, string, string, string, string];
  const stats = (outputPath?: string) => ({
    version: '5.113.0',
    ...(outputPath && { outputPath }),
    assets: [...Object.keys(FILES), 'logo.png'].map((name) => ({ name, size: 1 })),
    entrypoints: {
      main: { name: 'main', chunks: [1, 2], assets: [{ name: VENDOR }, { name: MAIN }, { name: CSS }] },
    },
    chunks: [
      { id: 1, files: [VENDOR], initial: true, children: [] },
      { id: 2, files: [MAIN, CSS], initial: true, children: [3] },
      { id: 3, files: [ROUTE], initial: false, children: [4] },
      { id: 4, files: [NESTED], initial: false, children: [3] },
    ],
  });
  const raw = (...names: string[]) =>
    names.reduce((sum, name) => sum + FILES[name as keyof typeof FILES].length, 0);
  const ENTRY_BUDGETS = [
    { entry: 'main', limit: '1 MB', compression: 'none' },
    { initial: true, limit: '1 MB', compression: 'none' },
  ];

  const dist = () =>
    project(Object.fromEntries(Object.entries(FILES).map(([name, text]) => [`dist/${name}`, text])));
  const withStats = async (content: object) => {
    const cwd = await project({ 'packwise.config.json': { budgets: ENTRY_BUDGETS } });
    await writeFile(path.join(cwd, 'stats.json'), JSON.stringify(content));
    return cwd;
  };
  const TOTALS = [
    { target: 'entry main', actual: raw(VENDOR, MAIN, CSS, ROUTE, NESTED) },
    { target: 'initial main', actual: raw(VENDOR, MAIN, CSS) },
  ];

  it('measures the files in outputPath and totals each entry, initial and with its lazy chunks', async () => {
    const out = path.join(await dist(), 'dist');
    const report = await json(await withStats(stats(out)), '--stats', 'stats.json');
    expect(report.entries.main?.initial).toEqual([VENDOR, MAIN, CSS]);
    expect(report.entries.main?.all.sort()).toEqual([CSS, MAIN, NESTED, ROUTE, VENDOR]);
    expect(report.results).toMatchObject(TOTALS);
    expect(byName(report.assets)[ROUTE]).toEqual(zlibSizes(FILES[ROUTE as keyof typeof FILES]));
    expect(report.assets).toHaveLength(5);
  });

  it('refuses stats that hide assets (toJson without cachedAssets after a rerun), naming how to write them', async () => {
    const out = path.join(await dist(), 'dist');
    const content = stats(out);
    content.assets.push({ type: 'hidden assets', cached: true, filteredChildren: 3, size: 9000 } as never);
    const cwd = await withStats(content);
    expectUsageError(
      await runCli(['check', '--stats', 'stats.json'], { cwd }),
      'the stats hide 3 assets (cached or excluded); write them with stats.toJson({ assets: true, cachedAssets: true }) or webpack --json',
    );
  });

  it('finds entry chunks by their files when the entrypoint lists no chunks', async () => {
    const out = path.join(await dist(), 'dist');
    const content = stats(out);
    delete (content.entrypoints.main as { chunks?: number[] }).chunks;
    expect((await json(await withStats(content), '--stats', 'stats.json')).results).toMatchObject(TOTALS);
  });

  it('measures in --dir instead of outputPath', async () => {
    const root = await dist();
    const cwd = await withStats(stats('/nowhere/dist'));
    const report = await json(cwd, '--stats', 'stats.json', '--dir', path.join(root, 'dist'));
    expect(report.results).toMatchObject(TOTALS);
  });

  it('needs no files when the stats carry the .gz/.br sizes as related assets', async () => {
    const related = (name: string) => [
      { type: 'gzip', name: `${name}.gz`, size: 300 },
      { type: 'brotli', name: `${name}.br`, size: 200 },
    ];
    const content = {
      ...stats(),
      assets: Object.keys(FILES).map((name) => ({ name, size: 1000, related: related(name) })),
    };
    const report = await json(await withStats(content), '--stats', 'stats.json');
    expect(report.assets).toContainEqual({ name: MAIN, raw: 1000, gzip: 300, brotli: 200 });
    expect(report.results).toMatchObject([{ actual: 5000 }, { actual: 3000 }]);
  });
});

describe('packwise check --stats: the pages of several entries', () => {
  const FILES = {
    'shared.js': code(3000, 9),
    'a.css': code(800, 10),
    'b.js': code(1200, 11),
    'a.html': `<link rel=stylesheet href='https://cdn.example/x/a.css?v=1'><script src="/static/shared.js"></script>`,
    'b.html': '<script type="module" src="./b.js#x"></script><script src="/static/shared.js"></script>',
    'about.html': '<p>no script of ours</p>',
  };
  const stats = (outputPath: string) => ({
    version: '5.113.0',
    outputPath,
    assets: Object.keys(FILES).map((name) => ({ name, size: 1 })),
    entrypoints: {
      a: { name: 'a', assets: [{ name: 'shared.js' }, { name: 'a.css' }] },
      b: { name: 'b', assets: [{ name: 'shared.js' }, { name: 'b.js' }] },
    },
    chunks: [],
  });
  const raw = (...names: (keyof typeof FILES)[]) => names.reduce((sum, name) => sum + FILES[name].length, 0);

  it("counts the page whose script or link names one of the entry's own files, whatever URL leads to it", async () => {
    const cwd = await project({
      'packwise.config.json': { budgets: [{ initial: true, limit: '1 MB', compression: 'none' }] },
      ...Object.fromEntries(Object.entries(FILES).map(([name, text]) => [`dist/${name}`, text])),
    });
    await writeFile(path.join(cwd, 'stats.json'), JSON.stringify(stats(path.join(cwd, 'dist'))));
    const report = await json(cwd, '--stats', 'stats.json');
    expect(report.entries.a?.pages).toEqual(['a.html']);
    expect(report.entries.b?.pages).toEqual(['b.html']);
    expect(report.results).toMatchObject([
      {
        target: 'initial a',
        actual: raw('shared.js', 'a.css', 'a.html'),
        files: ['shared.js', 'a.css', 'a.html'],
      },
      {
        target: 'initial b',
        actual: raw('shared.js', 'b.js', 'b.html'),
        files: ['shared.js', 'b.js', 'b.html'],
      },
    ]);
  });
});

describe('packwise check --report', () => {
  const FIRST_LOAD = { initial: true, limit: '1 MB' };

  it('counts every page of a single entry in a report written before pages were recorded', async () => {
    const cwd = await project({ 'packwise.config.json': { budgets: [FIRST_LOAD] } });
    const report = await json(cwd, '--report', fixture('report.json'));
    expect(report.entries.main?.pages).toEqual(['index.html']);
    expect(report.results).toMatchObject([
      {
        target: 'initial main',
        actual: 52_000 + 35_000 + 1700 + 500,
        files: expect.arrayContaining(['index.html']),
      },
    ]);
  });

  it("takes a report's pages as they are, and gives several entries without them none", async () => {
    const old = JSON.parse(await readFile(fixture('report.json'), 'utf8')) as PackwiseReport;
    const main = old.entries.main as PackwiseReport['entries'][string];
    const cwd = await project({
      'packwise.config.json': { budgets: [FIRST_LOAD] },
      'listed.json': { ...old, entries: { main: { ...main, pages: [] } } },
      'two.json': { ...old, entries: { main, admin: main } },
    });
    expect((await json(cwd, '--report', 'listed.json')).entries.main?.pages).toEqual([]);
    const two = await json(cwd, '--report', 'two.json');
    expect([two.entries.main?.pages, two.entries.admin?.pages]).toEqual([[], []]);
  });

  it('refuses pages that are not a list of names', async () => {
    const old = JSON.parse(await readFile(fixture('report.json'), 'utf8')) as PackwiseReport;
    const cwd = await project({
      'packwise.config.json': { budgets: [FIRST_LOAD] },
      'bad.json': { ...old, entries: { main: { ...old.entries.main, pages: 'index.html' } } },
    });
    expectUsageError(await runCli(['check', '--report', 'bad.json'], { cwd }), /entries\.main needs/);
  });

  it('uses the assets, entries and largest modules of a packwise report', async () => {
    const cwd = await project({
      'packwise.config.json': { budgets: [{ entry: 'main', limit: '100 kB', compression: 'gzip' }] },
    });
    const report = await json(cwd, '--report', fixture('report.json'));
    expect(report.results).toMatchObject([
      {
        target: 'entry main',
        actual: 113_000,
        status: 'fail',
        largestModules: [{ name: './src/app.js' }, {}, {}],
      },
    ]);
  });
});
