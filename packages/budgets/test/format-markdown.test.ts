import { FORMATS } from '@packwise/budgets';
import { HOSTILE_BUDGET, removeProjects, reportOf, result, runHostile } from './fixtures/harness';

afterAll(removeProjects);

/** `|` not escaped by a backslash (an escaped backslash does not escape what follows). */
const unescapedPipes = (line: string) => (line.replace(/\\./g, '').match(/\|/g) ?? []).length;

/** The tables of a Markdown text: runs of lines starting with `|`. */
function tables(markdown: string): string[][] {
  const found: string[][] = [];
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) current = undefined;
    else if (current) current.push(line);
    else found.push((current = [line]));
  }
  return found;
}

const ALLOWED_TAGS = /<\/?(details|summary|sub)>|<br>/g;

describe('markdown format', () => {
  it('says pass or fail with counts in the headline', () => {
    expect(FORMATS.markdown(reportOf([result(), result()]))).toMatch(
      /^### ✅ packwise: all 2 budget checks passed\n/,
    );
    const failed = reportOf([result(), result({ status: 'fail', problems: ['x is too big'] })]);
    expect(FORMATS.markdown(failed)).toMatch(/^### ❌ packwise: 1 of 2 budget checks failed\n/);
    const warned = reportOf([result({ status: 'fail', severity: 'warning', problems: ['x'] })]);
    expect(FORMATS.markdown(warned)).toMatch(
      /^### ✅ packwise: the budget check passed \(1 with a warning\)/,
    );
  });

  it('tables the results and lists the problems with the largest modules', () => {
    const failing = result({
      status: 'fail',
      actual: 45_000,
      problems: ['main.js is 45 kB brotli, over the limit of 40 kB by 5 kB'],
      largestModules: [{ name: './src/app.js', size: 20_000 }],
    });
    const markdown = FORMATS.markdown(reportOf([failing]));
    expect(markdown).toContain('| Status | Budget | Target | Size | Limit |');
    expect(markdown).toContain('| ❌ fail | main js | main.3fa76445bb2847ba8c57.js | 45 kB brotli | 40 kB |');
    expect(markdown).toContain(
      '- ❌ main.js is 45 kB brotli, over the limit of 40 kB by 5 kB\n  - largest modules: ./src/app.js 20 kB',
    );
    expect(markdown).not.toContain('<details>');
  });

  it('collapses the per-asset diff in <details>', () => {
    const deltas = [
      { key: 'main.js', status: 'grown' as const, delta: { raw: 2000, gzip: 600, brotli: 500 } },
      { key: 'same.js', status: 'unchanged' as const, delta: { raw: 0, gzip: 0, brotli: 0 } },
    ];
    const markdown = FORMATS.markdown(reportOf([result({ baseline: 34_500 })], deltas));
    expect(markdown).toContain('| +500 B |\n');
    expect(markdown).toMatch(
      /<details>\n<summary>Assets against the baseline: 1 grown, 1 unchanged<\/summary>\n\n\| Asset \|/,
    );
    expect(markdown).toContain('| main.js | grown | — | — | +500 B | +2 kB |');
    expect(markdown).not.toContain('same.js');
  });

  it('escapes hostile names: every row keeps its columns, no HTML gets through', async () => {
    const { code, stdout } = await runHostile('markdown');
    expect(code).toBe(1);
    const found = tables(stdout);
    expect(found).toHaveLength(2);
    for (const table of found) {
      const columns = unescapedPipes(table[0] as string);
      expect(table.map(unescapedPipes)).toEqual(table.map(() => columns));
    }
    expect(found[0]).toHaveLength(2 + 7); // header, separator, one row per asset
    expect(found[1]).toHaveLength(2 + 7); // a|b.js added, six grown
    expect(stdout.replace(ALLOWED_TAGS, '')).not.toMatch(/[<>]/);
    expect(stdout).not.toMatch(/(^|[^\\])[`*_[\]]/m);
    expect(stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;.js');
    expect(stdout).toContain('a\\|b.js');
    expect(stdout).toContain('\\`tick\\`.js');
    expect(stdout).toContain('new<br>line.js');
    expect(stdout).toContain('all: &lt;b&gt;js&lt;/b&gt;, "every" \\| \\`file\\` \\[x\\](y) \\*z\\* \\_w\\_');
    expect(HOSTILE_BUDGET).toContain('<b>');
  });
});
