import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from '@packwise/budgets';
import { expectUsageError, fixture, project, removeProjects, runCli } from './fixtures/harness';

afterAll(removeProjects);

const MAIN_JS = { name: 'main js', path: 'main.*.js', limit: '40 kB' };
const withBudgets = (budgets: object[]) => project({ 'packwise.config.json': { budgets } });
const check = (cwd: string, ...more: string[]) =>
  runCli(['check', '--report', fixture('report.json'), ...more], { cwd });

describe('packwise check: commands and exit codes', () => {
  it('prints help with --help or -h, the version with --version, and exits 0', async () => {
    const cwd = await project();
    for (const argv of [['--help'], ['check', '-h']]) {
      const result = await runCli(argv, { cwd });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain('Usage: packwise check');
    }
    const pkg = JSON.parse(await readFile(path.join(__dirname, '..', 'package.json'), 'utf8'));
    expect(await runCli(['--version'], { cwd })).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('exits 0 when every budget passes and 1 when one fails', async () => {
    const pass = await check(await withBudgets([MAIN_JS]));
    expect(pass.code).toBe(0);
    expect(pass.stderr).toBe('');
    const fail = await check(await withBudgets([{ ...MAIN_JS, limit: '30 kB' }]));
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain('over the limit of 30 kB by 5 kB');
  });

  it('exits 0 when only a warning-severity budget fails, and reports the warning', async () => {
    const result = await check(await withBudgets([{ ...MAIN_JS, limit: '30 kB', severity: 'warning' }]));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 budget check: 0 passed, 0 failed, 1 warning');
  });

  it('re-evaluates a report: its old verdicts are ignored', async () => {
    const result = await check(await withBudgets([MAIN_JS]), '--format', 'json');
    const report = JSON.parse(result.stdout);
    expect(report.results.map((r: { budget: string }) => r.budget)).toEqual(['main js']);
  });

  it('writes --output to a file and prints a one-line summary', async () => {
    const cwd = await withBudgets([MAIN_JS, { path: 'vendor.*.js', limit: '50 kB' }]);
    const result = await check(cwd, '--format', 'markdown', '--output', 'out/budgets.md');
    expect(result).toEqual({
      code: 1,
      stdout: '2 budget checks: 1 passed, 1 failed, 0 warnings (markdown written to out/budgets.md)\n',
      stderr: '',
    });
    expect(await readFile(path.join(cwd, 'out/budgets.md'), 'utf8')).toMatch(/^### ❌ packwise: 1 of 2/);
  });

  it('finds the config in package.json "packwise", or takes --config', async () => {
    const cwd = await project({
      'package.json': { name: 'app', packwise: { budgets: [MAIN_JS] } },
      'ci/strict.json': { budgets: [{ ...MAIN_JS, name: 'strict', limit: 1000 }] },
    });
    expect((await check(cwd)).stdout).toContain('main js');
    const strict = await check(cwd, '--config', 'ci/strict.json');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('strict');
  });
});

describe('packwise check: colours', () => {
  const ANSI = '\u001b[';
  const colours = async (env: Record<string, string>, isTTY: boolean) =>
    (
      await runCli(['check', '--report', fixture('report.json')], {
        cwd: await withBudgets([MAIN_JS]),
        env,
        isTTY,
      })
    ).stdout;

  it('colours text on a terminal only', async () => {
    expect(await colours({}, true)).toContain(ANSI);
    expect(await colours({}, false)).not.toContain(ANSI);
  });

  it('never with NO_COLOR, always with FORCE_COLOR', async () => {
    expect(await colours({ NO_COLOR: '1' }, true)).not.toContain(ANSI);
    expect(await colours({ FORCE_COLOR: '1' }, false)).toContain(ANSI);
    expect(await colours({ NO_COLOR: '1', FORCE_COLOR: '1' }, true)).not.toContain(ANSI);
  });

  it('never in a file written with --output', async () => {
    const cwd = await withBudgets([MAIN_JS]);
    const argv = ['check', '--report', fixture('report.json'), '--output', 'out.txt'];
    await runCli(argv, { cwd, isTTY: true });
    expect(await readFile(path.join(cwd, 'out.txt'), 'utf8')).not.toContain(ANSI);
  });
});

describe('packwise check: usage errors exit 2 with one line', () => {
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /missing command/],
    ['an unknown command', ['budget'], /unknown command "budget"/],
    ['an unknown option', ['check', '--dri', 'dist'], /Unknown option '--dri'/],
    ['an option without its value', ['check', '--report'], /--report/],
    ['an extra argument', ['check', 'dist', '--dir', 'dist'], /unexpected argument "dist"/],
    ['no input', ['check'], /needs an input: --report FILE, --stats FILE or --dir DIR/],
    ['two inputs', ['check', '--report', 'a.json', '--dir', 'dist'], /--report and --dir cannot be combined/],
    ['an unknown format', ['check', '--dir', 'dist', '--format', 'html'], /--format must be .* not "html"/],
    ['an empty value', ['check', '--dir='], /--dir needs a value/],
  ];
  it.each(cases)('%s', async (_, argv, reason) => {
    expectUsageError(await runCli(argv, { cwd: await project() }), reason);
  });

  it('turns an unexpected exception into its message alone', async () => {
    const cwd = await withBudgets([MAIN_JS]);
    let stderr = '';
    const code = await run({
      argv: ['check', '--report', fixture('report.json')],
      cwd,
      env: {},
      stdout: {
        write: () => {
          throw new Error('write EPIPE');
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
    });
    expect({ code, stderr }).toEqual({ code: 2, stderr: 'packwise: write EPIPE\n' });
  });
});

describe('packwise inspect', () => {
  it('hands over to @packwise/preset, which reports a missing config as a usage error', async () => {
    const stdout = {
      text: '',
      write(chunk: string) {
        this.text += chunk;
      },
    };
    const stderr = {
      text: '',
      write(chunk: string) {
        this.text += chunk;
      },
    };
    const code = await run({
      argv: ['inspect', '--config', 'missing.config.js'],
      cwd: __dirname,
      env: {},
      stdout,
      stderr,
    });
    expect(code).toBe(2);
    expect(stderr.text).toMatch(/^packwise: .*missing\.config\.js/);
    expect(stderr.text.trim().split('\n')).toHaveLength(1);
  });
});

describe('packwise serve', () => {
  it('hands over to @packwise/serve, which reports a missing folder with exit code 2 and one line', async () => {
    let stderr = '';
    const code = await run({
      argv: ['serve', 'no-such-build'],
      cwd: __dirname,
      env: {},
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
    });
    expect({ code, lines: stderr.trim().split('\n').length }).toEqual({ code: 2, lines: 1 });
    expect(stderr).toMatch(/no-such-build/);
  });
});
