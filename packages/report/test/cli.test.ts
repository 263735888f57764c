import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeTempDir } from '@packwise/test-utils';
import { readModelFromHtml, report } from '@packwise/report';

// `packwise report` in-process: exit codes and one-line errors; the happy path from a report alone.

async function run(argv: string[], cwd: string) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await report({
    argv,
    cwd,
    stdout: { write: (text: string) => stdout.push(text) },
    stderr: { write: (text: string) => stderr.push(text) },
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

const BUDGETS_REPORT = {
  version: 1,
  assets: [
    { name: 'main.0123456789abcdef.js', raw: 1000, gzip: 400, brotli: 300 },
    { name: 'index.html', raw: 300, gzip: 200, brotli: 150 },
  ],
  entries: {
    main: { initial: ['main.0123456789abcdef.js'], all: ['main.0123456789abcdef.js'], pages: ['index.html'] },
  },
  largestModules: { 'main.0123456789abcdef.js': [{ name: './src/index.js', size: 2000 }] },
  results: [
    {
      budget: 'app',
      target: 'main.0123456789abcdef.js',
      compression: 'brotli',
      actual: 300,
      limit: 320,
      status: 'pass',
    },
  ],
};

describe('packwise report', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir('packwise-report-cli-');
    await writeFile(path.join(dir, 'packwise-report.json'), JSON.stringify(BUDGETS_REPORT));
    await writeFile(path.join(dir, 'broken.json'), '{ nope');
    await mkdir(path.join(dir, 'dist'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads packwise-report.json by default and writes packwise-report.html; --open prints its URL', async () => {
    const result = await run(['--open'], dir);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^packwise report: wrote .*packwise-report\.html \(.+\)\n/);
    expect(result.stdout).toContain(`file://${dir}/packwise-report.html`);
    const model = readModelFromHtml(await readFile(path.join(dir, 'packwise-report.html'), 'utf8'));
    // Without stats: one chunk per file with the largest modules the report lists; a budget at 94 % is near.
    expect(model?.chunks).toMatchObject([{ name: 'main.js', status: 'near', modules: [0] }]);
    expect(model?.routes).toMatchObject([{ name: 'main', kind: 'entry', sizes: { brotli: 450 } }]);
  });

  it('prints usage for --help and exits 0', async () => {
    const result = await run(['--help'], dir);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Usage: packwise report/);
  });

  it.each([
    [['--nope'], /^packwise report: Unknown option '--nope'/],
    [['--report', 'missing.json'], /^packwise report: cannot read --report .*missing\.json$/],
    [['--report', 'broken.json'], /^packwise report: --report .*broken\.json is not JSON$/],
    [['--stats', 'broken.json'], /^packwise report: --stats .*broken\.json is not JSON$/],
    [['--stats', 'packwise-report.json'], /^packwise report: --stats packwise-report\.json has no chunks/],
    [
      ['--report', 'packwise-report.json', '--stats', 's.json'],
      /^packwise report: give --report or --stats, not both$/,
    ],
    [['--dir', 'dist'], /^packwise report: --dir goes with --stats$/],
    [['--baseline', 'missing.html'], /^packwise report: cannot read --baseline .*missing\.html$/],
    [['--baseline', 'broken.json'], /^packwise report: --baseline .*broken\.json is not JSON$/],
    [['--out', 'no/such/dir/r.html'], /^packwise report: cannot write --out /],
  ])('%j exits 2 with one line', async (argv, message) => {
    const result = await run(argv, dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd()).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
