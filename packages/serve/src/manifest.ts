import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Coding } from './accept-encoding';

/** What @packwise/compress writes with `manifest: 'compress-manifest.json'`. */
export const COMPRESS_MANIFEST = 'compress-manifest.json';

/** Manifest algorithm names with a Content-Encoding; other algorithms (deflate, custom) are not served. */
const CODING_OF: Readonly<Record<string, Coding>> = { gzip: 'gzip', brotli: 'br', zstd: 'zstd' };

export interface EncodedFile {
  coding: Coding;
  /** Relative to the root, `/`-separated. */
  file: string;
  /** For dcz/dcb: the SHA-256 (lower-case hex) of the dictionary the delta was made with. */
  dictionary?: string;
}

export interface ManifestAsset {
  encodings: EncodedFile[];
  deltas: EncodedFile[];
  /** `Use-As-Dictionary`'s `match`, when the asset is a dictionary for its next versions. */
  match?: string;
}

export interface Manifest {
  /** `publicPath`'s path as decoded segments: stripped from request paths that start with it. */
  prefix: string[];
  assets: ReadonlyMap<string, ManifestAsset>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isName = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** `"/"`, `"/app/"`, `"https://cdn.example/app/"` → the path's segments; `"auto"`, `""` → none. */
function prefixOf(publicPath: unknown): string[] {
  if (typeof publicPath !== 'string' || publicPath === 'auto') return [];
  const pathname = publicPath.replace(/^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/]*/i, '').split(/[?#]/)[0] as string;
  return pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

function encodingsOf(value: unknown): EncodedFile[] {
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([algorithm, encoding]) => {
    const coding = CODING_OF[algorithm];
    return coding && isObject(encoding) && isName(encoding.file) ? [{ coding, file: encoding.file }] : [];
  });
}

function deltasOf(value: unknown): EncodedFile[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((delta: unknown) => {
    if (!isObject(delta) || !isName(delta.file) || typeof delta.dictionary !== 'string') return [];
    if (delta.encoding !== 'dcz' && delta.encoding !== 'dcb') return [];
    if (!SHA256_HEX.test(delta.dictionary)) return [];
    return [{ coding: delta.encoding, file: delta.file, dictionary: delta.dictionary.toLowerCase() }];
  });
}

/** Reads a manifest leniently: entries of another shape are left out, never an error. */
export function parseManifest(json: unknown): Manifest {
  const assets = new Map<string, ManifestAsset>();
  const entries = isObject(json) && isObject(json.assets) ? json.assets : {};
  for (const [name, entry] of Object.entries(entries)) {
    if (!isObject(entry)) continue;
    const match = isObject(entry.dictionary) ? entry.dictionary.match : undefined;
    assets.set(name, {
      encodings: encodingsOf(entry.encodings),
      deltas: deltasOf(entry.deltas),
      ...(isName(match) ? { match } : {}),
    });
  }
  return { prefix: prefixOf(isObject(json) ? json.publicPath : undefined), assets };
}

/** Reads and parses a manifest file now; throws with the file's name when it is missing or not JSON. */
export function readManifestSync(file: string): Manifest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the manifest ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return parseManifest(JSON.parse(text));
  } catch (error) {
    throw new Error(`the manifest ${file} is not JSON: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The manifest as it is on disk now: re-read whenever its size, mtime or inode change (a rebuild), the last
 * good one kept while a rewrite is half done, and none while the file does not exist.
 */
export class ManifestFile {
  private key?: string;
  private manifest?: Manifest;

  constructor(readonly file: string) {}

  async current(): Promise<Manifest | undefined> {
    const stats = await stat(this.file).catch(() => undefined);
    if (!stats?.isFile()) return undefined;
    const key = `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
    if (key === this.key && this.manifest) return this.manifest;
    try {
      this.manifest = parseManifest(JSON.parse(await readFile(this.file, 'utf8')));
      this.key = key;
    } catch {
      // Half written by a rebuild: keep the previous one; the next request reads it again.
    }
    return this.manifest;
  }
}
