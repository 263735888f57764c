import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from '@packwise/cli';
import { RSPACK_STATS_OPTIONS, STATS_OPTIONS } from '@packwise/report';
import { bundler, compile, makeTempDir } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { routesConfig } from '../../../budgets/test/bundlers/routes-app';

// `packwise check` and `packwise report` through @packwise/cli's run, on the stats of a build by the bundler
// under test (the options the budgets and report READMEs say to save on it).

const { name, version, rspack } = bundler();
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function packwise(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await run({
    argv,
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe(`packwise on the stats of a ${name} ${version} build`, () => {
  let build: BuildResult;
  let cwd: string;
  beforeAll(async () => {
    build = await compile(routesConfig([]));
    cwd = await makeTempDir('packwise-cli-bundlers-');
    made.push(cwd);
    const stats = build.stats.toJson({
      ...(rspack ? RSPACK_STATS_OPTIONS : STATS_OPTIONS),
      relatedAssets: true,
    });
    await writeFile(path.join(cwd, 'stats.json'), JSON.stringify(stats));
    await writeFile(
      path.join(cwd, 'no-assets.json'),
      JSON.stringify({ version: '5.75.0', rspackVersion: version }),
    );
  });

  const config = (limit: string | number) =>
    writeFile(
      path.join(cwd, 'packwise.config.json'),
      JSON.stringify({
        budgets: [
          { initial: true, limit },
          { entry: 'main', limit },
        ],
      }),
    );

  it('check exits 0 when the budgets hold, 1 when one fails, 2 for stats without assets', async () => {
    await config('1 MB');
    expect(await packwise(['check', '--stats', 'stats.json'], cwd)).toMatchObject({ code: 0, stderr: '' });
    await config(1000);
    const over = await packwise(['check', '--stats', 'stats.json'], cwd);
    expect(over.code).toBe(1);
    expect(over.stdout).toMatch(/initial main/);
    expect(over.stdout).toMatch(/entry main/);
    const none = await packwise(['check', '--stats', 'no-assets.json'], cwd);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toMatch(
      /^packwise: --stats no-assets\.json: no assets in these stats \(Rspack: save them with stats\.toJson\(\{/,
    );
  });

  it('report writes the page, without a warning, from the stats saved as the README says', async () => {
    const result = await packwise(
      ['report', '--stats', 'stats.json', '--dir', build.outputDir, '--out', 'r.html'],
      cwd,
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^packwise report: wrote .*r\.html/);
  });
});
