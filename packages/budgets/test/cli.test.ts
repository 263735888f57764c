import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { check, run } from '@packwise/budgets';
import { DEPRECATION, forward } from '../src/cli/forward';
import { expectUsageError, fixture, project, removeProjects, runCli } from './fixtures/harness';

afterAll(removeProjects);

const MAIN_JS = { name: 'main js', path: 'main.*.js', limit: '40 kB' };
const withBudgets = (budgets: object[]) => project({ 'packwise.config.json': { budgets } });
const checkReport = (cwd: string, ...more: string[]) =>
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
    const pass = await checkReport(await withBudgets([MAIN_JS]));
    expect(pass.code).toBe(0);
    expect(pass.stderr).toBe('');
    const fail = await checkReport(await withBudgets([{ ...MAIN_JS, limit: '30 kB' }]));
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain('over the limit of 30 kB by 5 kB');
  });

  it('exits 0 when only a warning-severity budget fails, and reports the warning', async () => {
    const result = await checkReport(
      await withBudgets([{ ...MAIN_JS, limit: '30 kB', severity: 'warning' }]),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 budget check: 0 passed, 0 failed, 1 warning');
  });

  it('re-evaluates a report: its old verdicts are ignored', async () => {
    const result = await checkReport(await withBudgets([MAIN_JS]), '--format', 'json');
    const report = JSON.parse(result.stdout);
    expect(report.results.map((r: { budget: string }) => r.budget)).toEqual(['main js']);
  });

  it('writes --output to a file and prints a one-line summary', async () => {
    const cwd = await withBudgets([MAIN_JS, { path: 'vendor.*.js', limit: '50 kB' }]);
    const result = await checkReport(cwd, '--format', 'markdown', '--output', 'out/budgets.md');
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
    expect((await checkReport(cwd)).stdout).toContain('main js');
    const strict = await checkReport(cwd, '--config', 'ci/strict.json');
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

/** Captured stdout and stderr, and the rest of the options of a run in this directory. */
function io() {
  const out = { stdout: '', stderr: '' };
  const options = {
    cwd: __dirname,
    env: {},
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
  };
  return { out, options };
}

describe('packwise check as a function', () => {
  it("takes the arguments after `check`: what @packwise/cli's packwise check runs", async () => {
    const cwd = await withBudgets([MAIN_JS]);
    const { out, options } = io();
    const code = await check({ argv: ['--report', fixture('report.json')], ...options, cwd });
    expect({ code, stderr: out.stderr }).toEqual({ code: 0, stderr: '' });
    expect(out.stdout).toContain('main js');
    const help = io();
    expect(await check({ argv: ['--help'], ...help.options, cwd })).toBe(0);
    expect(help.out.stdout).toMatch(/^Usage: packwise check /);
    expect(help.out.stdout).not.toMatch(/inspect|serve/);
  });

  it("names @packwise/cli for the commands this package's run does not have", async () => {
    for (const command of ['inspect', 'serve', 'report']) {
      expectUsageError(
        await runCli([command], { cwd: await project() }),
        `packwise: ${command} is a command of @packwise/cli: npm install --save-dev @packwise/cli\n`,
      );
    }
  });
});

describe("this package's deprecated packwise bin", () => {
  it("notes the deprecation on stderr and forwards to @packwise/cli's run when it is installed", async () => {
    const { out, options } = io();
    const cliRun = jest.fn(async () => 0);
    expect(await forward({ ...options, argv: ['inspect'] }, () => ({ run: cliRun }))).toBe(0);
    expect(cliRun).toHaveBeenCalledWith(expect.objectContaining({ argv: ['inspect'] }));
    expect(out.stderr).toBe(`${DEPRECATION}`);
    expect(DEPRECATION).toBe('packwise from @packwise/budgets is deprecated: install @packwise/cli\n');
  });

  it('runs check itself without @packwise/cli', async () => {
    const { out, options } = io();
    const code = await forward({ ...options, argv: ['check', '--help'] }, () => undefined);
    expect({ code, stderr: out.stderr }).toEqual({ code: 0, stderr: DEPRECATION });
    expect(out.stdout).toMatch(/^Usage: packwise check /);
  });
});
