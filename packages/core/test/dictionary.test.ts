import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compressDcz, DCZ_MAGIC, decodeDcz, sha256 } from '../src';

const old = Buffer.from(Array.from({ length: 3000 }, (_, i) => `export const v${i} = ${i};`).join('\n'));
const next = Buffer.from(old.toString().replace('v1500 = 1500', 'v1500 = 1501'));

describe('dcz (RFC 9842)', () => {
  it('carries the magic and the dictionary SHA-256, and decodes with that dictionary to the new file', async () => {
    const body = await compressDcz(next, old);
    expect(body.subarray(0, 8).equals(DCZ_MAGIC)).toBe(true);
    expect(body.subarray(8, 40).toString('hex')).toBe(sha256(old).toString('hex'));
    expect((await decodeDcz(body, old)).equals(next)).toBe(true);
    expect(body.length).toBeLessThan(200);
    await expect(decodeDcz(body, next)).rejects.toThrow(/another dictionary/);
  });

  it('decodes with the zstd tool after its 40-byte header, as RFC 9842 says', async () => {
    let cli = true;
    try {
      execFileSync('zstd', ['--version']);
    } catch {
      cli = false;
    }
    if (!cli) {
      if (process.env.CI) throw new Error('the zstd command-line tool is missing: apt-get install -y zstd');
      return;
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'packwise-dcz-'));
    writeFileSync(path.join(dir, 'old'), old);
    const body = await compressDcz(next, old);
    const decoded = execFileSync('zstd', ['-d', '-q', '-c', '-D', path.join(dir, 'old')], {
      input: body.subarray(40),
    });
    expect(decoded.equals(next)).toBe(true);
  });
});
