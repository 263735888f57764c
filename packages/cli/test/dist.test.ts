import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir, repoRoot, toPosix } from '@packwise/test-utils';

// The built package as users get it: node's own require (jest's maps @packwise/* to packages/*/src), its
// bin, and what `npm pack` puts in the tarball. `tsc -b` first: a no-op when the packages are built.

const run = promisify(execFile);
const cliDir = path.join(repoRoot, 'packages/cli');
const REPORT = path.join(repoRoot, 'packages/budgets/test/fixtures/report.json');
let cwd: string;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-b', cliDir], {
    cwd: repoRoot,
  });
  cwd = await makeTempDir('packwise-cli-dist-');
  await writeFile(
    path.join(cwd, 'packwise.config.json'),
    JSON.stringify({ budgets: [{ path: 'main.*.js', limit: '40 kB' }] }),
  );
}, 240_000);

afterAll(() => rm(cwd, { recursive: true, force: true }));

/** `node -e <script>` in the project, its stdout parsed as JSON. */
async function evaluate(script: string): Promise<unknown> {
  const { stdout } = await run(process.execPath, ['-e', script], { cwd });
  return JSON.parse(stdout) as unknown;
}

describe('packwise check', () => {
  it('loads neither webpack nor the preset nor the server nor the HTML report', async () => {
    const { code, modules } = (await evaluate(`
      const { run } = require(${JSON.stringify(path.join(cliDir, 'dist'))});
      const quiet = { write: () => true };
      run({ argv: ['check', '--report', ${JSON.stringify(REPORT)}], cwd: process.cwd(), stdout: quiet, stderr: quiet })
        .then((code) => process.stdout.write(JSON.stringify({ code, modules: Object.keys(require.cache) })));
    `)) as { code: number; modules: string[] };
    expect(code).toBe(0);
    const loaded = modules.map(toPosix);
    expect(loaded).toContainEqual(expect.stringMatching(/\/packages\/budgets\/dist\/cli\/check\.js$/));
    const unwanted = loaded.filter((file) =>
      /\/node_modules\/webpack\/|\/packages\/(preset|serve|report)\/|\/node_modules\/@packwise\/(preset|serve|report)\//.test(
        file,
      ),
    );
    expect(unwanted).toEqual([]);
  });
});

describe('the bins', () => {
  const { version } = JSON.parse(readFileSync(path.join(cliDir, 'package.json'), 'utf8')) as {
    version: string;
  };

  it("@packwise/cli's packwise runs run(): --version prints the version, exit code 0", async () => {
    const { stdout, stderr } = await run(process.execPath, [
      path.join(cliDir, 'bin/packwise.js'),
      '--version',
    ]);
    expect({ stdout, stderr }).toEqual({ stdout: `${version}\n`, stderr: '' });
  });

  it("@packwise/budgets' packwise notes its deprecation and forwards to @packwise/cli", async () => {
    const bin = path.join(repoRoot, 'packages/budgets/bin/packwise.js');
    const { stdout, stderr } = await run(process.execPath, [bin, '--help']);
    expect(stderr).toBe('packwise from @packwise/budgets is deprecated: install @packwise/cli\n');
    expect(stdout).toMatch(/^Usage: packwise <command> \[options\]/);
  });

  it('exits 2 with one line naming a command package that is not installed', async () => {
    const message = await evaluate(`
      const { commandOf } = require(${JSON.stringify(path.join(cliDir, 'dist'))});
      try { commandOf('@packwise/no-such-package', 'report', () => require('@packwise/no-such-package')); }
      catch (error) { process.stdout.write(JSON.stringify(error.message)); }
    `);
    expect(message).toBe(
      'report needs @packwise/no-such-package: npm install --save-dev @packwise/no-such-package',
    );
  });
});

describe('npm pack', () => {
  it('ships only dist, bin, README.md, LICENSE and package.json', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '-w', '@packwise/cli'], {
      cwd: repoRoot,
    });
    const [pack] = JSON.parse(stdout) as [{ files: { path: string }[] }];
    const files = pack.files.map((file) => file.path);
    expect(
      files.filter(
        (file) =>
          !/^(dist\/[^/]+\.(js|d\.ts)|bin\/packwise\.js|README\.md|LICENSE|package\.json)$/.test(file),
      ),
    ).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/packwise.js',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/run.js',
        'README.md',
        'LICENSE',
        'package.json',
      ]),
    );
  });
});
