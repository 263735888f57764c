import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { compressedSize, measureSizes } from '@packwise/core';

const text = Array.from({ length: 400 }, (_, i) => `export const value${i} = "item-${i % 17}";`).join('\n');

describe('measureSizes', () => {
  it('reports raw, gzip -9 and brotli -11 sizes of what it is given', async () => {
    const buffer = Buffer.from(text);
    const sizes = await measureSizes(buffer);
    expect(sizes).toEqual({
      raw: buffer.length,
      gzip: zlib.gzipSync(buffer, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(buffer, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
        },
      }).length,
    });
    expect(sizes.brotli).toBeLessThan(sizes.gzip);
    expect(sizes.gzip).toBeLessThan(sizes.raw / 4);
  });

  it('counts a string in UTF-8 bytes, not characters', async () => {
    const sizes = await measureSizes('é'.repeat(10));
    expect(sizes.raw).toBe(20);
  });

  it('measures incompressible data as larger once compressed', async () => {
    const sizes = await measureSizes(randomBytes(4096));
    expect(sizes.gzip).toBeGreaterThan(4096);
  });

  it('measures an empty file', async () => {
    const sizes = await measureSizes(Buffer.alloc(0));
    expect(sizes.raw).toBe(0);
    expect(sizes.gzip).toBeGreaterThan(0);
  });
});

describe('compressedSize', () => {
  it('gives the same numbers as measureSizes, one encoding at a time', async () => {
    const sizes = await measureSizes(text);
    await expect(compressedSize(text, 'gzip')).resolves.toBe(sizes.gzip);
    await expect(compressedSize(text, 'brotli')).resolves.toBe(sizes.brotli);
  });
});
