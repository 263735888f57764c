import { readFile, rm, writeFile } from 'node:fs/promises';
import type { Configuration } from 'webpack';
import { CompressPlugin } from '@packwise/compress';
import { startWatch } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import {
  COMPRESSIBLE,
  changedOriginals,
  compressConfig,
  compressCounts,
  compressibleOriginals,
  copyCompressFixture,
  encodedFiles,
  expectRoundTrips,
} from './helpers';

const CYCLES = 20;
/** A module added during the test: eager ones end up in main, lazy ones (`import()`) in a chunk of their own. */
interface Extra {
  id: number;
  lazy: boolean;
}

/**
 * The fixture as `webpack --watch` builds it: memory cache, output dir cleaned of files the build no longer
 * emits, and every encoding kept (minRatio Infinity) so which ones exist does not depend on how well a file
 * compresses.
 */
function watchConfig(context: string): Configuration {
  return compressConfig({
    context,
    cache: { type: 'memory' },
    output: { clean: true },
    plugins: [new CompressPlugin({ minRatio: Number.POSITIVE_INFINITY })],
  });
}

function indexSource(original: string, extras: Extra[], marker: string): string {
  const eager = extras.filter((extra) => !extra.lazy);
  const lazy = extras.filter((extra) => extra.lazy);
  return [
    ...eager.map(({ id }) => `import { extra${id} } from './extra-${id}';`),
    original,
    `document.body.dataset.cycle = '${marker}';`,
    `document.body.title = [${eager.map(({ id }) => `extra${id}`).join(', ')}].join(' ');`,
    ...lazy.map(
      ({ id }) =>
        `export function loadExtra${id}() { return import(/* webpackChunkName: "extra-${id}" */ './extra-${id}'); }`,
    ),
  ].join('\n');
}

function extraSource({ id, lazy }: Extra): string {
  const text = `Extra module ${id}, loaded ${lazy ? 'on demand' : 'with the entry'}. `.repeat(4);
  return `export const extra${id} = ${JSON.stringify(text)};\n`;
}

/** The `.gz`/`.br` files there must be: one of each for every compressible file in the output, no other. */
const expectedEncodings = (build: BuildResult) =>
  compressibleOriginals(build)
    .flatMap((name) => [`${name}.br`, `${name}.gz`])
    .sort();

function lazyChunkIds(build: BuildResult): number[] {
  return [...build.files.keys()]
    .flatMap((name) => /^extra-(\d+)\.[0-9a-f]+\.js$/.exec(name)?.[1] ?? [])
    .map(Number)
    .sort((a, b) => a - b);
}

describe('CompressPlugin in watch mode', () => {
  it(`keeps exactly one current .gz and .br per compressible file over ${CYCLES} rebuilds`, async () => {
    const { context, src } = await copyCompressFixture();
    const originals = {
      index: await readFile(src('index.js'), 'utf8'),
      report: await readFile(src('report.js'), 'utf8'),
      logo: await readFile(src('logo.svg'), 'utf8'),
    };
    // Each cycle writes exactly one watched file, so each cycle is exactly one rebuild.
    const edits = [
      (marker: string) => writeFile(src('tiny.js'), `export const tiny = '${marker}';\n`),
      (marker: string) =>
        writeFile(src('report.js'), originals.report.replace('<tr>', `<tr data-cycle="${marker}">`)),
      (marker: string) =>
        writeFile(src('logo.svg'), originals.logo.replace('</svg>', `<!-- ${marker} --></svg>`)),
    ];
    let extras: Extra[] = [];
    let added = 0;
    let removed = 0;

    const session = await startWatch(watchConfig(context));
    try {
      const initial = await session.next();
      expect(initial.errors).toEqual([]);
      expect(encodedFiles(initial)).toEqual(expectedEncodings(initial));

      for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
        const marker = `cycle-${String(cycle).padStart(2, '0')}`;
        let dropped: Extra | undefined;
        if (cycle % 4 === 1) {
          // Not watched yet: only the index.js edit that imports it starts the rebuild.
          const extra = { id: cycle, lazy: added % 2 === 0 };
          added += 1;
          await writeFile(src(`extra-${extra.id}.js`), extraSource(extra));
          extras = [...extras, extra];
          await writeFile(src('index.js'), indexSource(originals.index, extras, marker));
        } else if (cycle % 4 === 3 && extras.length > 1) {
          [dropped] = extras;
          extras = extras.slice(1);
          await writeFile(src('index.js'), indexSource(originals.index, extras, marker));
        } else {
          await (edits[cycle % edits.length] as (marker: string) => Promise<void>)(marker);
        }

        const build = await session.next();
        expect({ cycle, errors: build.errors }).toEqual({ cycle, errors: [] });
        // This is the build of this cycle's edit, with the lazy chunks of the extras imported now.
        const marked = [...build.files].filter(
          ([name, content]) => COMPRESSIBLE.test(name) && content.includes(marker),
        );
        expect({ cycle, marked: marked.length }).toEqual({ cycle, marked: 1 });
        expect({ cycle, lazyChunks: lazyChunkIds(build) }).toEqual({
          cycle,
          lazyChunks: extras.filter((extra) => extra.lazy).map((extra) => extra.id),
        });
        // Nothing on disk but what this build emitted (output.clean), and exactly the encodings due.
        expect({ cycle, files: [...build.files.keys()] }).toEqual({
          cycle,
          files: Object.keys(build.stats.compilation.assets).sort(),
        });
        expect({ cycle, encodings: encodedFiles(build) }).toEqual({
          cycle,
          encodings: expectedEncodings(build),
        });
        expectRoundTrips(build);

        if (dropped) {
          // No longer imported, so no longer watched: deleting the file starts no rebuild.
          await rm(src(`extra-${dropped.id}.js`));
          removed += 1;
        }
      }
      expect({ added, removed }).toEqual({ added: 5, removed: 4 });
    } finally {
      await session.close();
    }
  });

  // Fails today: the unchanged main.js is compressed again. src/encode.ts passes webpack's lazy etag object,
  // which the memory cache compares by identity, and webpack renders main's source anew after the SVG changed.
  it('compresses again only the files a rebuild changed', async () => {
    const { context, src } = await copyCompressFixture();
    const logo = await readFile(src('logo.svg'), 'utf8');
    const session = await startWatch(watchConfig(context));
    try {
      const initial = await session.next();
      expect(compressCounts(initial)).toEqual({ assets: 3, computed: 6, cached: 0 });

      await writeFile(src('logo.svg'), logo.replace('</svg>', '<!-- edited --></svg>'));
      let rebuild = await session.next();
      // On loaded CI machines watchpack has been seen to start a rebuild that still reads the old SVG (nothing
      // changed, nothing compressed); the edit's own rebuild follows it. Judge that one.
      for (let extra = 0; extra < 2 && changedOriginals(initial, rebuild).length === 0; extra += 1)
        rebuild = await session.next();
      expect(rebuild.errors).toEqual([]);
      // main.js refers to the SVG by its unhashed name: only the SVG's bytes change.
      expect(changedOriginals(initial, rebuild)).toEqual(['logo.svg']);
      expect(compressCounts(rebuild)).toEqual({ assets: 3, computed: 2, cached: 4 });
      expectRoundTrips(rebuild);
    } finally {
      await session.close();
    }
  });
});
