import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { commandOf, run } from '@packwise/cli';
import type { RunOptions } from '@packwise/cli';
import { makeTempDir, repoRoot } from '@packwise/test-utils';

const REPORT = path.join(repoRoot, 'packages/budgets/test/fixtures/report.json');
const MAIN_JS = { name: 'main js', path: 'main.*.js', limit: '40 kB' };

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A temp directory holding `files` (objects written as JSON). */
async function project(files: Record<string, string | object> = {}): Promise<string> {
  const dir = await makeTempDir('packwise-cli-');
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

/** `packwise <argv>` in-process, its output captured. */
async function packwise(argv: string[], options: Partial<RunOptions> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run({
    argv,
    cwd: options.cwd ?? (await project()),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    ...(options.signal && { signal: options.signal }),
  });
  return { code, stdout, stderr };
}

type Result = Awaited<ReturnType<typeof packwise>>;

/** Exit 2 with exactly one line on stderr that matches `reason`, and nothing on stdout. */
function expectOneLine(result: Result, reason: RegExp): void {
  expect(result).toMatchObject({ code: 2, stdout: '' });
  expect(result.stderr.split('\n')).toEqual([expect.stringMatching(reason), '']);
  expect(result.stderr).not.toContain('    at ');
}

describe('packwise: help, version and usage errors', () => {
  it('prints every command with --help or -h and exits 0', async () => {
    for (const flag of ['--help', '-h']) {
      const result = await packwise([flag]);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/^Usage: packwise <command> \[options\]/);
      for (const command of ['check', 'inspect', 'serve', 'report'])
        expect(result.stdout).toContain(`  packwise ${command} `);
    }
  });

  it("prints each command's own usage with <command> --help and exits 0", async () => {
    const usages: [string, RegExp][] = [
      ['check', /^Usage: packwise check \(--report FILE/],
      ['inspect', /^Usage: packwise inspect \[--config FILE\]/],
      ['serve', /^Usage: packwise-serve <dir>/],
    ];
    for (const [command, usage] of usages) {
      const result = await packwise([command, '--help']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(usage);
    }
  });

  it("prints @packwise/cli's version with --version and exits 0", async () => {
    const { version } = JSON.parse(await readFile(path.join(__dirname, '..', 'package.json'), 'utf8'));
    expect(await packwise(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each<[string, string[], RegExp]>([
    ['no command', [], /^packwise: missing command: check, inspect, serve, report \(see packwise --help\)$/],
    [
      'an unknown command',
      ['bundle'],
      /^packwise: unknown command "bundle": the commands are check, inspect/,
    ],
    ['a prototype key as a command', ['constructor'], /^packwise: unknown command "constructor"/],
    ['an unknown option', ['--verbose'], /^packwise: unknown option --verbose \(see packwise --help\)$/],
    ['an unknown option of check', ['check', '--dri', 'dist'], /^packwise: Unknown option '--dri'/],
    ['an unknown option of inspect', ['inspect', '--jsn'], /^packwise: unknown argument --jsn/],
    ['an unknown option of serve', ['serve', 'dist', '--open'], /^packwise serve: Unknown option '--open'/],
  ])('%s exits 2 with one line', async (_label, argv, reason) => {
    expectOneLine(await packwise(argv), reason);
  });
});

describe('packwise check', () => {
  const check = async (limit: string, ...more: string[]) =>
    packwise(['check', '--report', REPORT, ...more], {
      cwd: await project({ 'packwise.config.json': { budgets: [{ ...MAIN_JS, limit }] } }),
    });

  it('exits 0 when every budget passes', async () => {
    const result = await check('40 kB');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('main js');
  });

  it('exits 1 when a budget is exceeded', async () => {
    const result = await check('30 kB');
    expect(result).toMatchObject({ code: 1, stderr: '' });
    expect(result.stdout).toContain('over the limit of 30 kB by 5 kB');
  });

  it('exits 2 with one line for a bad input', async () => {
    expectOneLine(
      await check('40 kB', '--baseline', 'no-such-report.json'),
      /^packwise: .*no-such-report\.json/,
    );
    expectOneLine(await packwise(['check']), /^packwise: check needs an input: --report FILE/);
    expectOneLine(
      await packwise(['check', '--report', REPORT], {
        cwd: await project({ 'packwise.config.json': { budgets: [{ ...MAIN_JS, limit: 'big' }] } }),
      }),
      /^packwise: .*budgets\[0\]\.limit is not a byte size/,
    );
  });
});

describe('packwise inspect', () => {
  it('exits 2 with one line for a missing config', async () => {
    expectOneLine(
      await packwise(['inspect', '--config', 'missing.config.js']),
      /^packwise: .*missing\.config\.js/,
    );
    expectOneLine(
      await packwise(['inspect']),
      /^packwise: no webpack\.config\.js or rspack\.config\.js \(\.cjs, \.mjs\) in /,
    );
  });
});

describe('packwise serve', () => {
  it('exits 2 with one line for a missing folder', async () => {
    expectOneLine(
      await packwise(['serve', 'no-such-build']),
      /^packwise serve: no-such-build does not exist$/,
    );
  });

  it('serves a folder until the signal closes it, then exits 0', async () => {
    const cwd = await project({ 'dist/index.html': '<!doctype html><title>app</title>' });
    const controller = new AbortController();
    let stdout = '';
    const code = run({
      argv: ['serve', 'dist', '--port', '0'],
      cwd,
      stdout: {
        write: (text: string) => {
          stdout += text;
          controller.abort();
        },
      },
      stderr: { write: (text: string) => (stdout += text) },
      signal: controller.signal,
    });
    expect(await code).toBe(0);
    expect(stdout).toMatch(/^packwise serve: http:\/\/127\.0\.0\.1:\d+\/ \(dist\)\n$/);
  });
});

describe('packwise report', () => {
  it("prints @packwise/report's usage with --help and exits 0", async () => {
    const result = await packwise(['report', '--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Usage: packwise report /);
  });

  it('writes the HTML report of a packwise-report.json and exits 0', async () => {
    const cwd = await project();
    const result = await packwise(['report', '--report', REPORT, '--out', 'report.html'], { cwd });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^packwise report: wrote .*report\.html/);
    expect(await readFile(path.join(cwd, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('exits 2 with one line for a missing input or an unknown option', async () => {
    expectOneLine(
      await packwise(['report', '--report', 'no-such.json']),
      /^packwise report: .*no-such\.json/,
    );
    expectOneLine(await packwise(['report', '--treemap']), /^packwise report: Unknown option '--treemap'/);
  });

  /** What node's require throws for a package that is not installed (jest's own require maps every name). */
  const notFound = (name: string) => () => {
    throw Object.assign(new Error(`Cannot find module '${name}'\nRequire stack:\n- /app/x.js`), {
      code: 'MODULE_NOT_FOUND',
    });
  };

  it('says in one line how to install a missing command package', () => {
    expect(() => commandOf('@packwise/report', 'report', notFound('@packwise/report'))).toThrow(
      /^report needs @packwise\/report: npm install --save-dev @packwise\/report$/,
    );
  });

  it('passes on what a command package fails with itself, and names a package without the command', () => {
    expect(() => commandOf('@packwise/report', 'report', notFound('d3-hierarchy'))).toThrow(
      /^Cannot find module 'd3-hierarchy'/,
    );
    expect(() => commandOf('@packwise/report', 'report', () => ({}))).toThrow(
      /^@packwise\/report has no report command: update it$/,
    );
  });
});
