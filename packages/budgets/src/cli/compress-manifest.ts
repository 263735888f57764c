import { access } from 'node:fs/promises';
import path from 'node:path';
import type { KnownSizes } from '../measure';
import { isObject, readJsonFile } from './read-json';

/** What @packwise/compress writes with `manifest: 'compress-manifest.json'`. */
export const COMPRESS_MANIFEST = 'compress-manifest.json';

const sizeOf = (encoding: unknown): number | undefined =>
  isObject(encoding) && typeof encoding.size === 'number' ? encoding.size : undefined;

/**
 * The encoded sizes `compress-manifest.json` in `dir` records (`{ assets: { [name]: { encodings: { gzip:
 * { size } } } } }`, and `brotli`, `zstd`), by asset name; nothing when there is no manifest.
 */
export async function readCompressManifest(dir: string): Promise<(name: string) => KnownSizes> {
  const file = path.join(dir, COMPRESS_MANIFEST);
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (!exists) return () => ({});
  const manifest = await readJsonFile(dir, file, 'compress manifest');
  const assets = isObject(manifest) && isObject(manifest.assets) ? manifest.assets : {};
  return (name) => {
    const entry = assets[name];
    const encodings = isObject(entry) && isObject(entry.encodings) ? entry.encodings : {};
    return { gzip: sizeOf(encodings.gzip), brotli: sizeOf(encodings.brotli), zstd: sizeOf(encodings.zstd) };
  };
}
