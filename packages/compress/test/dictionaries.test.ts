import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DCZ_MAGIC, decodeDcz, sha256 } from '@packwise/core';
import { compile, makeTempDir } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { CompressPlugin } from '@packwise/compress';
import type { CompressPluginOptions, Manifest } from '@packwise/compress';
import { appConfig, deltasIn, mainOf, settingsOf, writeApp } from './dictionary-app';

// Real builds of a small app in two or more versions: version N is built with version N-1's output as
// `previous` (or with the plugin's own history), and its deltas must decode against the old files.

async function buildVersion(
  context: string,
  edit: string,
  options: CompressPluginOptions,
): Promise<BuildResult> {
  await writeApp(context, edit);
  const outputDir = await makeTempDir('packwise-dict-out-');
  return compile(appConfig(context, outputDir, options), { outputDir });
}

describe('dictionaries: deltas against the previous version', () => {
  let context: string;
  let v1: BuildResult;
  let v2: BuildResult;
  beforeAll(async () => {
    context = await makeTempDir('packwise-dict-src-');
    v1 = await buildVersion(context, 'first', { dictionaries: { previous: [] } });
    v2 = await buildVersion(context, 'second', { dictionaries: { previous: v1.outputDir } });
  });

  it('writes <file>.<8 hex of the old file’s SHA-256>.dcz for the changed file, decoding against the old one', async () => {
    expect(v2.errors).toEqual([]);
    const [oldMain, newMain] = [mainOf(v1), mainOf(v2)];
    expect(oldMain).not.toBe(newMain);
    const oldBytes = v1.read(oldMain);
    const hash = sha256(oldBytes).toString('hex');
    const file = `${newMain}.${hash.slice(0, 8)}.dcz`;
    const self = `${newMain}.${sha256(v2.read(newMain)).toString('hex').slice(0, 8)}.dcz`;
    expect(deltasIn(v2).sort()).toEqual([file, self].sort());
    const body = v2.read(file);
    expect(body.subarray(0, 8).equals(DCZ_MAGIC)).toBe(true);
    expect(body.subarray(8, 40).toString('hex')).toBe(hash);
    expect((await decodeDcz(body, oldBytes)).equals(v2.read(newMain))).toBe(true);
    // The point of it: far below the best plain encoding.
    expect(body.length).toBeLessThan(v2.read(`${newMain}.br`).length / 10);
  });

  it('also writes the changed file against itself, for the browser that asks again holding it', async () => {
    const newMain = mainOf(v2);
    const own = sha256(v2.read(newMain)).toString('hex');
    const body = v2.read(`${newMain}.${own.slice(0, 8)}.dcz`);
    expect(body.subarray(8, 40).toString('hex')).toBe(own);
    expect((await decodeDcz(body, v2.read(newMain))).equals(v2.read(newMain))).toBe(true);
    expect(body.length).toBeLessThan(100);
  });

  it('writes no delta for a file that did not change, nor for a file without an earlier version', () => {
    expect(settingsOf(v2)).toBe(settingsOf(v1));
    expect(deltasIn(v1)).toEqual([]);
    // A first deploy (previous: []) still announces its files as dictionaries.
    const first = JSON.parse(v1.text('compress-manifest.json')) as Manifest;
    expect(first.assets[mainOf(v1)]?.dictionary?.match).toBe('/main.*.js');
  });

  it('lists the match, the file’s own hash and each delta in the manifest', () => {
    const manifest = JSON.parse(v2.text('compress-manifest.json')) as Manifest;
    const newMain = mainOf(v2);
    const entry = manifest.assets[newMain];
    expect(manifest.publicPath).toBe('/');
    expect(entry?.dictionary).toEqual({
      match: '/main.*.js',
      sha256: sha256(v2.read(newMain)).toString('hex'),
    });
    const oldHash = sha256(v1.read(mainOf(v1))).toString('hex');
    const own = entry?.dictionary?.sha256 as string;
    const listed = (hash: string, previous: string) => ({
      encoding: 'dcz',
      file: `${newMain}.${hash.slice(0, 8)}.dcz`,
      size: v2.read(`${newMain}.${hash.slice(0, 8)}.dcz`).length,
      dictionary: hash,
      previous,
    });
    expect(entry?.deltas).toEqual([listed(oldHash, mainOf(v1)), listed(own, newMain)]);
    expect(manifest.assets[settingsOf(v2)]?.dictionary?.match).toMatch(/^\/settings\.\*\.js$/);
  });

  it('marks the delta compressed and names it in the original’s related info', () => {
    const oldHash = sha256(v1.read(mainOf(v1))).toString('hex');
    const delta = v2.stats.compilation.getAsset(`${mainOf(v2)}.${oldHash.slice(0, 8)}.dcz`);
    expect(delta?.info).toEqual(
      expect.objectContaining({
        compressed: true,
        immutable: true,
        dictionary: oldHash,
        dictionaryFile: mainOf(v1),
      }),
    );
    expect([v2.stats.compilation.getAsset(mainOf(v2))?.info.related?.dcz].flat().sort()).toEqual(
      deltasIn(v2).sort(),
    );
  });

  it('writes no delta against an unrelated earlier file: it would not be smaller than brotli', async () => {
    const unrelated = await makeTempDir('packwise-dict-unrelated-');
    const noise = Array.from({ length: 4000 }, (_, i) => ((i * 2654435761) % 2 ** 32).toString(36)).join(' ');
    await writeFile(path.join(unrelated, 'main.0badf00d.js'), noise);
    const result = await buildVersion(context, 'third', { dictionaries: { previous: unrelated } });
    expect(result.errors).toEqual([]);
    expect(deltasIn(result)).toEqual([]);
  });
});

describe('dictionaries: the history folder', () => {
  it('keeps the last `keep` builds and compresses against each of them', async () => {
    const context = await makeTempDir('packwise-dict-history-src-');
    const history = await makeTempDir('packwise-dict-history-');
    const options = { dictionaries: { history, keep: 2 } };
    const builds: BuildResult[] = [];
    for (const edit of ['one', 'two', 'three', 'four'])
      builds.push(await buildVersion(context, edit, options));
    expect((await readdir(history)).length).toBe(2);
    const last = builds[3] as BuildResult;
    expect(last.errors).toEqual([]);
    const dictionaries = (JSON.parse(last.text('compress-manifest.json')) as Manifest).assets[
      mainOf(last)
    ]?.deltas?.map((delta) => delta.previous);
    // Builds two and three are the history when build four runs; build one was pruned. (And the file itself.)
    expect(dictionaries?.sort()).toEqual(
      [mainOf(builds[1] as BuildResult), mainOf(builds[2] as BuildResult), mainOf(last)].sort(),
    );
  });

  it('refuses a history inside output.path with a build error', async () => {
    const context = await makeTempDir('packwise-dict-inside-src-');
    await writeApp(context, 'x');
    const outputDir = await makeTempDir('packwise-dict-inside-out-');
    const result = await compile(
      appConfig(context, outputDir, { dictionaries: { history: path.join(outputDir, 'history') } }),
      { outputDir },
    );
    expect(result.errors).toEqual([
      expect.stringMatching(/dictionaries\.history ".*" is inside output\.path/),
    ]);
  });
});

describe('dictionaries: bad input', () => {
  it('reports a previous folder that does not exist as a build error naming it', async () => {
    const context = await makeTempDir('packwise-dict-bad-src-');
    const result = await buildVersion(context, 'x', {
      dictionaries: { previous: path.join(context, 'no-such-deploy') },
    });
    expect(result.errors).toEqual([
      `PackwiseCompressPlugin: dictionaries.previous: "<context>/no-such-deploy" does not exist (a folder of an earlier build's output)`,
    ]);
  });

  it('needs previous or history, and a level zstd dictionaries take', () => {
    expect(() => new CompressPlugin({ dictionaries: {} })).toThrow(/needs previous .* or history: true/);
    expect(() => new CompressPlugin({ dictionaries: { previous: 'x', level: 20 } })).toThrow(
      'options.dictionaries.level should be >= 1 and <= 19',
    );
  });
});
