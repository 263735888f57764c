import { access } from 'node:fs/promises';
import path from 'node:path';
import type { KnownSizes } from '../measure';
import type { DeltaCandidate } from '../returning';
import { isObject, readJsonFile } from './read-json';

/** What @packwise/compress writes with `manifest: 'compress-manifest.json'`. */
export const COMPRESS_MANIFEST = 'compress-manifest.json';

const sizeOf = (encoding: unknown): number | undefined =>
  isObject(encoding) && typeof encoding.size === 'number' ? encoding.size : undefined;

/** The `assets` of `compress-manifest.json` in `dir`; none when there is no manifest. */
async function manifestAssets(dir: string): Promise<Record<string, unknown>> {
  const file = path.join(dir, COMPRESS_MANIFEST);
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (!exists) return {};
  const manifest = await readJsonFile(dir, file, 'compress manifest');
  return isObject(manifest) && isObject(manifest.assets) ? manifest.assets : {};
}

/**
 * The encoded sizes `compress-manifest.json` in `dir` records (`{ assets: { [name]: { encodings: { gzip:
 * { size } } } } }`, and `brotli`, `zstd`), by asset name; nothing when there is no manifest.
 */
export async function readCompressManifest(dir: string): Promise<(name: string) => KnownSizes> {
  const assets = await manifestAssets(dir);
  return (name) => {
    const entry = assets[name];
    const encodings = isObject(entry) && isObject(entry.encodings) ? entry.encodings : {};
    return { gzip: sizeOf(encodings.gzip), brotli: sizeOf(encodings.brotli), zstd: sizeOf(encodings.zstd) };
  };
}

const isDelta = (value: unknown): value is DeltaCandidate =>
  isObject(value) &&
  typeof value.file === 'string' &&
  typeof value.size === 'number' &&
  typeof value.dictionary === 'string' &&
  typeof value.previous === 'string';

/**
 * The deltas `compress-manifest.json` in `dir` lists for each asset (`deltas: [{ encoding: 'dcz', file, size,
 * dictionary, previous }]`, with @packwise/compress's `dictionaries`); none without a manifest.
 */
export async function readManifestDeltas(dir: string): Promise<(name: string) => DeltaCandidate[]> {
  const assets = await manifestAssets(dir);
  return (name) => {
    const entry = assets[name];
    const deltas = isObject(entry) && Array.isArray(entry.deltas) ? entry.deltas : [];
    return deltas
      .filter(isDelta)
      .map(({ file, size, dictionary, previous }) => ({ file, size, dictionary, previous }));
  };
}
