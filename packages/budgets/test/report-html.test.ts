import path from 'node:path';
import { compile } from '@packwise/test-utils';
import { BudgetsPlugin } from '@packwise/budgets';
import type { BudgetsPluginOptions } from '@packwise/budgets';
import { appConfig } from './fixtures/build';

// `report` names the JSON report as before; `{ json, html }` adds the HTML report of @packwise/report.
const build = (report: BudgetsPluginOptions['report']) =>
  compile(appConfig([new BudgetsPlugin({ budgets: [{ path: 'main.*.js', limit: '2 kB' }], report })]));

const reports = (files: Map<string, Buffer>) =>
  [...files.keys()].filter((name) => /\.(json|html)$/.test(name)).sort();

describe('BudgetsPlugin report option', () => {
  it.each<[string, BudgetsPluginOptions['report'], string[]]>([
    ['the default: the JSON report only', undefined, ['packwise-report.json']],
    ['a name (as before)', 'sizes.json', ['sizes.json']],
    ['false: none', false, []],
    ['{ html }: both', { html: 'packwise-report.html' }, ['packwise-report.html', 'packwise-report.json']],
    ['{ json: false, html }: the page only', { json: false, html: 'r.html' }, ['r.html']],
  ])('%s', async (_label, report, expected) => {
    const result = await build(report);
    expect(result.errors).toEqual([]);
    expect(reports(result.files)).toEqual(expected);
  });

  it("puts the budgets' verdicts and the build's chunks into the page", async () => {
    const result = await build({ html: 'packwise-report.html' });
    const html = result.text('packwise-report.html');
    const json = /<script type="application\/json" id="packwise-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
    const model = JSON.parse(json ?? 'null') as {
      budgets: { budget: string; status: string }[];
      chunks: { name: string; initial: boolean; status: string }[];
    };
    expect(model.budgets).toEqual([expect.objectContaining({ budget: 'main.*.js', status: 'pass' })]);
    expect(model.chunks.map((chunk) => [chunk.name, chunk.initial]).sort()).toEqual([
      ['main', true],
      ['report', false],
    ]);
    expect(model.chunks.find((chunk) => chunk.name === 'main')?.status).toBe('pass');
  });

  it('diffs against report.baseline: an earlier page; a baseline it cannot read is a build error', async () => {
    const first = await build({ html: 'packwise-report.html' });
    const second = await build({
      html: 'packwise-report.html',
      baseline: path.join(first.outputDir, 'packwise-report.html'),
    });
    expect(second.errors).toEqual([]);
    const html = second.text('packwise-report.html');
    const json = /<script type="application\/json" id="packwise-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
    const diff = (JSON.parse(json ?? 'null') as { diff?: { files: { change: string }[] } }).diff;
    expect(diff?.files.length).toBeGreaterThan(0);
    expect(diff?.files.every((file) => file.change === 'unchanged')).toBe(true);

    const missing = await build({ html: 'packwise-report.html', baseline: 'no/such/report.html' });
    expect(missing.errors).toEqual([
      expect.stringMatching(
        /^PackwiseBudgetsPlugin: cannot read report\.baseline <context>\/no\/such\/report\.html$/,
      ),
    ]);
  });
});
