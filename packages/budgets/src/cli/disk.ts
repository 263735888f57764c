import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../config';
import type { KnownSizes, SizeSource } from '../measure';

async function fileSize(file: string): Promise<number | undefined> {
  try {
    const stats = await stat(file);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

/** Every path below `dir`, relative, with `/` separators; a UsageError when `dir` is not a directory. */
export async function listFiles(dir: string, label: string): Promise<string[]> {
  try {
    const names = await readdir(dir, { recursive: true });
    return names.map((name) => name.split(path.sep).join('/'));
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const reason = code === 'ENOENT' ? 'no such directory' : code === 'ENOTDIR' ? 'not a directory' : message;
    throw new UsageError(`${label}: ${reason}`);
  }
}

/** Whether `dir` exists and is a directory. */
export async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
}

/**
 * The file `name` in `dir` as a SizeSource, or undefined when it is not a file. Encoded sizes not already
 * known are read from the `.gz`/`.br` siblings a compression plugin wrote (and `.zst` when `zstd`, that is
 * when a budget counts it): a `stat`, no compression.
 */
export async function diskSource(
  dir: string,
  name: string,
  known: KnownSizes = {},
  zstd = false,
): Promise<SizeSource | undefined> {
  const file = path.join(dir, ...name.split('/'));
  const [raw, gzip, brotli, zst] = await Promise.all([
    fileSize(file),
    known.gzip ?? fileSize(`${file}.gz`),
    known.brotli ?? fileSize(`${file}.br`),
    zstd ? (known.zstd ?? fileSize(`${file}.zst`)) : undefined,
  ]);
  if (raw === undefined) return undefined;
  return { name, raw, content: () => readFile(file), known: { gzip, brotli, zstd: zst } };
}
