import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import webpack from 'webpack';
import type { Compiler } from 'webpack';
import { closeCompiler, makeTempDir } from '@packwise/test-utils';
import { CompressPlugin } from '@packwise/compress';

// A rebuild writes only what changed: an unchanged encoding is emitted with the very source object webpack
// wrote before, so webpack skips it (compression-webpack-plugin's behaviour).

/** Runs the compiler once and returns the names webpack wrote in that run. */
function written(compiler: Compiler): Promise<string[]> {
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      if (error || !stats) return reject(error ?? new Error('no stats'));
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve([...stats.compilation.emittedAssets].sort());
    }),
  );
}

describe('rebuilds with the memory cache', () => {
  it('write no file when nothing changed, and only the changed file and its encodings after an edit', async () => {
    const context = await makeTempDir('packwise-rewrite-src-');
    const module = (name: string) => `export const ${name} = ${JSON.stringify(name.repeat(400))};\n`;
    await mkdir(path.join(context, 'src'));
    await writeFile(path.join(context, 'src/a.js'), `import { a } from './shared.js';\nconsole.log(a);\n`);
    await writeFile(path.join(context, 'src/b.js'), `console.log(${JSON.stringify('b'.repeat(2000))});\n`);
    await writeFile(path.join(context, 'src/shared.js'), module('a'));
    const outputDir = await makeTempDir('packwise-rewrite-');
    const compiler = webpack({
      mode: 'production',
      context,
      entry: { a: './src/a.js', b: './src/b.js' },
      cache: { type: 'memory' },
      output: { path: outputDir, filename: '[name].js' },
      optimization: { minimize: false },
      plugins: [new CompressPlugin({ threshold: 0, minRatio: Number.POSITIVE_INFINITY })],
      infrastructureLogging: { level: 'error' },
    });
    try {
      const first = await written(compiler);
      expect(first).toEqual(['a.js', 'a.js.br', 'a.js.gz', 'b.js', 'b.js.br', 'b.js.gz']);
      expect(await written(compiler)).toEqual([]);

      await writeFile(path.join(context, 'src/b.js'), `console.log(${JSON.stringify('c'.repeat(2000))});\n`);
      expect(await written(compiler)).toEqual(['b.js', 'b.js.br', 'b.js.gz']);
    } finally {
      await closeCompiler(compiler);
    }
  });
});
