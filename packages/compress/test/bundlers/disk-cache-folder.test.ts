import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Configuration } from 'webpack';
import { bundler, compile } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { CompressPlugin, PLUGIN_NAME } from '@packwise/compress';
import type { CompressPluginOptions } from '@packwise/compress';
import { changedOriginals, compressConfig, compressCounts, copyCompressFixture } from '../helpers';

// Where the disk cache lives and when it is on: 'auto' means Rspack only; its folder is beside Rspack's
// persistent cache directory when that cache is on, else node_modules/.cache/packwise-compress under the context.

const DEFAULT_FOLDER = 'node_modules/.cache/packwise-compress';

const diskLines = (result: BuildResult) => {
  const logging = result.stats.toJson({ all: false, logging: 'log' }).logging ?? {};
  return (logging[PLUGIN_NAME]?.entries ?? [])
    .map((entry) => entry.message ?? '')
    .filter((message) => message.startsWith('disk cache '));
};

const entriesIn = (folder: string) =>
  readdir(folder).then(
    (names) => names.filter((name) => name.endsWith('.bin')).length,
    () => 0,
  );

async function build(context: string, options: CompressPluginOptions, overrides: Configuration = {}) {
  const result = await compile(
    compressConfig({ context, ...overrides, plugins: [new CompressPlugin(options)] }),
  );
  expect({ errors: result.errors, warnings: result.warnings }).toEqual({ errors: [], warnings: [] });
  return result;
}

describe(`the disk cache's folder on ${bundler().name} ${bundler().version}`, () => {
  it(`is on by default on Rspack only, in ${DEFAULT_FOLDER}`, async () => {
    const { context } = await copyCompressFixture();
    const result = await build(context, {});
    const folder = path.join(context, DEFAULT_FOLDER);
    const encodings = compressCounts(result).computed;
    expect({ lines: diskLines(result).length, entries: await entriesIn(folder) }).toEqual(
      bundler().rspack ? { lines: 1, entries: encodings } : { lines: 0, entries: 0 },
    );
  });

  it('is on for any bundler with diskCache: true, and a fresh compiler reads it', async () => {
    const { context } = await copyCompressFixture();
    const first = await build(context, { diskCache: true });
    const total = compressCounts(first).computed;
    expect(await entriesIn(path.join(context, DEFAULT_FOLDER))).toBe(total);
    const second = await build(context, { diskCache: true });
    expect(compressCounts(second)).toEqual({
      assets: compressCounts(first).assets,
      computed: 0,
      cached: total,
    });
    expect(diskLines(second)).toEqual([
      expect.stringMatching(
        new RegExp(`^disk cache ${path.join(context, DEFAULT_FOLDER)}: ${total} read, 0 written`),
      ),
    ]);
  });

  (bundler().rspack ? it : it.skip)(
    "lives beside Rspack's persistent cache directory when that cache is on (1.7 empties it of others' files)",
    async () => {
      const { root, context } = await copyCompressFixture();
      const directory = path.join(root, 'caches', 'rspack');
      const storage = { type: 'persistent', storage: { type: 'filesystem', directory } };
      // Rspack 2: `cache`; Rspack 1.7: `experiments.cache` (with `cache: true`).
      const overrides = (
        bundler().name === 'rspack' ? { cache: storage } : { cache: true, experiments: { cache: storage } }
      ) as Configuration;
      const first = await build(context, {}, overrides);
      const folder = path.join(root, 'caches', 'packwise-compress');
      const total = compressCounts(first).computed;
      expect(await entriesIn(folder)).toBe(total);
      const second = await build(context, {}, overrides);
      // Rspack 1.7's warm persistent build mangles main's names differently (as it does without this plugin):
      // only what changed is computed again, the rest comes from the folder.
      const changed = changedOriginals(first, second).length;
      expect(changed).toBe(bundler().name === 'rspack-1' ? 1 : 0);
      expect(compressCounts(second)).toEqual({
        assets: compressCounts(first).assets,
        computed: 2 * changed,
        cached: total - 2 * changed,
      });
      expect(diskLines(second)).toEqual([
        expect.stringMatching(new RegExp(`^disk cache ${folder}: ${total - 2 * changed} read`)),
      ]);
      expect(await entriesIn(folder)).toBe(total + 2 * changed);
    },
  );
});
