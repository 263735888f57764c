import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The monorepo root (this file is packages/test-utils/{src,dist}/paths). */
export const repoRoot = path.resolve(__dirname, '../../..');

/** Absolute path inside `fixtures/`. */
export function fixturePath(...segments: string[]): string {
  return path.join(repoRoot, 'fixtures', ...segments);
}

/**
 * A new empty directory. Defaults to the OS temp dir; pass `within` to create it inside a fixture so that
 * module resolution still finds that fixture's `node_modules`.
 */
export function makeTempDir(prefix = 'packwise-', within: string = os.tmpdir()): Promise<string> {
  return mkdtemp(path.join(within, prefix));
}

/** Forward slashes, so names compare alike on Windows and POSIX. */
export function toPosix(filePath: string): string {
  return filePath.split(path.sep).join('/');
}
