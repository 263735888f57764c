import { formatBytes, parseBytes } from '@packwise/core';

describe('parseBytes', () => {
  it.each([
    [170000, 170000],
    [0, 0],
    [12.6, 13],
    ['170000', 170000],
    ['170 kB', 170000],
    ['170kb', 170000],
    ['170 KB', 170000],
    ['1.5 MB', 1_500_000],
    ['2 GB', 2_000_000_000],
    ['1 KiB', 1024],
    ['1.5 MiB', 1_572_864],
    ['1 GiB', 1024 ** 3],
    ['.5 kB', 500],
    ['  42 B ', 42],
    ['10 bytes', 10],
  ])('parses %p as %p bytes', (input, expected) => {
    expect(parseBytes(input)).toBe(expected);
  });

  it.each([
    ['12 parsecs', /Invalid byte size "12 parsecs"/],
    ['', /Invalid byte size ""/],
    ['kB', /Invalid byte size "kB"/],
    ['-5 kB', /Invalid byte size "-5 kB"/],
    ['1,5 MB', /Invalid byte size "1,5 MB"/],
    ['1e3', /Invalid byte size "1e3"/],
    [-1, /Invalid byte size -1/],
    [Number.NaN, /Invalid byte size NaN/],
    [Number.POSITIVE_INFINITY, /Invalid byte size Infinity/],
  ])('rejects %p with an error naming it', (input, message) => {
    expect(() => parseBytes(input)).toThrow(message);
  });

  it('rejects values that are neither numbers nor strings', () => {
    expect(() => parseBytes({ size: 1 } as unknown as string)).toThrow(/Invalid byte size \{"size":1\}/);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, {}, '0 B'],
    [512, {}, '512 B'],
    [999, {}, '999 B'],
    [1000, {}, '1 kB'],
    [1234, {}, '1.23 kB'],
    [170000, {}, '170 kB'],
    [12_345, {}, '12.3 kB'],
    [1_500_000, {}, '1.5 MB'],
    [1_572_864, { standard: 'iec' }, '1.5 MiB'],
    [1024, { standard: 'iec' }, '1 KiB'],
    [1023, { standard: 'iec' }, '1023 B'],
    [2048, { signed: true }, '+2.05 kB'],
    [-2048, { signed: true }, '-2.05 kB'],
    [0, { signed: true }, '0 B'],
  ] as const)('formats %p (%o) as %p', (bytes, options, expected) => {
    expect(formatBytes(bytes, options)).toBe(expected);
  });

  it('round-trips through parseBytes within the printed precision', () => {
    for (const bytes of [1, 999, 1000, 54_321, 1_572_864, 3_000_000_000]) {
      const reparsed = parseBytes(formatBytes(bytes));
      expect(Math.abs(reparsed - bytes) / bytes).toBeLessThan(0.005);
    }
  });

  it('rejects what is not a number', () => {
    expect(() => formatBytes(Number.NaN)).toThrow(/Cannot format NaN as bytes/);
  });
});
