import path from 'node:path';
import { UsageError } from '../config';
import { MEASURED_FILE, measureAll } from '../measure';
import type { SizeSource } from '../measure';
import type { BuildSizes } from '../types';
import { readCompressManifest } from './compress-manifest';
import { diskSource, listFiles } from './disk';

/**
 * Sizes of every JS, CSS and HTML file below `dir`: encoded sizes from compress-manifest.json or the
 * `.gz`/`.br` (and, with `zstd`, `.zst`) siblings when present, else compressed here with bounded
 * parallelism. No entry information.
 */
export async function readDir(cwd: string, dir: string, zstd = false): Promise<BuildSizes> {
  const root = path.resolve(cwd, dir);
  const names = (await listFiles(root, `--dir ${dir}`)).filter((name) => MEASURED_FILE.test(name));
  const known = await readCompressManifest(root);
  const sources = await Promise.all(names.map((name) => diskSource(root, name, known(name), zstd)));
  const files = sources.filter((source): source is SizeSource => source !== undefined);
  if (files.length === 0) throw new UsageError(`--dir ${dir}: no JS, CSS or HTML files in it`);
  return { assets: await measureAll(files, { zstd }), entries: {} };
}
