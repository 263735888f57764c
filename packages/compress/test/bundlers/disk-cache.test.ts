import { execFile } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { bundler, makeTempDir, readOutputFiles, repoRoot } from '@packwise/test-utils';
import { copyCompressFixture } from '../helpers';
import type { FixtureCopy } from '../helpers';
import type { ChildRequest, ChildResult } from './build-in-child';

// The disk cache across processes: each build runs in a child process of its own (plain node with ts-node, the
// plugin from src), as separate `webpack`/`rspack` runs would, sharing one cache folder.

const CHILD = path.join(__dirname, 'build-in-child.ts');
const run = promisify(execFile);

async function buildInChild(request: ChildRequest): Promise<ChildResult> {
  const { stdout } = await run(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      CHILD,
      JSON.stringify(request),
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PACKWISE_BUNDLER: bundler().name,
        TS_NODE_PROJECT: path.join(repoRoot, 'tsconfig.json'),
      },
      maxBuffer: 16 * 2 ** 20,
    },
  );
  const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
  expect({ bundler: result.bundler, errors: result.errors, warnings: result.warnings }).toEqual({
    bundler: `${bundler().name} ${bundler().version}`,
    errors: [],
    warnings: [],
  });
  return result;
}

interface DiskLine {
  directory: string;
  read: number;
  written: number;
  corrupt: number;
  evicted: number;
}

/** The plugin's one `disk cache …` log line (the fixture's assets arrive in one processAssets pass). */
function diskLine(result: ChildResult): DiskLine {
  expect(result.disk).toHaveLength(1);
  const match =
    /^disk cache (.+): (\d+) read, (\d+) written, (\d+) corrupt \(recomputed\), (\d+) evicted/.exec(
      result.disk[0] ?? '',
    );
  if (!match) throw new Error(`not a disk cache line: ${result.disk[0]}`);
  const [, directory = '', read, written, corrupt, evicted] = match;
  return {
    directory,
    read: Number(read),
    written: Number(written),
    corrupt: Number(corrupt),
    evicted: Number(evicted),
  };
}

/** The encodings a build wrote (everything but the originals), with their bytes. */
async function encodings(outputDir: string): Promise<Map<string, Buffer>> {
  const files = await readOutputFiles(outputDir);
  return new Map([...files].filter(([name]) => /\.(gz|br|raw)$/.test(name)));
}

const decoders: Record<string, (content: Buffer) => Buffer> = {
  gz: zlib.gunzipSync,
  br: zlib.brotliDecompressSync,
  raw: zlib.inflateRawSync,
};

/** Each encoding decodes to its original's bytes. */
async function expectRoundTrips(outputDir: string, encoded: Map<string, Buffer>): Promise<void> {
  for (const [file, content] of encoded) {
    const extension = path.extname(file).slice(1);
    const original = await readFile(path.join(outputDir, file.slice(0, -extension.length - 1)));
    expect({ file, identical: decoders[extension]?.(content).equals(original) }).toEqual({
      file,
      identical: true,
    });
  }
}

async function entries(directory: string): Promise<{ names: string[]; bytes: number }> {
  const names = (await readdir(directory)).filter((name) => name.endsWith('.bin')).sort();
  const sizes = await Promise.all(names.map(async (name) => (await stat(path.join(directory, name))).size));
  return { names, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}

interface Project extends FixtureCopy {
  cache: string;
}

async function project(): Promise<Project> {
  const copy = await copyCompressFixture();
  return { ...copy, cache: path.join(copy.root, 'compress-cache') };
}

const request = async (
  { context, cache }: Project,
  options: ChildRequest['options'] = {},
): Promise<ChildRequest> => ({
  context,
  outputDir: await makeTempDir('packwise-out-'),
  // minRatio 2: every encoding is written, even one that gains nothing (Rspack 1.7's small lazy chunk).
  options: { custom: true, minRatio: 2, diskCache: { directory: cache }, ...options },
});

describe(`the disk cache across processes on ${bundler().name} ${bundler().version}`, () => {
  it('serves a second process every encoding from disk, byte for byte, and recomputes a corrupt entry', async () => {
    const shared = await project();
    const firstRequest = await request(shared);
    const first = await buildInChild(firstRequest);
    const total = first.counts.computed;
    expect(total).toBeGreaterThanOrEqual(6); // at least main and logo.svg, each gzip, brotli and the custom one
    expect({ counts: first.counts.cached, disk: diskLine(first) }).toEqual({
      counts: 0,
      disk: { directory: shared.cache, read: 0, written: total, corrupt: 0, evicted: 0 },
    });
    const stored = await entries(shared.cache);
    expect(stored.names).toHaveLength(total);

    const secondRequest = await request(shared);
    const second = await buildInChild(secondRequest);
    expect({ counts: second.counts, disk: diskLine(second) }).toEqual({
      counts: { assets: first.counts.assets, computed: 0, cached: total },
      disk: { directory: shared.cache, read: total, written: 0, corrupt: 0, evicted: 0 },
    });
    const fromCache = await encodings(secondRequest.outputDir);
    expect(fromCache.size).toBe(total);
    expect(fromCache).toEqual(await encodings(firstRequest.outputDir));
    await expectRoundTrips(secondRequest.outputDir, fromCache);

    // One entry damaged (a disk error, a killed writer on a file system without atomic rename): ignored, redone.
    const damaged = path.join(shared.cache, stored.names[0] as string);
    const content = await readFile(damaged);
    content.writeUInt8((content.at(-1) ?? 0) ^ 0xff, content.length - 1);
    await writeFile(damaged, content);
    const thirdRequest = await request(shared);
    const third = await buildInChild(thirdRequest);
    expect({ counts: third.counts, disk: diskLine(third) }).toEqual({
      counts: { assets: first.counts.assets, computed: 1, cached: total - 1 },
      disk: { directory: shared.cache, read: total - 1, written: 1, corrupt: 1, evicted: 0 },
    });
    expect(await encodings(thirdRequest.outputDir)).toEqual(fromCache);
  });

  it('keeps the folder within maxSize, and a later process recomputes only what was evicted', async () => {
    const bounded = await project();
    const maxSize = 4000; // under what the fixture's encodings take (about 6–11 kB)
    const firstRequest = await request(bounded, { diskCache: { directory: bounded.cache, maxSize } });
    const first = await buildInChild(firstRequest);
    const total = first.counts.computed;
    const { evicted } = diskLine(first);
    expect(evicted).toBeGreaterThan(0);
    const kept = await entries(bounded.cache);
    expect({ entries: kept.names.length, within: kept.bytes <= maxSize }).toEqual({
      entries: total - evicted,
      within: true,
    });

    const secondRequest = await request(bounded, { diskCache: { directory: bounded.cache, maxSize } });
    const second = await buildInChild(secondRequest);
    expect({
      computed: second.counts.computed,
      cached: second.counts.cached,
      read: diskLine(second).read,
    }).toEqual({
      computed: evicted,
      cached: total - evicted,
      read: total - evicted,
    });
    expect(await encodings(secondRequest.outputDir)).toEqual(await encodings(firstRequest.outputDir));
    expect((await entries(bounded.cache)).bytes).toBeLessThanOrEqual(maxSize);
  });

  it('lets two processes build at once into one folder, leaving whole entries', async () => {
    const shared = await project();
    const [one, two] = await Promise.all([
      buildInChild(await request(shared)),
      buildInChild(await request(shared)),
    ]);
    const total = one.counts.computed + one.counts.cached;
    expect(two.counts.computed + two.counts.cached).toBe(total);
    // No temporary file is left, and every entry reads back intact.
    expect((await readdir(shared.cache)).filter((name) => !name.endsWith('.bin'))).toEqual([]);
    const afterRequest = await request(shared);
    const after = await buildInChild(afterRequest);
    expect({ counts: after.counts, disk: diskLine(after) }).toEqual({
      counts: { assets: one.counts.assets, computed: 0, cached: total },
      disk: { directory: shared.cache, read: total, written: 0, corrupt: 0, evicted: 0 },
    });
    await expectRoundTrips(afterRequest.outputDir, await encodings(afterRequest.outputDir));
  });

  it('recomputes what a changed setting changes, and takes the rest from disk', async () => {
    const shared = await project();
    const first = await buildInChild(await request(shared));
    const perAlgorithm = first.counts.computed / 3; // gzip, brotli and the custom one, for each asset
    const secondRequest = await request(shared, { gzip: { level: 1 } });
    const second = await buildInChild(secondRequest);
    expect(second.counts).toEqual({
      assets: first.counts.assets,
      computed: perAlgorithm,
      cached: 2 * perAlgorithm,
    });
    // Each .gz is level 1's, not the level 9 one on disk.
    const encoded = await encodings(secondRequest.outputDir);
    for (const [file, content] of encoded) {
      if (!file.endsWith('.gz')) continue;
      const original = await readFile(path.join(secondRequest.outputDir, file.slice(0, -3)));
      expect({ file, level1: content.equals(zlib.gzipSync(original, { level: 1 })) }).toEqual({
        file,
        level1: true,
      });
    }
  });
});
