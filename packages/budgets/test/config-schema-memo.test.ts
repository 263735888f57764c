import { resolveConfig } from '../src/config';

// The plugin skips the schema for a config whose digest passed it in an earlier build (kept in webpack's
// cache); a config that changed in any way is checked again.

const valid = { budgets: [{ path: '*.js', limit: '100 kB' }] };
const invalid = { budgets: [{ path: '*.js', limit: 'a lot' }] };

describe('resolveConfig with known-valid digests', () => {
  it('resolves a remembered config exactly as a checked one', () => {
    const checked = resolveConfig(valid, 'packwise.config.json');
    expect(checked.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(resolveConfig(valid, 'packwise.config.json', new Set([checked.digest!]))).toEqual(checked);
  });

  it('checks a config whose digest is not remembered, however similar', () => {
    const known = new Set([resolveConfig(valid, 'packwise.config.json').digest!]);
    expect(() => resolveConfig(invalid, 'packwise.config.json', known)).toThrow(/budgets\[0\]\.limit/);
  });
});
