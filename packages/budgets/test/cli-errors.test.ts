import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { code, expectUsageError, fixture, project, removeProjects, runCli } from './fixtures/harness';

afterAll(removeProjects);

const BUDGETS = { budgets: [{ path: '*.js', limit: '1 MB' }] };
const REPORT = fixture('report.json');

/** A project holding `files` (with a valid config unless given), then `packwise <argv>` in it. */
async function checkIn(files: Record<string, string | object>, ...argv: string[]) {
  const cwd = await project({ 'packwise.config.json': BUDGETS, ...files });
  return runCli(['check', ...argv], { cwd });
}

describe('packwise check: each bad input exits 2 with one line on stderr', () => {
  const cases: [string, () => ReturnType<typeof checkIn>, RegExp][] = [
    [
      'a missing report',
      () => checkIn({}, '--report', 'missing.json'),
      /--report missing\.json: no such file/,
    ],
    [
      'an empty report',
      () => checkIn({ 'r.json': '' }, '--report', 'r.json'),
      /--report r\.json: the file is empty/,
    ],
    [
      'a blank stats file',
      () => checkIn({ 's.json': ' \n' }, '--stats', 's.json'),
      /--stats s\.json: the file is empty/,
    ],
    [
      'corrupt JSON',
      () => checkIn({ 'r.json': '{"version": 1,' }, '--report', 'r.json'),
      /r\.json: not valid JSON/,
    ],
    [
      'a directory as a file',
      () => checkIn({ 'd/x.js': 'x' }, '--report', 'd'),
      /--report d: is a directory/,
    ],
    [
      'stats without assets',
      () => checkIn({ 's.json': { version: '5.113.0', entrypoints: {} } }, '--stats', 's.json'),
      /--stats s\.json: no assets in these stats/,
    ],
    [
      'stats with an empty asset list',
      () => checkIn({ 's.json': { assets: [] } }, '--stats', 's.json'),
      /no assets in these stats/,
    ],
    [
      'stats whose files cannot be found',
      () => checkIn({ 's.json': { assets: [{ name: 'main.js', size: 10 }] } }, '--stats', 's.json'),
      /--stats s\.json: the stats hold no compressed sizes and no outputPath \(pass the output directory with --dir\)/,
    ],
    [
      'stats whose outputPath lacks a file',
      () => checkIn({ 's.json': { outputPath: '.', assets: [{ name: 'gone.js' }] } }, '--stats', 's.json'),
      /cannot measure gone\.js: not in /,
    ],
    [
      'webpack stats given as --report',
      () => checkIn({ 's.json': { version: '5.113.0', assets: [{ name: 'a.js' }] } }, '--report', 's.json'),
      /--report s\.json: not a packwise report .*use --stats/,
    ],
    [
      'a report asset without sizes',
      () => checkIn({ 'r.json': { version: 1, assets: [{ name: 'a.js', raw: 1 }] } }, '--report', 'r.json'),
      /assets\[0\] needs a name and raw, gzip and brotli sizes/,
    ],
    ['a missing --dir', () => checkIn({}, '--dir', 'dist'), /--dir dist: no such directory/],
    [
      'a --dir without code',
      () => checkIn({ 'dist/logo.png': 'png' }, '--dir', 'dist'),
      /--dir dist: no JS, CSS or HTML/,
    ],
    [
      'an unknown config key',
      () =>
        checkIn(
          { 'packwise.config.json': { budgets: [{ path: '*.js', limit: 1, colour: 'red' }] } },
          '--report',
          REPORT,
        ),
      /packwise\.config\.json: budgets\[0\] has an unknown property 'colour'/,
    ],
    [
      'an unknown top-level config key',
      () => checkIn({ 'packwise.config.json': { budget: [] } }, '--report', REPORT),
      /the config has an unknown property 'budget'\. These properties are valid: object \{ budgets, tolerance\? \}/,
    ],
    [
      'a limit of "12 parsecs"',
      () =>
        checkIn(
          { 'packwise.config.json': { budgets: [{ path: '*.js', limit: '12 parsecs' }] } },
          '--report',
          REPORT,
        ),
      /packwise\.config\.json: budgets\[0\]\.limit is not a byte size such as 170000 or "170 kB"/,
    ],
    [
      'an unknown compression',
      () =>
        checkIn(
          { 'packwise.config.json': { budgets: [{ path: '*.js', limit: 1, compression: 'lzma' }] } },
          '--report',
          REPORT,
        ),
      /packwise\.config\.json: budgets\[0\]\.compression should be one of these: "none" \| "gzip" \| "brotli" \| "zstd"/,
    ],
    [
      'a size-limit check asking for zstd',
      () =>
        checkIn(
          { '.size-limit.json': [{ path: 'dist/*.js', limit: '10 kB', zstd: true }] },
          '--report',
          REPORT,
          '--config',
          '.size-limit.json',
        ),
      /\.size-limit\.json\[0\] has an unknown key "zstd": size-limit has no zstd; write the budget in packwise\.config\.json with "compression": "zstd"/,
    ],
    [
      'a size-limit limit of "12 parsecs"',
      () =>
        checkIn(
          { '.size-limit.json': [{ path: 'dist/*.js', limit: '12 parsecs' }] },
          '--report',
          REPORT,
          '--config',
          '.size-limit.json',
        ),
      /\.size-limit\.json\[0\]\.limit: Invalid byte size "12 parsecs"/,
    ],
    [
      'a corrupt config',
      () => checkIn({ 'packwise.config.json': '{ budgets: ' }, '--report', REPORT),
      /cannot read the config: /,
    ],
    [
      'a missing --config',
      () => checkIn({}, '--report', REPORT, '--config', 'nope.json'),
      /cannot read nope\.json: ENOENT/,
    ],
    [
      'no config at all',
      async () => runCli(['check', '--report', REPORT], { cwd: await project() }),
      /no budgets: add packwise\.config\.json/,
    ],
    [
      'an entry budget with --dir alone',
      () =>
        checkIn(
          {
            'packwise.config.json': { budgets: [{ name: 'first load', initial: true, limit: '1 MB' }] },
            'dist/a.js': 'a',
          },
          '--dir',
          'dist',
        ),
      /budget "first load" needs entry information that --dir alone lacks/,
    ],
    [
      'a missing baseline',
      () => checkIn({}, '--report', REPORT, '--baseline', 'base.json'),
      /--baseline base\.json: no such file/,
    ],
    [
      'an empty baseline',
      () => checkIn({ 'base.json': '' }, '--report', REPORT, '--baseline', 'base.json'),
      /--baseline base\.json: the file is empty/,
    ],
    [
      'a stats baseline without sizes or outputPath',
      () =>
        checkIn(
          { 'base.json': { assets: [{ name: 'main.js', size: 9 }] } },
          '--report',
          REPORT,
          '--baseline',
          'base.json',
        ),
      /--baseline base\.json: the stats hold no compressed sizes and no outputPath \(keep the base branch's output directory/,
    ],
    [
      'a stats baseline whose outputPath is gone',
      () =>
        checkIn(
          { 'base.json': { outputPath: '/no/such/base/dist', assets: [{ name: 'main.js' }] } },
          '--report',
          REPORT,
          '--baseline',
          'base.json',
        ),
      /--baseline base\.json: cannot measure its files: \/no\/such\/base\/dist is not a directory/,
    ],
  ];

  it.each(cases)('%s', async (_, check, reason) => {
    expectUsageError(await check(), reason);
  });
});

describe('packwise check: a stats baseline', () => {
  it('is measured from its outputPath', async () => {
    const base = await project({ 'dist/main.0123456789abcdef.js': code(3000) });
    const stats = { outputPath: path.join(base, 'dist'), assets: [{ name: 'main.0123456789abcdef.js' }] };
    await writeFile(path.join(base, 'stats.json'), JSON.stringify(stats));
    const cwd = await project({
      'packwise.config.json': { budgets: [{ path: 'main.*.js', maxIncrease: '1 kB', compression: 'none' }] },
    });
    const result = await runCli(
      ['check', '--report', REPORT, '--baseline', path.join(base, 'stats.json'), '--format', 'json'],
      { cwd },
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).results).toMatchObject([
      { baseline: 3000, actual: 120_000, status: 'fail' },
    ]);
  });
});
