import path from 'node:path';
import { repoRoot } from '@packwise/test-utils';
import { buildReportData } from '@packwise/report';
import type { BudgetsReportLike, StatsLike } from '@packwise/report';

// The model from hand-made stats: what each field is made of, without a build.

const nm = (...parts: string[]) => path.join(repoRoot, 'node_modules', ...parts);
const react = require(nm('react', 'package.json')) as { version: string }; // eslint-disable-line @typescript-eslint/no-require-imports

const STATS: StatsLike = {
  chunks: [
    {
      id: 1,
      names: ['main'],
      files: ['main.0123456789.js', 'main.0123456789.js.map'],
      initial: true,
      entry: true,
    },
    {
      id: 2,
      names: [],
      files: ['2.abcdef0123.js'],
      initial: false,
      reason: 'split chunk (cache group: defaultVendors)',
    },
    { id: 3, names: ['empty'], files: [], initial: false },
  ],
  modules: [
    {
      identifier: 'concat|index',
      name: './src/index.js + 1 modules',
      size: 300,
      chunks: [1],
      modules: [
        {
          identifier: '/app/src/index.js',
          name: './src/index.js',
          nameForCondition: '/app/src/index.js',
          size: 100,
        },
        {
          identifier: '/app/src/a.js',
          name: './src/a.js',
          nameForCondition: '/app/src/a.js',
          size: 200,
          issuer: '/app/src/index.js',
        },
      ],
    },
    {
      identifier: nm('react', 'index.js'),
      name: './node_modules/react/index.js',
      nameForCondition: nm('react', 'index.js'),
      size: 300,
      chunks: [1],
      issuer: '/app/src/a.js',
    },
    {
      identifier: '/app/node_modules/x/node_modules/react/index.js',
      name: './node_modules/x/node_modules/react/index.js',
      nameForCondition: '/app/node_modules/.pnpm/react@18.2.0/node_modules/react/index.js',
      size: 1000,
      chunks: [2],
      issuerName: './src/lazy.js',
    },
  ],
  entrypoints: { main: { chunks: [1], assets: [{ name: 'main.0123456789.js' }] } },
  namedChunkGroups: { main: { chunks: [1], assets: [{ name: 'main.0123456789.js' }] } },
};

const REPORT: BudgetsReportLike = {
  assets: [
    { name: 'main.0123456789.js', raw: 900, gzip: 400, brotli: 300 },
    { name: '2.abcdef0123.js', raw: 800, gzip: 300, brotli: 200 },
    { name: 'index.html', raw: 100, gzip: 80, brotli: 60 },
  ],
  entries: { main: { initial: ['main.0123456789.js'], all: [], pages: ['index.html'] } },
  results: [
    {
      budget: 'main',
      target: 'main.0123456789.js',
      compression: 'brotli',
      actual: 300,
      limit: 320,
      status: 'pass',
    },
    {
      budget: 'lazy',
      target: '2.abcdef0123.js',
      compression: 'brotli',
      actual: 200,
      limit: 150,
      status: 'fail',
    },
  ],
};

describe('buildReportData', () => {
  const model = buildReportData({ stats: STATS, budgetsReport: REPORT, context: '/app' });

  it('keeps the chunks that have measured files, with their sizes and budget status', () => {
    expect(model.chunks).toEqual([
      expect.objectContaining({
        name: 'main',
        files: ['main.0123456789.js'],
        status: 'near',
        moduleBytes: 600,
      }),
      expect.objectContaining({
        name: 'chunk 2',
        status: 'fail',
        reason: 'split chunk (cache group: defaultVendors)',
        sizes: { raw: 800, gzip: 300, brotli: 200 },
      }),
    ]);
  });

  it('lists the modules inside a concatenated module, with their package and first importer', () => {
    expect(
      model.modules.map((module) => [module.name, model.packages[module.package]?.name, module.issuer]),
    ).toEqual([
      ['./src/index.js', '(app)', -1],
      ['./src/a.js', '(app)', 0],
      ['./node_modules/react/index.js', 'react', 1],
      ['./node_modules/x/node_modules/react/index.js', 'react', -1],
    ]);
    expect(model.modules[3]?.issuerName).toBe('./src/lazy.js');
  });

  it("finds two copies of a package: versions from package.json and from pnpm's path", () => {
    expect(model.duplicates).toEqual([
      {
        name: 'react',
        copies: [
          { path: path.relative('/app', nm('react')), version: react.version, size: 300 },
          { path: 'node_modules/.pnpm/react@18.2.0/node_modules/react', version: '18.2.0', size: 1000 },
        ],
      },
    ]);
  });

  it('makes routes: the first page with its HTML page, each lazy chunk', () => {
    expect(
      model.routes.map((route) => [
        route.name,
        route.kind,
        route.files.map((f) => f.name),
        route.sizes.brotli,
      ]),
    ).toEqual([
      ['main', 'entry', ['index.html', 'main.0123456789.js'], 360],
      ['chunk 2', 'lazy', ['2.abcdef0123.js'], 200],
    ]);
  });

  it('diffs against a baseline: renamed files, route bytes, a package whose version changed', () => {
    const baseline = buildReportData({
      stats: {
        ...STATS,
        modules: STATS.modules?.slice(0, 2),
        chunks: [{ ...STATS.chunks?.[0], files: ['main.9876543210.js'] }],
        entrypoints: { main: { assets: [{ name: 'main.9876543210.js' }] } },
      },
      budgetsReport: { assets: [{ name: 'main.9876543210.js', raw: 800, gzip: 350, brotli: 250 }] },
      context: '/app',
    });
    const diff = buildReportData({ stats: STATS, budgetsReport: REPORT, baseline, context: '/app' }).diff;
    expect(diff?.files.map((file) => [file.key, file.change, file.delta.brotli])).toEqual([
      ['2.js', 'added', 200],
      ['index.html', 'added', 60],
      ['main.js', 'renamed', 50],
    ]);
    expect(diff?.routes).toEqual([
      expect.objectContaining({ name: 'main', delta: { raw: 200, gzip: 130, brotli: 110 } }),
      expect.objectContaining({ name: 'chunk 2' }),
    ]);
    expect(diff?.packages).toEqual([
      {
        name: 'react',
        change: 'version',
        before: { name: 'react', version: react.version, size: 300 },
        after: { name: 'react', version: `${react.version}, 18.2.0`, size: 1300 },
      },
    ]);
    expect(diff?.returning).toMatchObject({ bytes: 560, newVisitor: 560 });
  });
});
