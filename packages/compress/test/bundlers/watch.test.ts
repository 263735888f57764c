import { mkdir, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Configuration } from 'webpack';
import { bundler, makeTempDir, startWatch } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { CompressPlugin } from '@packwise/compress';
import type { CompressPluginOptions } from '@packwise/compress';
import { compressCounts } from '../helpers';

// Watch mode on webpack 5 and both Rspacks: a rebuild after an edit recompresses and writes only the edited
// entry's files, judged by the output files' modification times (what a dev server or rsync sees).

const OUTPUTS = ['a.js', 'a.js.br', 'a.js.gz', 'b.js', 'b.js.br', 'b.js.gz'];
const LONG_AGO = new Date('2001-02-03T04:05:06Z');
const bSource = (text: string) => `console.log(${JSON.stringify(text.repeat(400))});\n`;

async function touched(outputDir: string): Promise<string[]> {
  const times = await Promise.all(OUTPUTS.map((name) => stat(path.join(outputDir, name))));
  return OUTPUTS.filter((_, index) => times[index]?.mtime.getTime() !== LONG_AGO.getTime());
}

async function editAndRebuild(options: CompressPluginOptions) {
  const context = await makeTempDir('packwise-watch-src-');
  const src = (file: string) => path.join(context, 'src', file);
  await mkdir(src(''));
  await writeFile(src('a.js'), `console.log(${JSON.stringify('a'.repeat(400))});\n`);
  await writeFile(src('b.js'), bSource('b'));
  // Sources dated back: written within the watcher's timestamp accuracy they would read as changed.
  const aMinuteAgo = new Date(Date.now() - 60_000);
  for (const file of ['a.js', 'b.js']) await utimes(src(file), aMinuteAgo, aMinuteAgo);
  const config: Configuration = {
    mode: 'production',
    context,
    entry: { a: './src/a.js', b: './src/b.js' },
    // The memory cache on all three (`true` means it on webpack and both Rspacks).
    cache: true,
    output: { filename: '[name].js' },
    optimization: { minimize: false },
    plugins: [new CompressPlugin({ threshold: 0, minRatio: Number.POSITIVE_INFINITY, ...options })],
    infrastructureLogging: { level: 'error' },
  };
  const session = await startWatch(config);
  try {
    const first = await session.next();
    expect(first.errors).toEqual([]);
    expect([...first.files.keys()]).toEqual(OUTPUTS);
    for (const name of OUTPUTS) await utimes(path.join(first.outputDir, name), LONG_AGO, LONG_AGO);

    await writeFile(src('b.js'), bSource('edited'));
    // The watcher may first start a rebuild that still reads the old text; the edit's rebuild follows it.
    let rebuild: BuildResult = await session.next();
    for (let extra = 0; extra < 2 && !rebuild.text('b.js').includes('edited'); extra += 1)
      rebuild = await session.next();
    expect(rebuild.errors).toEqual([]);
    expect(rebuild.text('b.js')).toContain('edited');
    return { rebuild, touched: await touched(first.outputDir) };
  } finally {
    await session.close();
  }
}

describe(`watch mode on ${bundler().name} ${bundler().version}`, () => {
  it.each<[string, CompressPluginOptions]>([
    ['the bundler cache only', { diskCache: false }],
    ['the disk cache too', {}],
  ])('recompresses and writes only the edited entry, with %s', async (_label, options) => {
    const directory = await makeTempDir('packwise-watch-cache-');
    const { rebuild, touched: written } = await editAndRebuild(
      'diskCache' in options ? options : { diskCache: { directory } },
    );
    expect(compressCounts(rebuild)).toEqual({ assets: 2, computed: 2, cached: 2 });
    expect(written).toEqual(['b.js', 'b.js.br', 'b.js.gz']);
  });
});
