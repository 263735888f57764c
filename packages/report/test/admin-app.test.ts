import { performance } from 'node:perf_hooks';
import type { BudgetConfig } from '@packwise/budgets';
import type { BuildResult } from '@packwise/test-utils';
import { buildReportData, renderReportHtml, STATS_OPTIONS } from '@packwise/report';
import type { BudgetsReportLike, StatsLike } from '@packwise/report';
import { buildFixture, chunksWithFiles, HTML, JSON_REPORT, modelOf } from './helpers';

// The large fixture (React 19 admin template, ~50 lazy routes): the plugin emits the page; its size and the time
// to make it from the stats are printed (README, "Size and time").

const ADMIN_BUDGETS: BudgetConfig[] = [
  { name: 'first page load', initial: true, limit: '400 kB', severity: 'warning' },
  { name: 'any script', path: '*.js', limit: '60 kB', severity: 'warning' },
];

describe('the HTML report of the admin app', () => {
  let build: BuildResult;
  beforeAll(async () => {
    // The fixture has no budgets config: these only colour the treemap (warnings, never a failed build).
    build = await buildFixture('admin-app', {}, { budgets: ADMIN_BUDGETS });
  }, 300_000);

  it('is emitted with every chunk, the lazy routes and the budgets, in a few hundred kB', () => {
    expect(build.errors).toEqual([]);
    const html = build.text(HTML);
    const model = modelOf(html);
    expect(model.chunks).toHaveLength(chunksWithFiles(build)?.length ?? -1);
    expect(model.routes.filter((route) => route.kind === 'lazy').length).toBeGreaterThan(20);
    expect(model.modules.length).toBeGreaterThan(500);
    expect(model.budgets.length).toBeGreaterThan(0);
    expect(Buffer.byteLength(html)).toBeLessThan(800_000);
    // hoist-non-react-statics brings its own react-is 16 beside React 19's.
    const reactIs = model.duplicates.find((duplicate) => duplicate.name === 'react-is');
    expect(reactIs?.copies.map((copy) => copy.version?.split('.')[0]).sort()).toEqual(['16', '19']);
    expect(reactIs?.copies.map((copy) => copy.path)).toContainEqual(
      expect.stringMatching(/hoist-non-react-statics\/node_modules\/react-is$/),
    );
  });

  it('prints its size and generation time', () => {
    const stats = build.stats.toJson(STATS_OPTIONS) as StatsLike;
    const budgetsReport = JSON.parse(build.text(JSON_REPORT)) as BudgetsReportLike;
    const started = performance.now();
    const html = renderReportHtml(
      buildReportData({ stats, budgetsReport, context: build.stats.compilation.compiler.context }),
    );
    const ms = performance.now() - started;
    const model = modelOf(html);
    console.log(
      `admin-app report: ${Buffer.byteLength(html)} bytes (${Buffer.byteLength(build.text(HTML))} as emitted), ` +
        `${model.chunks.length} chunks, ${model.modules.length} modules, ${model.packages.length} packages; ` +
        `generated in ${ms.toFixed(0)} ms from stats`,
    );
    expect(html).toBe(build.text(HTML));
  });
});
