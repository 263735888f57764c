import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundler, compile } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { CompressPlugin } from '@packwise/compress';
import { BudgetsPlugin } from '@packwise/budgets';
import type { BudgetConfig, PackwiseReport } from '@packwise/budgets';
import { expectUsageError, parseReport, project, removeProjects, runCli } from '../fixtures/harness';
import { FakeEncodingsPlugin, fakeSize, fileNamed, reportOf, routesConfig } from './routes-app';

afterAll(removeProjects);

/**
 * What `packwise check` needs from stats: assets, chunks with their ids and relations (the lazy chunks of an
 * entry), entrypoints, outputPath, and the related assets a compression plugin recorded.
 */
const CHECK_STATS = {
  all: false,
  assets: true,
  cachedAssets: true,
  chunks: true,
  chunkRelations: true,
  entrypoints: true,
  ids: true,
  outputPath: true,
  relatedAssets: true,
} as const;

const BUDGETS: BudgetConfig[] = [
  { name: 'app code', path: 'main.*.js', limit: '100 kB' },
  { name: 'routes', path: '{dashboard,settings}.*.js', limit: '50 kB', compression: 'gzip' },
  { name: 'entry main', entry: 'main', limit: '200 kB' },
  { name: 'first load', initial: true, limit: '150 kB', compression: 'none' },
];

/** A project folder holding `budgets` and the stats file, with `packwise check` run in it. */
async function check(stats: object, budgets: BudgetConfig[], ...args: string[]) {
  const cwd = await project({ 'packwise.config.json': { budgets }, 'stats.json': stats });
  return runCli(['check', '--stats', path.join(cwd, 'stats.json'), ...args], { cwd });
}

const verdicts = (report: PackwiseReport) =>
  report.results.map(({ target, actual, status, files }) => ({
    target,
    actual,
    status,
    files: files && [...files].sort(),
  }));

describe(`packwise check on the stats and output of a ${bundler().name} ${bundler().version} build`, () => {
  let build: BuildResult;
  let stats: object;
  beforeAll(async () => {
    build = await compile(routesConfig([new BudgetsPlugin({ budgets: BUDGETS })]));
    stats = build.stats.toJson(CHECK_STATS);
  });

  it('exits 0 when every budget holds, with the verdicts and sizes the plugin wrote', async () => {
    expect(build.errors).toEqual([]);
    const result = await check(stats, BUDGETS, '--format', 'json');
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    const fromStats = parseReport(result);
    expect(verdicts(fromStats)).toEqual(verdicts(reportOf(build)));
    expect(fromStats.assets).toEqual(reportOf(build).assets);
    expect(fromStats.entries.main?.all).toHaveLength(4);
    expect(fromStats.entries.main?.pages).toEqual(['index.html']);
  });

  it('exits 1 when a budget is exceeded, naming the file and both sizes', async () => {
    const main = fileNamed(build, /^main\.[0-9a-f]+\.js$/);
    const result = await check(stats, [{ name: 'app code', path: 'main.*.js', limit: 100 }]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`${main.replace(/\./g, '\\.')}.* over the limit of 100 B`));
  });

  it('gives the same verdicts from --dir on the output folder and from --report', async () => {
    const fromStats = parseReport(await check(stats, BUDGETS, '--format', 'json'));
    const cwd = await project({ 'packwise.config.json': { budgets: BUDGETS } });
    const report = path.join(build.outputDir, 'packwise-report.json');
    const fromReport = parseReport(await runCli(['check', '--report', report, '--format', 'json'], { cwd }));
    expect(verdicts(fromReport)).toEqual(verdicts(fromStats));
    // Without stats the CLI knows no entries: path budgets only.
    const paths = BUDGETS.filter((budget) => budget.path);
    const dir = await runCli(['check', '--dir', build.outputDir, '--format', 'json'], {
      cwd: await project({ 'packwise.config.json': { budgets: paths } }),
    });
    expect(dir.code).toBe(0);
    const pathTargets = (r: PackwiseReport) => verdicts(r).filter((v) => !/^(entry|initial) /.test(v.target));
    expect(pathTargets(parseReport(dir))).toEqual(pathTargets(fromStats));
  });

  it('exits 2 with one line for the stats toJson() writes when they list no assets (Rspack 2), else reads them', async () => {
    const result = await check(build.stats.toJson(), BUDGETS);
    if (bundler().name === 'rspack') {
      expectUsageError(
        result,
        /no assets in these stats \(Rspack: save them with stats\.toJson\(\{ all: false, assets: true/,
      );
    } else {
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    }
  });

  it('reads the gzip and brotli sizes @packwise/compress wrote from the stats, not from the files', async () => {
    const compressed = await compile(routesConfig([new CompressPlugin({ threshold: 0 })]));
    const main = fileNamed(compressed, /^main\.[0-9a-f]+\.js$/);
    const written = {
      gzip: compressed.read(`${main}.gz`).length,
      brotli: compressed.read(`${main}.br`).length,
    };
    // The files beside main now say 1 byte: a size read from the stats is still the one written.
    for (const suffix of ['.gz', '.br'])
      await writeFile(path.join(compressed.outputDir, `${main}${suffix}`), 'x');
    const budgets: BudgetConfig[] = (['gzip', 'brotli'] as const).map((compression) => ({
      path: 'main.*.js',
      compression,
      limit: '1 MB',
    }));
    const result = await check(compressed.stats.toJson(CHECK_STATS), budgets, '--format', 'json');
    expect(result.code).toBe(0);
    expect(parseReport(result).results.map((r) => [r.compression, r.actual])).toEqual([
      ['gzip', written.gzip],
      ['brotli', written.brotli],
    ]);
  });

  it('reads the sizes the stats do not give from the files beside the assets (Rspack drops info.related)', async () => {
    const fake = await compile(routesConfig([new FakeEncodingsPlugin()]));
    const main = fileNamed(fake, /^main\.[0-9a-f]+\.js$/);
    const inStats = fakeSize(fake.read(main).length, 'zstd');
    await writeFile(path.join(fake.outputDir, `${main}.zst`), Buffer.alloc(3));
    const budgets: BudgetConfig[] = [{ path: 'main.*.js', compression: 'zstd', limit: '1 MB' }];
    const result = await check(fake.stats.toJson(CHECK_STATS), budgets, '--format', 'json');
    // webpack's stats relate main's .zst (with its size); Rspack's do not, so the file on disk (3 bytes) counts.
    expect(parseReport(result).results.map((r) => r.actual)).toEqual([bundler().rspack ? 3 : inStats]);
  });
});
