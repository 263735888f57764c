import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** One earlier deployed file: where it is and its name relative to its output folder. */
export interface PreviousFile {
  folder: string;
  name: string;
}

const ENCODED = /\.(gz|br|zst|dcz|dcb|deflate|deflate-raw|map)$/;

/** Every file under `folder` (names relative to it, `/`-separated), skipping encodings and source maps. */
async function listFiles(folder: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(folder, prefix), { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) names.push(...(await listFiles(folder, name)));
    else if (entry.isFile() && !ENCODED.test(name)) names.push(name);
  }
  return names;
}

/**
 * A name's shape with its content hashes as wildcards: `static/js/main.1a2b3c4d.js` with hash `1a2b3c4d` is
 * `static/js/main.*.js`, and matches another build's `static/js/main.9f8e7d6c.js` (same length, hash alphabet).
 * `wildcard` is that shape as a URLPattern (RFC 9842's `match`): `*` for each hash, the rest escaped.
 */
export function nameShape(name: string, hashes: string[]): { pattern: RegExp; wildcard: string } {
  const found = [...new Set(hashes.filter((hash) => hash.length >= 4 && name.includes(hash)))];
  // Longest first, so a hash inside another one does not split it.
  found.sort((a, b) => b.length - a.length);
  let parts: (string | number)[] = [name];
  for (const hash of found) {
    parts = parts.flatMap((part) =>
      typeof part === 'number'
        ? [part]
        : part.split(hash).flatMap((piece, index) => (index === 0 ? [piece] : [hash.length, piece])),
    );
  }
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  // URLPattern's special characters, as RFC 9842's `match` is read.
  const escapeUrlPattern = (text: string) => text.replace(/[:*(){}?+\\]/g, '\\$&');
  const pattern = parts
    .map((part) => (typeof part === 'number' ? `[A-Za-z0-9_-]{${part}}` : escapeRegExp(part)))
    .join('');
  const wildcard = parts.map((part) => (typeof part === 'number' ? '*' : escapeUrlPattern(part))).join('');
  return { pattern: new RegExp(`^${pattern}$`), wildcard };
}

/** The files of earlier versions, by folder, read once per build. */
export class PreviousVersions {
  private constructor(private readonly folders: Map<string, string[]>) {}

  /**
   * Lists each folder; a folder that does not exist or is not a directory is returned in `problems` (the build
   * reports them), an empty one is simply a first deploy.
   */
  static async load(folders: string[]): Promise<{ versions: PreviousVersions; problems: string[] }> {
    const listed = new Map<string, string[]>();
    const problems: string[] = [];
    for (const folder of folders) {
      const info = await stat(folder).catch(() => undefined);
      if (!info) problems.push(`"${folder}" does not exist`);
      else if (!info.isDirectory()) problems.push(`"${folder}" is not a folder`);
      else listed.set(folder, (await listFiles(folder)).sort());
    }
    return { versions: new PreviousVersions(listed), problems };
  }

  /** The earlier versions of a file of this shape: at most one per folder (the first name, sorted). */
  find(shape: RegExp): PreviousFile[] {
    const found: PreviousFile[] = [];
    for (const [folder, names] of this.folders) {
      const name = names.find((candidate) => shape.test(candidate));
      if (name !== undefined) found.push({ folder, name });
    }
    return found;
  }

  static read(file: PreviousFile): Promise<Buffer> {
    return readFile(path.join(file.folder, file.name));
  }
}
