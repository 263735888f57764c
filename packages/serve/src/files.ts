import type { Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** Errors that mean "no such file here": answered 404 (or another variant), never 500. */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP', 'ENAMETOOLONG', 'EACCES', 'EPERM']);

export const isMissing = (error: unknown): boolean =>
  MISSING.has((error as NodeJS.ErrnoException | undefined)?.code ?? '');

export interface FoundFile {
  /** The real path (symlinks resolved), always inside the root's real path. */
  real: string;
  stats: Stats;
}

/**
 * `segments` under `root`, when the path exists and its real path (after every symlink) is still inside the
 * root's real path; a symlink that leads out of the root is not found.
 */
export async function findInRoot(root: string, segments: readonly string[]): Promise<FoundFile | undefined> {
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(path.join(root, ...segments))]);
    if (real !== realRoot && !real.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep)) {
      return undefined;
    }
    return { real, stats: await stat(real) };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** A manifest file name (`static/js/main.js.br`) as segments, or `undefined` when it could leave the root. */
export function nameSegments(name: string): string[] | undefined {
  const segments = name.split('/').filter(Boolean);
  return segments.some((segment) => segment === '..' || segment === '.' || segment.includes('\\'))
    ? undefined
    : segments;
}
