import { compile } from '@packwise/test-utils';
import { BudgetsPlugin } from '@packwise/budgets';
import type { BudgetConfig } from '@packwise/budgets';
import { appConfig, FakeZstdPlugin, reportOf } from './fixtures/build';
import { code, expectUsageError, project, removeProjects, runCli } from './fixtures/harness';

// A Node without zstd: no binding to load, and node:zlib without zstdCompress (as before Node 22.15).
jest.mock(
  '@toondepauw/node-zstd',
  () => {
    throw new Error("Cannot find module '@toondepauw/node-zstd'");
  },
  { virtual: true },
);
jest.mock('node:zlib', () => {
  const {
    zstdCompress: _compress,
    zstdDecompress: _decompress,
    ...zlib
  } = jest.requireActual<Record<string, unknown>>('node:zlib');
  return zlib;
});

afterAll(removeProjects);

const ZSTD_JS: BudgetConfig = { path: '*.js', limit: '1 MB', compression: 'zstd' };
const INSTALL = 'npm install --save-dev @toondepauw/node-zstd';

describe('zstd budgets where zstd is not available', () => {
  it('fail the build with one error naming the package to install, when a size must be computed', async () => {
    const build = await compile(appConfig([new BudgetsPlugin({ budgets: [ZSTD_JS] })]));
    expect(build.errors).toEqual([
      expect.stringMatching(
        /^PackwiseBudgetsPlugin: a budget counts zstd and no \.zst was emitted for main\.[0-9a-f]+\.js \(and 1 more\): zstd needs Node\.js >= 22\.15 \(node:zlib\) or the optional dependency @toondepauw\/node-zstd/,
      ),
    ]);
    expect(build.errors[0]).toContain(INSTALL);
  });

  it('need no zstd when every .zst was emitted', async () => {
    const build = await compile(
      appConfig([new FakeZstdPlugin((content) => content.length), new BudgetsPlugin({ budgets: [ZSTD_JS] })]),
    );
    expect(build.errors).toEqual([]);
    const { assets } = reportOf(build);
    expect(assets).toHaveLength(2);
    expect(assets.map(({ name, zstd }) => ({ name, zstd }))).toEqual(
      assets.map(({ name, raw }) => ({ name, zstd: raw })),
    );
  });

  it('leave budgets of other compressions alone', async () => {
    const build = await compile(
      appConfig([new BudgetsPlugin({ budgets: [{ ...ZSTD_JS, compression: 'brotli' }] })]),
    );
    expect(build.errors).toEqual([]);
  });

  it('make packwise check exit 2 with one line naming the package', async () => {
    const cwd = await project({
      'packwise.config.json': { budgets: [{ path: '*.js', limit: '1 MB', compression: 'zstd' }] },
      'dist/app.js': code(3000),
    });
    const result = await runCli(['check', '--dir', 'dist'], { cwd });
    expectUsageError(
      result,
      /^packwise: a budget counts zstd and no \.zst was emitted for app\.js: zstd needs /,
    );
    expect(result.stderr).toContain(INSTALL);
  });
});
