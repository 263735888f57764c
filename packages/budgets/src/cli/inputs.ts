import path from 'node:path';
import type { BuildSizes } from '../types';
import type { CheckArgs } from './args';
import { readDir } from './dir-input';
import { readJsonFile } from './read-json';
import { isObject } from './read-json';
import { fromReport, isReport } from './report-input';
import { readStats } from './stats-input';

export interface BuildInput {
  build: BuildSizes;
  /** False for `--dir` alone: the files are known, not which entry loads them. */
  entriesKnown: boolean;
  /** Where the build's files are (`--dir`, else the stats' `outputPath`); none for a report. */
  dir?: string;
}

/** The build to check, from --report, --stats (+ --dir) or --dir; zstd sizes too when `zstd`. */
export async function readBuild(args: CheckArgs, cwd: string, zstd = false): Promise<BuildInput> {
  if (args.report) {
    const label = `--report ${args.report}`;
    return { build: fromReport(await readJsonFile(cwd, args.report, '--report'), label), entriesKnown: true };
  }
  if (args.stats) {
    const input = {
      label: `--stats ${args.stats}`,
      cwd,
      dir: args.dir,
      hint: 'pass the output directory with --dir',
      zstd,
    };
    const stats = await readJsonFile(cwd, args.stats, '--stats');
    const outputPath = isObject(stats) && typeof stats.outputPath === 'string' ? stats.outputPath : undefined;
    const dir = args.dir ?? outputPath;
    return {
      build: await readStats(stats, input),
      entriesKnown: true,
      ...(dir !== undefined && { dir: path.resolve(cwd, dir) }),
    };
  }
  const dir = args.dir as string;
  return { build: await readDir(cwd, dir, zstd), entriesKnown: false, dir: path.resolve(cwd, dir) };
}

/**
 * The base branch's build: a packwise report (all sizes in it), or webpack stats whose files are measured in
 * their `outputPath` unless the stats size them (zstd too when `zstd`).
 */
export async function readBaseline(file: string, cwd: string, zstd = false): Promise<BuildSizes> {
  const json = await readJsonFile(cwd, file, '--baseline');
  const label = `--baseline ${file}`;
  if (isReport(json)) return fromReport(json, label);
  const hint = "keep the base branch's output directory, or use its packwise-report.json as the baseline";
  return readStats(json, { label, cwd, hint, zstd });
}
