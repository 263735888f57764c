import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { cp } from 'node:fs/promises';
import type { Configuration } from 'webpack';
import {
  closeCompiler,
  compile,
  createCompiler,
  decompress,
  fixturePath,
  makeTempDir,
  runCompiler,
  startWatch,
} from '@packwise/test-utils';

function basicConfig(context = fixturePath('basic')): Configuration {
  return {
    mode: 'production',
    context,
    entry: './src/index.js',
    output: { filename: '[name].js', chunkFilename: '[name].chunk.js' },
  };
}

describe('compile', () => {
  it('builds a fixture with real webpack and returns what was emitted', async () => {
    const build = await compile(basicConfig());
    expect(build.errors).toEqual([]);
    expect(build.warnings).toEqual([]);
    expect([...build.files.keys()]).toEqual(['details.chunk.js', 'main.js']);
    expect(build.text('main.js')).toContain('Hello from ');
    expect(build.stats.compilation.assets['main.js']).toBeDefined();
    expect(() => build.read('missing.js')).toThrow(
      'No emitted file "missing.js"; emitted: details.chunk.js, main.js',
    );
  });

  it('reports errors with machine paths replaced by placeholders', async () => {
    const build = await compile({ ...basicConfig(), entry: './src/does-not-exist.js' });
    expect(build.errors).toHaveLength(1);
    expect(build.errors[0]).toContain("Can't resolve './src/does-not-exist.js' in '<context>'");
    expect(build.errors[0]).not.toContain(fixturePath());
  });

  it('runs one compiler twice, as cache tests need', async () => {
    const { compiler, outputDir } = await createCompiler({ ...basicConfig(), cache: { type: 'memory' } });
    try {
      const first = await runCompiler(compiler);
      const second = await runCompiler(compiler);
      expect(second.outputDir).toBe(outputDir);
      expect(second.files).toEqual(first.files);
      // The memory cache served every module the second time.
      const modules = second.stats.toJson({ all: false, modules: true, cachedModules: true }).modules ?? [];
      const named = modules.filter((module) => module.name);
      expect(named.length).toBeGreaterThan(1);
      expect(named.filter((module) => module.built)).toEqual([]);
    } finally {
      await closeCompiler(compiler);
    }
  });
});

describe('decompress', () => {
  const original = Buffer.from('packwise '.repeat(100));

  it.each([
    ['app.js.gz', zlib.gzipSync(original)],
    ['app.js.br', zlib.brotliCompressSync(original)],
  ])('restores the bytes of %s', (name, compressed) => {
    expect(decompress(compressed, name).equals(original)).toBe(true);
  });

  it('refuses a name it cannot tell the algorithm of', () => {
    expect(() => decompress(original, 'app.js.zst')).toThrow('Cannot decompress "app.js.zst"');
  });
});

describe('startWatch', () => {
  it('gives the initial build, then the rebuild after a file changes', async () => {
    const context = await makeTempDir('packwise-watch-');
    await cp(fixturePath('basic', 'src'), path.join(context, 'src'), { recursive: true });
    const session = await startWatch(basicConfig(context));
    try {
      const initial = await session.next();
      expect(initial.text('main.js')).toContain('Hello from ');

      await writeFile(
        path.join(context, 'src/message.js'),
        'export const greet = (name) => `Bye from ${name}`;\n',
      );
      // The watcher may first report the files copied just before it started (their times are within the
      // file system's accuracy of the start): a rebuild of the old text. The edit's rebuild follows it.
      let rebuild = await session.next();
      for (let extra = 0; extra < 2 && !rebuild.text('main.js').includes('Bye from '); extra++) {
        expect(rebuild.errors).toEqual([]);
        rebuild = await session.next();
      }
      expect(rebuild.errors).toEqual([]);
      expect(rebuild.text('main.js')).toContain('Bye from ');
      expect(rebuild.text('main.js')).not.toContain('Hello from ');
    } finally {
      await session.close();
    }
  });
});
