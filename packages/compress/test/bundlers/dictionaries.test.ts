import { readdir } from 'node:fs/promises';
import { decodeDcz, sha256 } from '@packwise/core';
import { bundler, compile, makeTempDir } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { PLUGIN_NAME } from '@packwise/compress';
import type { CompressPluginOptions, Manifest } from '@packwise/compress';
import { appConfig, deltasIn, mainOf, settingsOf, writeApp } from '../dictionary-app';
import { statsAssets } from '../helpers';

// Dictionary deltas (RFC 9842 dcz) on webpack 5 and both Rspacks: version N built against version N-1's output
// or the plugin's history; the deltas decode against the old files, and a new process takes them from disk.

async function buildVersion(
  context: string,
  edit: string,
  options: CompressPluginOptions,
): Promise<BuildResult> {
  await writeApp(context, edit);
  const outputDir = await makeTempDir('packwise-dict-out-');
  const result = await compile(appConfig(context, outputDir, options), { outputDir });
  expect({ errors: result.errors, warnings: result.warnings }).toEqual({ errors: [], warnings: [] });
  return result;
}

const hex8 = (content: Buffer) => sha256(content).toString('hex').slice(0, 8);

describe(`dictionaries on ${bundler().name} ${bundler().version}`, () => {
  let context: string;
  let v1: BuildResult;
  let v2: BuildResult;
  beforeAll(async () => {
    context = await makeTempDir('packwise-dict-src-');
    v1 = await buildVersion(context, 'first', { dictionaries: { previous: [] } });
    v2 = await buildVersion(context, 'second', { dictionaries: { previous: v1.outputDir } });
  });

  it('writes deltas of the changed file against the old one and itself, decoding to the new bytes', async () => {
    const [oldMain, newMain] = [mainOf(v1), mainOf(v2)];
    expect(oldMain).not.toBe(newMain);
    expect(settingsOf(v2)).toBe(settingsOf(v1));
    const against = `${newMain}.${hex8(v1.read(oldMain))}.dcz`;
    const self = `${newMain}.${hex8(v2.read(newMain))}.dcz`;
    expect({ v1: deltasIn(v1), v2: deltasIn(v2) }).toEqual({ v1: [], v2: [against, self].sort() });
    expect((await decodeDcz(v2.read(against), v1.read(oldMain))).equals(v2.read(newMain))).toBe(true);
    expect((await decodeDcz(v2.read(self), v2.read(newMain))).equals(v2.read(newMain))).toBe(true);
    expect(v2.read(against).length).toBeLessThan(v2.read(`${newMain}.br`).length / 10);
  });

  it('announces each file with its hashes as wildcards, and lists the deltas in the manifest and the stats', () => {
    const manifest = JSON.parse(v2.text('compress-manifest.json')) as Manifest;
    const newMain = mainOf(v2);
    expect(manifest.assets[newMain]?.dictionary).toEqual({
      match: '/main.*.js',
      sha256: sha256(v2.read(newMain)).toString('hex'),
    });
    expect(manifest.assets[settingsOf(v2)]?.dictionary?.match).toBe('/settings.*.js');
    expect(manifest.assets[newMain]?.deltas?.map((delta) => delta.file).sort()).toEqual(deltasIn(v2));

    const assets = statsAssets(v2);
    expect([assets.get(newMain)?.info.related?.dcz].flat().sort()).toEqual(deltasIn(v2));
    const against = `${newMain}.${hex8(v1.read(mainOf(v1)))}.dcz`;
    expect(assets.get(against)?.info).toEqual(
      expect.objectContaining({
        compressed: true,
        dictionary: sha256(v1.read(mainOf(v1))).toString('hex'),
        dictionaryFile: mainOf(v1),
      }),
    );
  });

  it('takes the deltas from the disk cache in a new compiler, with the same bytes', async () => {
    const directory = await makeTempDir('packwise-dict-cache-');
    const options = { dictionaries: { previous: v1.outputDir }, diskCache: { directory } };
    const first = await buildVersion(context, 'second', options);
    const again = await buildVersion(context, 'second', options);
    const line = (result: BuildResult) => {
      const logging = result.stats.toJson({ all: false, logging: 'log' }).logging ?? {};
      return (logging[PLUGIN_NAME]?.entries ?? [])
        .map((entry) => entry.message ?? '')
        .find((m) => m.startsWith('disk cache'));
    };
    // Two deltas and gzip and brotli of main and settings.
    expect(line(first)).toMatch(/: 0 read, 6 written, 0 corrupt/);
    expect(line(again)).toMatch(/: 6 read, 0 written, 0 corrupt/);
    for (const file of deltasIn(v2))
      expect({ file, same: again.read(file).equals(v2.read(file)) }).toEqual({ file, same: true });
  });

  it('keeps the last builds in its history folder and compresses against them', async () => {
    const historyContext = await makeTempDir('packwise-dict-history-src-');
    const history = await makeTempDir('packwise-dict-history-');
    const builds: BuildResult[] = [];
    for (const edit of ['one', 'two', 'three'])
      builds.push(await buildVersion(historyContext, edit, { dictionaries: { history, keep: 2 } }));
    expect((await readdir(history)).length).toBe(2);
    const last = builds[2] as BuildResult;
    const previous = (JSON.parse(last.text('compress-manifest.json')) as Manifest).assets[
      mainOf(last)
    ]?.deltas?.map((delta) => delta.previous);
    expect(previous?.sort()).toEqual(
      [mainOf(builds[0] as BuildResult), mainOf(builds[1] as BuildResult), mainOf(last)].sort(),
    );
  });
});
