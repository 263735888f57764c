import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Configuration } from 'webpack';
import { CompressPlugin } from '@packwise/compress';
import type { CompressPluginOptions } from '@packwise/compress';
import { closeCompiler, compile, createCompiler, runCompiler } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import {
  changedOriginals,
  compressConfig,
  compressCounts,
  compressibleOriginals,
  copyCompressFixture,
  encodedFiles,
  encodings,
  expectRoundTrips,
} from './helpers';
import type { FixtureCopy } from './helpers';

interface Project extends FixtureCopy {
  cacheDirectory: string;
}

/** A fresh copy of the fixture with its own, empty persistent cache directory. */
async function copyFixture(): Promise<Project> {
  const copy = await copyCompressFixture();
  return { ...copy, cacheDirectory: path.join(copy.root, 'cache') };
}

/**
 * The fixture with webpack's filesystem cache. A fixed name and version, and no build dependencies beyond
 * webpack's own, so a new compiler with other plugin options still reads the same cache.
 */
function persistentConfig(project: Project, options?: CompressPluginOptions): Configuration {
  return compressConfig({
    context: project.context,
    cache: {
      type: 'filesystem',
      cacheDirectory: project.cacheDirectory,
      buildDependencies: {},
      name: 'compress-cache-test',
      version: '1',
    },
    plugins: [new CompressPlugin(options)],
  });
}

/**
 * One build with a new compiler, closed afterwards (`compile` does both), which stores the persistent cache:
 * each call is what a separate `webpack` process would do.
 */
async function buildOnce(project: Project, options?: CompressPluginOptions): Promise<BuildResult> {
  const build = await compile(persistentConfig(project, options));
  expect(build.errors).toEqual([]);
  return build;
}

describe('CompressPlugin with the filesystem cache', () => {
  it('computes every encoding once, then serves them all from the cache after a restart', async () => {
    const project = await copyFixture();
    const first = await buildOnce(project);
    const originals = compressibleOriginals(first);
    expect(originals).toHaveLength(3); // main, the lazy report chunk, logo.svg
    expect(compressCounts(first)).toEqual({ assets: 3, computed: 2 * originals.length, cached: 0 });

    const second = await buildOnce(project);
    expect(compressCounts(second)).toEqual({ assets: 3, computed: 0, cached: 2 * originals.length });
    expect(encodedFiles(second)).toHaveLength(2 * originals.length);
    expect(encodings(second)).toEqual(encodings(first));
    expect(expectRoundTrips(second)).toBe(2 * originals.length);
  });

  it('recompresses only the assets whose content changed', async () => {
    const project = await copyFixture();
    const first = await buildOnce(project);
    await writeFile(path.join(project.context, 'src/tiny.js'), "export const tiny = 'tiny, edited';\n");

    const second = await buildOnce(project);
    const changed = changedOriginals(first, second);
    // tiny.js is concatenated into main: only main's content and name change.
    expect(changed).toEqual([expect.stringMatching(/^main\.[0-9a-f]+\.js$/)]);
    expect(second.text(changed[0] as string)).toContain('tiny, edited');
    const unchanged = compressibleOriginals(second).filter((name) => !changed.includes(name));
    expect(compressCounts(second)).toEqual({
      assets: 3,
      computed: 2 * changed.length,
      cached: 2 * unchanged.length,
    });
    for (const name of unchanged) {
      for (const extension of ['.gz', '.br']) {
        expect(second.read(name + extension).equals(first.read(name + extension))).toBe(true);
      }
    }
    expect(expectRoundTrips(second)).toBe(6);
  });

  it('recompresses gzip but takes brotli from the cache when only the gzip settings change', async () => {
    const project = await copyFixture();
    const first = await buildOnce(project);
    const second = await buildOnce(project, { gzip: { level: 1 } });

    const originals = compressibleOriginals(second);
    expect(originals).toEqual(compressibleOriginals(first));
    expect(compressCounts(second)).toEqual({
      assets: 3,
      computed: originals.length,
      cached: originals.length,
    });
    expect(encodings(second, /\.br$/)).toEqual(encodings(first, /\.br$/));
    // Each .gz is level 1's output, not the cached level 9 one.
    for (const name of originals) {
      expect(second.read(`${name}.gz`).equals(zlib.gzipSync(second.read(name), { level: 1 }))).toBe(true);
    }
    expect(expectRoundTrips(second)).toBe(6);
  });
});

describe('CompressPlugin with the memory cache', () => {
  it('computes nothing when the same compiler builds again', async () => {
    const { compiler } = await createCompiler(
      compressConfig({ cache: { type: 'memory' }, plugins: [new CompressPlugin()] }),
    );
    try {
      const first = await runCompiler(compiler);
      const second = await runCompiler(compiler);
      expect([first.errors, second.errors]).toEqual([[], []]);
      expect(compressCounts(first)).toEqual({ assets: 3, computed: 6, cached: 0 });
      expect(compressCounts(second)).toEqual({ assets: 3, computed: 0, cached: 6 });
      expect(encodings(second)).toEqual(encodings(first));
    } finally {
      await closeCompiler(compiler);
    }
  });
});
