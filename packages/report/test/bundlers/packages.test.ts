import { statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundler, compile, makeTempDir } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import {
  buildReportData,
  hiddenModules,
  readModelFromHtml,
  report,
  RSPACK_STATS_OPTIONS,
  STATS_OPTIONS,
} from '@packwise/report';
import type { ReportModel, StatsLike } from '@packwise/report';
import { ROUTES_APP, routesConfig } from '../../../budgets/test/bundlers/routes-app';

// The report from the stats of a real build on each bundler: date-fns is concatenated into main and the
// dashboard route, so its per-package size depends on the stats listing the modules inside.

const { name, version, rspack } = bundler();
/** The options to save stats with on this bundler (README "Bundlers"). */
const OPTIONS = rspack ? RSPACK_STATS_OPTIONS : STATS_OPTIONS;

const packageSize = (model: ReportModel, pkg: string) =>
  model.packages.find((info) => info.name === pkg)?.size ?? 0;
const modulesOf = (model: ReportModel, pkg: string) =>
  model.modules.filter((module) => model.packages[module.package]?.name === pkg);

async function runReport(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await report({
    argv,
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe(`the report of a ${name} ${version} build with concatenated modules`, () => {
  let build: BuildResult;
  let stats: StatsLike;
  let model: ReportModel;
  beforeAll(async () => {
    build = await compile(routesConfig([]));
    stats = build.stats.toJson(OPTIONS) as StatsLike;
    model = buildReportData({ stats, context: ROUTES_APP });
  });

  it('concatenates date-fns into the app’s modules (what the stats must look inside)', () => {
    const concatenated = (stats.modules ?? []).filter((module) => module.modules?.length);
    const inside = concatenated.flatMap((module) => module.modules ?? []);
    expect(
      inside.filter((module) => /node_modules\/date-fns\//.test(module.name ?? '')).length,
    ).toBeGreaterThan(30);
    expect(hiddenModules(stats)).toEqual({ concatenated: 0, modules: 0, size: 0 });
  });

  it('sizes date-fns by each of its modules, as big as its file on disk, and outweighs the app', () => {
    const dateFns = modulesOf(model, 'date-fns');
    expect(dateFns.length).toBeGreaterThan(30);
    const onDisk = dateFns.map((module) => ({
      name: module.name,
      size: statSync(path.resolve(ROUTES_APP, module.name)).size,
    }));
    expect(dateFns.map(({ name: file, size }) => ({ name: file, size }))).toEqual(onDisk);
    expect(packageSize(model, 'date-fns')).toBe(dateFns.reduce((sum, module) => sum + module.size, 0));
    expect(packageSize(model, 'date-fns')).toBeGreaterThan(10 * packageSize(model, '(app)'));
    expect(
      modulesOf(model, '(app)')
        .map((module) => module.name)
        .sort(),
    ).toEqual([
      './src/greeting.js',
      './src/index.js',
      './src/logo.svg',
      './src/routes/dashboard.js',
      './src/routes/settings.js',
      expect.stringMatching(/style\.css$/),
    ]);
  });

  it('knows why a date-fns module is included, and each route’s files', () => {
    const addDays = model.modules.find((module) => module.name.endsWith('date-fns/addDays.mjs'));
    // Imported through date-fns' index.mjs (re-exports only, in no chunk: named, not listed). Rspack records
    // another importer first: a date-fns module that imports addDays too, even one not in the bundle.
    const issuer = addDays && addDays.issuer >= 0 ? model.modules[addDays.issuer]?.name : addDays?.issuerName;
    expect(issuer).toMatch(rspack ? /node_modules\/date-fns\/\w+\.mjs$/ : /date-fns\/index\.mjs$/);
    const routes = Object.fromEntries(
      model.routes.map((route) => [route.name, route.files.map((f) => f.name)]),
    );
    expect(routes.dashboard).toEqual([expect.stringMatching(/^dashboard\.[0-9a-f]+\.js$/)]);
    expect(routes.settings).toEqual([expect.stringMatching(/^settings\.[0-9a-f]+\.js$/)]);
    expect(model.duplicates).toEqual([]);
  });

  it('packwise report exits 2 with one line on stats without chunks (Rspack 2’s toJson()), else writes the page', async () => {
    const cwd = await makeTempDir('packwise-report-bundlers-');
    await writeFile(path.join(cwd, 'default.json'), JSON.stringify(build.stats.toJson()));
    const result = await runReport(['--stats', 'default.json', '--dir', build.outputDir], cwd);
    if (name === 'rspack') {
      expect(result).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'packwise report: --stats default.json has no chunks: save it with stats.toJson(RSPACK_STATS_OPTIONS)\n',
      });
    } else {
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    }
  });

  it('packwise report warns about stats that hide the modules inside concatenated modules', async () => {
    const cwd = await makeTempDir('packwise-report-bundlers-');
    const hidingStats = build.stats.toJson(STATS_OPTIONS) as StatsLike;
    await writeFile(path.join(cwd, 'full.json'), JSON.stringify(stats));
    await writeFile(path.join(cwd, 'hiding.json'), JSON.stringify(hidingStats));
    const full = await runReport(
      ['--stats', 'full.json', '--dir', build.outputDir, '--out', 'full.html'],
      cwd,
    );
    expect({ code: full.code, stderr: full.stderr }).toEqual({ code: 0, stderr: '' });
    const hiding = await runReport(
      ['--stats', 'hiding.json', '--dir', build.outputDir, '--out', 'h.html'],
      cwd,
    );
    expect(hiding.code).toBe(0);
    const hidden = hiddenModules(hidingStats);
    if (!rspack) {
      // webpack lists a concatenated module's inner modules with STATS_OPTIONS already.
      expect({ hidden, stderr: hiding.stderr }).toEqual({
        hidden: { concatenated: 0, modules: 0, size: 0 },
        stderr: '',
      });
      return;
    }
    expect(hidden.concatenated).toBeGreaterThanOrEqual(2);
    expect(hiding.stderr).toMatch(
      new RegExp(
        `^packwise report: warning: --stats hiding\\.json hides the ${hidden.modules} modules inside ${hidden.concatenated} concatenated modules .*orphanModules: true.*RSPACK_STATS_OPTIONS.*\\n$`,
      ),
    );
    expect(hiding.stderr.split('\n')).toHaveLength(2);
    // Without the inner modules date-fns gets only the modules Rspack did not concatenate: far too little.
    const page = readModelFromHtml(await readFile(path.join(cwd, 'h.html'), 'utf8'));
    const fullPage = readModelFromHtml(await readFile(path.join(cwd, 'full.html'), 'utf8'));
    expect(packageSize(fullPage as ReportModel, 'date-fns')).toBe(packageSize(model, 'date-fns'));
    expect(packageSize(page as ReportModel, 'date-fns')).toBeLessThan(packageSize(model, 'date-fns') / 2);
    // What is hidden counts as its concatenated module, in the package of the module it starts with.
    const shown = (page as ReportModel).modules.map((m) => ({
      name: m.name,
      pkg: page?.packages[m.package]?.name,
    }));
    expect(shown.map((m) => m.name)).not.toContain('?');
    expect(shown).toContainEqual({
      name: expect.stringMatching(/date-fns\/locale\/en-US\.mjs \+ 9 modules$/),
      pkg: 'date-fns',
    });
    expect(shown).toContainEqual({
      name: expect.stringMatching(/^\.\/src\/index\.js \+ \d+ modules$/),
      pkg: '(app)',
    });
  });
});
