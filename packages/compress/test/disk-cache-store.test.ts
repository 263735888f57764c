import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '@packwise/core';
import { makeTempDir } from '@packwise/test-utils';
import { DiskCache } from '../src/disk-cache';

// The disk cache's store on its own: entries, their checksum, and least-recently-used eviction (the times are
// set by hand, so nothing here depends on how fast the machine is).

const key = (text: string) => DiskCache.key(['test'], sha256(Buffer.from(text)).toString('hex'));
const entry = (cache: DiskCache, text: string) => path.join(cache.directory, `${key(text)}.bin`);
const at = (file: string, seconds: number) =>
  utimes(file, new Date(seconds * 1000), new Date(seconds * 1000));

async function filled(maxSize: number): Promise<DiskCache> {
  const cache = new DiskCache(await makeTempDir('packwise-disk-'), maxSize);
  for (const text of ['a', 'b', 'c']) await cache.put(key(text), Buffer.alloc(1000, text));
  return cache;
}

describe('DiskCache', () => {
  it('reads back what another instance (another process) stored, and nothing for other content', async () => {
    const cache = await filled(1e6);
    const other = new DiskCache(cache.directory, 1e6);
    expect((await other.get(key('a')))?.equals(Buffer.alloc(1000, 'a'))).toBe(true);
    expect(await other.get(key('d'))).toBeUndefined();
    expect(other.takeCounts()).toEqual({ read: 1, written: 0, corrupt: 0, failed: 0 });
    // Renamed into place: no temporary file is left.
    expect((await readdir(cache.directory)).filter((name) => !name.endsWith('.bin'))).toEqual([]);
  });

  it('evicts the least recently used entries beyond maxSize, counting a read as a use', async () => {
    const cache = await filled(2100); // two entries of 1036 bytes fit
    await at(entry(cache, 'a'), 1000);
    await at(entry(cache, 'b'), 2000);
    await at(entry(cache, 'c'), 3000);
    // Reading `a` makes it the most recently used: `b` is now the oldest.
    const reader = new DiskCache(cache.directory, 2100);
    expect(await reader.get(key('a'))).toBeDefined();
    expect(await reader.evict()).toEqual({ evicted: 1, bytes: 2 * 1036 });
    const left = new DiskCache(cache.directory, 2100);
    expect({
      a: (await left.get(key('a'))) !== undefined,
      b: (await left.get(key('b'))) !== undefined,
      c: (await left.get(key('c'))) !== undefined,
    }).toEqual({ a: true, b: false, c: true });
  });

  it('ignores and removes an entry whose bytes do not match its checksum, or that is cut short', async () => {
    const cache = await filled(1e6);
    const flipped = await readFile(entry(cache, 'a'));
    flipped.writeUInt8((flipped.at(-1) ?? 0) ^ 1, flipped.length - 1);
    await writeFile(entry(cache, 'a'), flipped);
    await writeFile(entry(cache, 'b'), Buffer.from('PWC1'));
    const reader = new DiskCache(cache.directory, 1e6);
    expect([await reader.get(key('a')), await reader.get(key('b'))]).toEqual([undefined, undefined]);
    expect(reader.takeCounts()).toEqual({ read: 0, written: 0, corrupt: 2, failed: 0 });
    expect((await readdir(cache.directory)).sort()).toEqual([`${key('c')}.bin`]);
  });

  it('counts a write it cannot do, without throwing', async () => {
    const folder = await makeTempDir('packwise-disk-');
    const blocked = path.join(folder, 'a-file');
    await writeFile(blocked, 'not a folder');
    const cache = new DiskCache(blocked, 1e6);
    await expect(cache.put(key('a'), Buffer.from('x'))).resolves.toBeUndefined();
    expect(cache.takeCounts()).toEqual({
      read: 0,
      written: 0,
      corrupt: 0,
      failed: 1,
      failure: expect.stringMatching(/EEXIST|ENOTDIR/),
    });
  });

  it('removes temporary files a dead build left, and keeps those of a running one', async () => {
    const cache = await filled(1e6);
    const dead = path.join(cache.directory, `${key('a')}.bin.1-dead.tmp`);
    const running = path.join(cache.directory, `${key('b')}.bin.2-live.tmp`);
    await writeFile(dead, 'half');
    await writeFile(running, 'half');
    await at(dead, Date.now() / 1000 - 3600);
    await cache.evict();
    const names = await readdir(cache.directory);
    expect({
      dead: names.includes(path.basename(dead)),
      running: names.includes(path.basename(running)),
    }).toEqual({
      dead: false,
      running: true,
    });
  });
});
