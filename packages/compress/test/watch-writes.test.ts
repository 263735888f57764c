import { mkdir, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Compiler, Configuration } from 'webpack';
import { makeTempDir, startWatch } from '@packwise/test-utils';
import type { BuildResult, WatchSession } from '@packwise/test-utils';
import { CompressPlugin } from '@packwise/compress';
import { compressCounts } from './helpers';

// rebuild-writes.test.ts with `compiler.watch`: a rebuild writes only what changed, judged both by
// `compilation.emittedAssets` and by the output files' modification times on disk.

const OUTPUTS = ['a.js', 'a.js.br', 'a.js.gz', 'b.js', 'b.js.br', 'b.js.gz'];
/** The time the output files are dated back to after the first build: a write moves it. */
const LONG_AGO = new Date('2001-02-03T04:05:06Z');

const bSource = (text: string) => `console.log(${JSON.stringify(text.repeat(400))});\n`;

/** Gives the test the watching compiler (startWatch keeps it) and counts the builds that finished. */
class WatchProbe {
  finished = 0;
  private compiler?: Compiler;

  apply(compiler: Compiler): void {
    this.compiler = compiler;
    compiler.hooks.done.tap('WatchProbe', () => {
      this.finished += 1;
    });
  }

  /** `watching.invalidate()` with nothing changed; resolves with the number of the build that followed it. */
  invalidate(): Promise<number> {
    const watching = this.compiler?.watching;
    if (!watching) throw new Error('the compiler is not watching');
    return new Promise((resolve, reject) =>
      watching.invalidate((error) => (error ? reject(error) : resolve(this.finished))),
    );
  }
}

/** The session's builds in order, numbered as the probe counts them. */
function numbered(session: WatchSession) {
  let taken = 0;
  const next = async () => {
    const build = await session.next();
    taken += 1;
    return build;
  };
  return {
    next,
    /** The builds not taken yet, up to and including build `last`. */
    async through(last: number): Promise<BuildResult[]> {
      const builds: BuildResult[] = [];
      while (taken < last) builds.push(await next());
      return builds;
    },
  };
}

const emitted = (build: BuildResult) => [...build.stats.compilation.emittedAssets].sort();

/** The output files whose modification time is no longer LONG_AGO. */
async function touched(outputDir: string): Promise<string[]> {
  const times = await Promise.all(OUTPUTS.map((name) => stat(path.join(outputDir, name))));
  return OUTPUTS.filter((_, index) => times[index]?.mtime.getTime() !== LONG_AGO.getTime());
}

/**
 * Two entries watched with the memory cache, unhashed names and every encoding kept. Resolves after the
 * first build wrote all six files, whose times are then set to LONG_AGO.
 */
async function watchTwoEntries() {
  const context = await makeTempDir('packwise-watch-writes-src-');
  const src = (file: string) => path.join(context, 'src', file);
  await mkdir(src(''));
  await writeFile(src('a.js'), `import { a } from './shared.js';\nconsole.log(a);\n`);
  await writeFile(src('shared.js'), `export const a = ${JSON.stringify('a'.repeat(400))};\n`);
  await writeFile(src('b.js'), bSource('b'));
  // Sources written within the watcher's timestamp accuracy of its start would read as changed and start a
  // rebuild nobody asked for (see copyCompressFixture); the builds below are taken robustly all the same.
  const aMinuteAgo = new Date(Date.now() - 60_000);
  for (const file of ['a.js', 'shared.js', 'b.js']) await utimes(src(file), aMinuteAgo, aMinuteAgo);

  const probe = new WatchProbe();
  const config: Configuration = {
    mode: 'production',
    context,
    entry: { a: './src/a.js', b: './src/b.js' },
    cache: { type: 'memory' },
    output: { filename: '[name].js' },
    optimization: { minimize: false },
    plugins: [new CompressPlugin({ threshold: 0, minRatio: Number.POSITIVE_INFINITY }), probe],
    infrastructureLogging: { level: 'error' },
  };
  const session = await startWatch(config);
  const builds = numbered(session);
  try {
    const first = await builds.next();
    expect(first.errors).toEqual([]);
    expect(emitted(first)).toEqual(OUTPUTS);
    expect([...first.files.keys()]).toEqual(OUTPUTS);
    const { outputDir } = first;
    for (const name of OUTPUTS) await utimes(path.join(outputDir, name), LONG_AGO, LONG_AGO);
    expect(await touched(outputDir)).toEqual([]);
    return { src, probe, builds, outputDir, close: () => session.close() };
  } catch (error) {
    await session.close();
    throw error;
  }
}

describe('CompressPlugin rebuilds in watch mode', () => {
  it('write no file after watching.invalidate() with nothing changed', async () => {
    const { probe, builds, outputDir, close } = await watchTwoEntries();
    try {
      const last = await probe.invalidate();
      // Any rebuild before the invalidation's own had nothing changed either: none of them writes.
      const rebuilds = await builds.through(last);
      expect(rebuilds.length).toBeGreaterThan(0);
      for (const [index, rebuild] of rebuilds.entries()) {
        expect({ index, errors: rebuild.errors, emitted: emitted(rebuild) }).toEqual({
          index,
          errors: [],
          emitted: [],
        });
      }
      // The plugin did run and emit: every encoding came from the cache.
      expect(compressCounts(rebuilds.at(-1) as BuildResult)).toEqual({ assets: 2, computed: 0, cached: 4 });
      expect(await touched(outputDir)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('write only the edited entry and its encodings after a source file changed', async () => {
    const { src, builds, outputDir, close } = await watchTwoEntries();
    const marker = 'edited';
    try {
      await writeFile(src('b.js'), bSource(marker));
      // The watcher may first start a rebuild that still reads the old text; the edit's rebuild follows it.
      let rebuild = await builds.next();
      for (let extra = 0; extra < 2 && !rebuild.text('b.js').includes(marker); extra += 1) {
        expect(rebuild.errors).toEqual([]);
        rebuild = await builds.next();
      }
      expect(rebuild.errors).toEqual([]);
      expect(rebuild.text('b.js')).toContain(marker);
      expect([...rebuild.files.keys()]).toEqual(OUTPUTS);
      expect(emitted(rebuild)).toEqual(['b.js', 'b.js.br', 'b.js.gz']);
      expect(compressCounts(rebuild)).toEqual({ assets: 2, computed: 2, cached: 2 });
      expect(await touched(outputDir)).toEqual(['b.js', 'b.js.br', 'b.js.gz']);
    } finally {
      await close();
    }
  });
});
