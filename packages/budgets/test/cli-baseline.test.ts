import type { AssetDelta } from '@packwise/budgets';
import { fixture, parseReport, project, removeProjects, runCli } from './fixtures/harness';

afterAll(removeProjects);

const BASELINE = ['--baseline', fixture('base-report.json')];

async function checkAgainstBase(config: object, ...more: string[]) {
  const cwd = await project({ 'packwise.config.json': config });
  return runCli(['check', '--report', fixture('report.json'), ...BASELINE, ...more], { cwd });
}

const deltasOf = async (config: object) =>
  Object.fromEntries(
    (parseReport(await checkAgainstBase(config, '--format', 'json')).deltas ?? []).map((d: AssetDelta) => [
      d.key,
      d,
    ]),
  );

const MAIN = { path: 'main.*.js' };

describe('packwise check --baseline', () => {
  it('matches assets by name without hash: added, removed, grown, shrunk, unchanged', async () => {
    const deltas = await deltasOf({ budgets: [{ ...MAIN, limit: '1 MB' }] });
    expect(Object.fromEntries(Object.entries(deltas).map(([key, d]) => [key, d.status]))).toEqual({
      'index.html': 'unchanged',
      'legacy.js': 'removed',
      'main.css': 'unchanged',
      'main.js': 'grown',
      'report.js': 'shrunk',
      'settings.js': 'added',
      'vendor.js': 'unchanged',
    });
    expect(deltas['main.js']).toMatchObject({
      before: { name: 'main.0b1e2c3d4f5a6b7c8d9e.js', brotli: 30_000 },
      after: { name: 'main.3fa76445bb2847ba8c57.js', brotli: 35_000 },
      delta: { raw: 20_000, gzip: 6000, brotli: 5000 },
    });
    expect(deltas['legacy.js']).toMatchObject({ delta: { brotli: -4000 } });
    expect(deltas['legacy.js']?.after).toBeUndefined();
  });

  it('shows each change in the text output, unchanged assets counted', async () => {
    const { stdout } = await checkAgainstBase({ budgets: [{ ...MAIN, limit: '1 MB' }] });
    expect(stdout).toContain(
      'Assets against the baseline (brotli): 1 added, 1 removed, 1 grown, 1 shrunk, 3 unchanged',
    );
    expect(stdout).toMatch(/added +settings\.js +— → 1\.8 kB +\+1\.8 kB/);
    expect(stdout).toMatch(/removed +legacy\.js +4 kB → — +-4 kB/);
    expect(stdout).toMatch(/grown +main\.js +30 kB → 35 kB +\+5 kB/);
    expect(stdout).toMatch(/shrunk +report\.js +9 kB → 8 kB +-1 kB/);
    expect(stdout).not.toMatch(/vendor\.js +\d/);
  });

  it.each([
    ['4 kB', 1],
    ['5 kB', 0],
    ['5000', 0],
    ['10%', 1],
    ['16.7%', 0],
  ])('applies maxIncrease %s to a 5 kB (16.7 %%) growth: exit %d', async (maxIncrease, code) => {
    const result = await checkAgainstBase({ budgets: [{ ...MAIN, maxIncrease }] });
    expect(result.code).toBe(code);
    if (code)
      expect(result.stdout).toContain(
        `grew by 5 kB brotli (30 kB → 35 kB), more than the ${maxIncrease} allowed`,
      );
  });

  it("measures maxIncrease in the budget's compression", async () => {
    const gzip = await checkAgainstBase({
      budgets: [{ ...MAIN, maxIncrease: '5.5 kB', compression: 'gzip' }],
    });
    expect(gzip.code).toBe(1);
    expect(gzip.stdout).toContain('grew by 6 kB gzip');
  });

  it('ignores growth within the tolerance: 10 bytes with tolerance 16 is unchanged and passes maxIncrease 0', async () => {
    const budgets = [{ path: 'vendor.*.js', maxIncrease: 0 }];
    const tolerant = await checkAgainstBase({ budgets }, '--format', 'json');
    expect(tolerant.code).toBe(0);
    const report = parseReport(tolerant);
    expect(report.results).toMatchObject([{ baseline: 51_990, actual: 52_000, status: 'pass' }]);
    expect(report.deltas?.find((d) => d.key === 'vendor.js')?.status).toBe('unchanged');

    const strict = await checkAgainstBase({ budgets, tolerance: 4 }, '--format', 'json');
    expect(strict.code).toBe(1);
    expect(parseReport(strict).deltas?.find((d) => d.key === 'vendor.js')?.status).toBe('grown');
  });

  it('passes a budget without a baseline counterpart when only maxIncrease is set', async () => {
    const result = await checkAgainstBase(
      { budgets: [{ path: 'settings.*.js', maxIncrease: 0 }] },
      '--format',
      'json',
    );
    expect(result.code).toBe(0);
    expect(parseReport(result).results).toMatchObject([
      { target: 'settings.0123456789abcdef0123.js', status: 'pass' },
    ]);
  });
});
