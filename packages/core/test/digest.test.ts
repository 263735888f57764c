import { digestOf } from '@packwise/core';

describe('digestOf', () => {
  it('is equal for equal inputs and differs for any changed value', () => {
    const input = { a: [1, 'x', new Set(['s'])], b: new Map([['k', 2]]), c: /re/g, d: () => 1, e: Infinity };
    const same = { a: [1, 'x', new Set(['s'])], b: new Map([['k', 2]]), c: /re/g, d: () => 1, e: Infinity };
    expect(digestOf(same)).toBe(digestOf(input));
    for (const changed of [
      { ...input, a: [1, 'x', new Set(['t'])] },
      { ...input, b: new Map([['k', 3]]) },
      { ...input, c: /re/ },
      { ...input, d: () => 2 },
      { ...input, e: null },
      { ...input, f: undefined },
    ])
      expect(digestOf(changed)).not.toBe(digestOf(input));
    expect(digestOf([1, 2])).not.toBe(digestOf(new Set([1, 2])));
    expect(digestOf('1')).not.toBe(digestOf(1));
  });

  it('writes out an object met twice, so which one was shared still counts; cuts only true cycles', () => {
    const s1 = new Set(['a']);
    const s2 = new Set(['b']);
    expect(digestOf([s1, s2, s1])).not.toBe(digestOf([s1, s2, s2]));
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    expect(digestOf(cyclic)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells class instances from plain objects with the same fields', () => {
    class Plugin {
      constructor(readonly options: object) {}
    }
    expect(digestOf(new Plugin({ a: 1 }))).not.toBe(digestOf({ options: { a: 1 } }));
  });
});
