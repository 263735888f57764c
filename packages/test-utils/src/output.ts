import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { toPosix } from './paths';

/** Every file below `dir`, keyed by its POSIX path relative to `dir`, sorted by name. */
export async function readOutputFiles(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  const names = entries
    .filter((entry) => entry.isFile())
    .map((entry) => toPosix(path.relative(dir, path.join(entry.parentPath, entry.name))))
    .sort();
  const files = new Map<string, Buffer>();
  for (const name of names) files.set(name, await readFile(path.join(dir, name)));
  return files;
}

/**
 * Replaces machine-specific absolute paths in a message with stable placeholders (`<output>`, `<root>`) and
 * turns Windows separators into `/`, so tests can compare messages literally.
 */
export function normalisePaths(text: string, replacements: Record<string, string>): string {
  let result = text;
  // Longest path first: the output dir usually lies inside the root.
  for (const [from, to] of Object.entries(replacements).sort(([a], [b]) => b.length - a.length)) {
    result = result.split(from).join(to).split(toPosix(from)).join(to);
  }
  return result.replace(/\\/g, '/');
}
