import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compressedSize, loadZstd, ZSTD_LEVEL, zstdWindowSize } from '../src';

const text = Buffer.from(
  Array.from(
    { length: 4000 },
    (_, i) => `export const value${i} = ${i * 7} + "${'ab'.repeat(i % 13)}";`,
  ).join('\n'),
);

function hasZstdCli(): boolean {
  try {
    execFileSync('zstd', ['--version']);
    return true;
  } catch {
    return false;
  }
}

describe('zstd', () => {
  it('round-trips through the engine this Node has (the binding on Node 20)', async () => {
    const engine = loadZstd();
    const major = Number(process.versions.node.split('.')[0]);
    if (major < 22) expect(engine.name).toBe('@toondepauw/node-zstd');
    const frame = await engine.compress(text, { level: ZSTD_LEVEL });
    expect(frame.length).toBeLessThan(text.length / 5);
    expect((await engine.decompress(frame)).equals(text)).toBe(true);
    expect(await compressedSize(text, 'zstd')).toBe(frame.length);
  });

  it('writes frames the zstd command-line tool decodes, with a window browsers accept', async () => {
    const frame = await loadZstd().compress(text, { level: ZSTD_LEVEL });
    expect(zstdWindowSize(frame)).toBeLessThanOrEqual(8 * 1024 * 1024);
    if (!hasZstdCli()) {
      if (process.env.CI) throw new Error('the zstd command-line tool is missing: apt-get install -y zstd');
      return;
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'packwise-zstd-'));
    writeFileSync(path.join(dir, 'a.zst'), frame);
    expect(execFileSync('zstd', ['-d', '-c', path.join(dir, 'a.zst')]).equals(text)).toBe(true);
  });

  it('reads the window a frame needs from its header', () => {
    // Window descriptor 0x68: exponent 13, mantissa 0 -> 2^23.
    expect(zstdWindowSize(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x68, 0, 0]))).toBe(8 * 1024 * 1024);
    // Single segment, 1-byte content size 0x30.
    expect(zstdWindowSize(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x20, 0x30, 0, 0]))).toBe(0x30);
    // Single segment, 4-byte content size.
    expect(zstdWindowSize(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0xa0, 0x00, 0x00, 0x40, 0x00]))).toBe(
      0x400000,
    );
    expect(zstdWindowSize(Buffer.from('not zstd at all'))).toBeUndefined();
  });
});

describe('zstd with a raw dictionary', () => {
  it('compresses a new version against the old one far below plain zstd, and decodes only with it', async () => {
    const engine = loadZstd({ dictionaries: true });
    expect(engine.dictionaries).toBe(true);
    const edited = Buffer.from(text.toString().replace('value10 =', 'value10 = 1 +'));
    const delta = await engine.compress(edited, { level: ZSTD_LEVEL, dictionary: text });
    const plain = await engine.compress(edited, { level: ZSTD_LEVEL });
    expect(delta.length).toBeLessThan(plain.length / 20);
    expect((await engine.decompress(delta, text)).equals(edited)).toBe(true);
    await expect(engine.decompress(delta)).rejects.toThrow();
  });
});
