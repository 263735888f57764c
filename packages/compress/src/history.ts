import { mkdir, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The newest `keep` recorded builds in a history folder, newest first (none when it does not exist yet). */
export async function historyFolders(history: string, keep: number): Promise<string[]> {
  const entries = await readdir(history, { withFileTypes: true }).catch(() => []);
  const builds = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry) => {
        const folder = path.join(history, entry.name);
        return { folder, time: (await stat(folder)).mtimeMs };
      }),
  );
  builds.sort((a, b) => b.time - a.time || b.folder.localeCompare(a.folder));
  return builds.slice(0, keep).map((build) => build.folder);
}

/**
 * Records this build's dictionary files as `history/<build>/<name>` and removes all but the newest `keep`
 * builds. A build already recorded (same hash) only becomes the newest again.
 */
export async function recordBuild(
  history: string,
  build: string,
  files: { name: string; content: Buffer }[],
  keep: number,
): Promise<void> {
  const folder = path.join(history, build);
  for (const { name, content } of files) {
    const file = path.join(folder, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  // Touch the folder: its mtime orders the history.
  await mkdir(folder, { recursive: true });
  const now = new Date();
  await utimes(folder, now, now);
  const kept = new Set(await historyFolders(history, keep));
  const entries = await readdir(history, { withFileTypes: true });
  await Promise.all(
    entries
      .filter((entry) => entry.isDirectory() && !kept.has(path.join(history, entry.name)))
      .map((entry) => rm(path.join(history, entry.name), { recursive: true, force: true })),
  );
}
