import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../config';
import { returningVisits, withReturning } from '../returning';
import type { PreviousVersion } from '../returning';
import type { BuildSizes } from '../types';
import { readManifestDeltas } from './compress-manifest';
import { isDirectory } from './disk';

/**
 * The build with what a visitor holding `previous` downloads of each file: the files are compared in `dir`
 * (the build's output directory), their deltas read from its `compress-manifest.json`.
 */
export async function withReturningFrom(
  build: BuildSizes,
  dir: string | undefined,
  previous: PreviousVersion,
): Promise<BuildSizes> {
  if (dir === undefined || !(await isDirectory(dir))) {
    throw new UsageError(
      `--previous compares the build's files with the previous version, but ${dir === undefined ? 'no output directory is known' : `${dir} is not a directory`}: pass the output directory with --dir`,
    );
  }
  const deltas = await readManifestDeltas(dir);
  const sources = build.assets.map(({ name }) => ({
    name,
    content: () =>
      readFile(path.join(dir, ...name.split('/'))).catch(() => {
        throw new UsageError(
          `--previous: cannot compare ${name}: not in ${dir} (pass the output directory with --dir)`,
        );
      }),
    deltas: deltas(name),
  }));
  return { ...build, assets: withReturning(build.assets, await returningVisits(sources, previous)) };
}
