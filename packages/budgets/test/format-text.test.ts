import { FORMATS } from '@packwise/budgets';
import { readFileSync } from 'node:fs';
import { fixture, removeProjects, reportOf, result, runHostile } from './fixtures/harness';

afterAll(removeProjects);

// eslint-disable-next-line no-control-regex -- ANSI escapes are what this finds
const ANSI = /\u001b\[\d+m/g;

describe('text format', () => {
  const failing = result({
    status: 'fail',
    actual: 45_000,
    problems: ['main.js is 45 kB brotli, over the limit of 40 kB by 5 kB'],
    largestModules: [{ name: './src/app.js', size: 20_000 }],
  });

  it('tables budget, target, size, limit and status, then the problems', () => {
    const text = FORMATS.text(reportOf([result({ budget: 'vendor', target: 'vendor.js' }), failing]));
    expect(text.split('\n')).toEqual([
      '  Budget   Target                        Size          Limit  Status',
      '  vendor   vendor.js                     35 kB brotli  40 kB  ✔ pass',
      '  main js  main.3fa76445bb2847ba8c57.js  45 kB brotli  40 kB  ✖ FAIL',
      '',
      '  ✖ main.js is 45 kB brotli, over the limit of 40 kB by 5 kB',
      '    largest modules: ./src/app.js 20 kB',
      '',
      '2 budget checks: 1 passed, 1 failed, 0 warnings',
      '',
    ]);
  });

  it('names the files a failed total counted, the page among them, ten at most', () => {
    const firstLoad = result({
      budget: 'first page load',
      target: 'initial main',
      status: 'fail',
      problems: ['initial main is 45 kB brotli, over the limit of 40 kB by 5 kB'],
      files: ['js/main.1234abcd.js', 'css/main.css', 'index.html'],
    });
    const many = result({
      target: 'entry main',
      status: 'fail',
      problems: ['entry main is over'],
      files: Array.from({ length: 12 }, (_, i) => `chunk${i}.js`),
    });
    const lines = FORMATS.text(reportOf([firstLoad, many])).split('\n');
    expect(lines).toContain('    files: js/main.1234abcd.js, css/main.css, index.html');
    expect(lines).toContain(
      `    files: ${Array.from({ length: 10 }, (_, i) => `chunk${i}.js`).join(', ')} and 2 more`,
    );
    expect(FORMATS.markdown(reportOf([firstLoad]))).toContain(
      '  - files: js/main.1234abcd.js, css/main.css, index.html\n',
    );
    expect(FORMATS.github(reportOf([firstLoad]))).toContain(
      '%0Afiles: js/main.1234abcd.js, css/main.css, index.html\n',
    );
  });

  it('adds a change column and the asset deltas with a baseline', () => {
    const deltas = [
      {
        key: 'gone.js',
        status: 'removed' as const,
        before: { name: 'gone.0123456789abcdef.js', raw: 3000, gzip: 900, brotli: 800 },
        delta: { raw: -3000, gzip: -900, brotli: -800 },
      },
      { key: 'same.js', status: 'unchanged' as const, delta: { raw: 4, gzip: 2, brotli: 1 } },
    ];
    const text = FORMATS.text(reportOf([result({ baseline: 36_000, maxIncrease: { percent: 5 } })], deltas));
    expect(text).toMatch(/Limit +Change +Status\n/);
    expect(text).toMatch(/40 kB, max \+5% +-1 kB +✔ pass\n/);
    expect(text).toContain('Assets against the baseline (brotli): 1 removed, 1 unchanged\n');
    expect(text).toMatch(/ {2}removed {2}gone\.js {2}800 B → — {2}-800 B \(raw -3 kB\)\n/);
    expect(text).not.toContain('same.js');
  });

  it('colours only when asked, and colours do not shift the columns', () => {
    const report = reportOf([result(), failing]);
    expect(FORMATS.text(report)).not.toMatch(ANSI);
    const coloured = FORMATS.text(report, { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI, '')).toBe(FORMATS.text(report));
  });

  it('shows control characters in names instead of printing them', async () => {
    const { stdout } = await runHostile('text');
    expect(stdout).toContain('new\\nline.js');
    expect(stdout).not.toMatch(/new\nline/);
    expect(FORMATS.text(reportOf([result({ target: 'evil\u001b[2J.js' })]))).toContain('evil\\x1b[2J.js');
  });
});

describe('json format', () => {
  it('is the report itself', async () => {
    const report = reportOf([result({ status: 'fail', problems: ['x'] })]);
    expect(JSON.parse(FORMATS.json(report))).toEqual(report);
    expect(FORMATS.json(report)).toMatch(/^\{\n {2}"version": 1,\n/);
    const { stdout } = await runHostile('json');
    const hostile = JSON.parse(readFileSync(fixture('hostile-report.json'), 'utf8'));
    expect(JSON.parse(stdout).assets).toEqual(hostile.assets);
  });
});
