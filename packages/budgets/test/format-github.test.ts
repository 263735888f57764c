import { FORMATS } from '@packwise/budgets';
import { removeProjects, reportOf, result, runHostile } from './fixtures/harness';

afterAll(removeProjects);

describe('github format', () => {
  it('prints an ::error per failed target, ::warning for warning budgets, and a ::notice summary', () => {
    const output = FORMATS.github(
      reportOf([
        result(),
        result({
          status: 'fail',
          problems: ['main.js is over', 'main.js grew'],
          largestModules: [{ name: './a.js', size: 2000 }],
        }),
        result({
          budget: 'pages',
          target: 'index.html',
          status: 'fail',
          severity: 'warning',
          problems: ['big'],
        }),
      ]),
    );
    expect(output).toBe(
      [
        '::error title=Budget main js::main.js is over%0Amain.js grew%0Alargest modules: ./a.js 2 kB',
        '::warning title=Budget pages::big',
        '::notice title=packwise budgets::3 budget checks: 1 passed, 1 failed, 1 warning',
        '',
      ].join('\n'),
    );
  });

  it('adds the asset changes to the notice with a baseline', () => {
    const deltas = [{ key: 'a.js', status: 'added' as const, delta: { raw: 1, gzip: 1, brotli: 1 } }];
    expect(FORMATS.github(reportOf([result()], deltas))).toContain('; assets: 1 added\n');
  });

  it('escapes hostile names: one command a line, properties without raw ":" or ","', async () => {
    const { code, stdout } = await runHostile('github');
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6 + 1 + 1);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) title=[^:,\r\n]+::[^\r\n]+$/);
    expect(lines[0]).toMatch(/^::error title=Budget all%3A <b>js<\/b>%2C "every" \| `file` /);
    expect(stdout).toContain('::new%0Aline.js is 1.5 kB brotli');
    expect(stdout).toContain('::100%25,done:now.js is');
    expect(stdout).toMatch(/^::warning title=Budget pages <warn>::<img src=x onerror=alert\(1\)>\.html is/m);
  });
});
