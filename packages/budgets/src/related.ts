import type { Compilation } from 'webpack';
import { isRspack } from '@packwise/core';

type Asset = ReturnType<Compilation['getAssets']>[number];
type Related = Record<string, unknown>;

/** The suffixes compression plugins give the encodings they write beside an asset (`[path][base].gz`). */
const SIBLING_SUFFIX = { gzip: '.gz', brotli: '.br', zstd: '.zst' } as const;

/** @packwise/compress's deltas: `<asset>.<first 8 hex of the dictionary's SHA-256>.dcz`. */
const DELTA = /\.[0-9a-f]{8}\.dcz$/;

/**
 * How to read an asset's `info.related`. webpack keeps what a compression plugin wrote there. Rspack (1.x and
 * 2.x) keeps only the keys it knows (`sourceMap`) and drops `gzip`/`brotli`/`zstd`/`dcz`, but keeps the
 * encodings' own info (`compressed`, a delta's `dictionary`): there the encodings are found by name, the
 * `.gz`/`.br`/`.zst` beside the asset and its `.<hex>.dcz` deltas, when the asset's info names none.
 */
export function relatedReader(compilation: Compilation): (asset: Asset) => Related | undefined {
  const own = ({ info }: Asset) => info.related as Related | undefined;
  if (!isRspack(compilation.compiler)) return own;
  const encoded = new Set<string>();
  const deltas = new Map<string, string[]>();
  for (const { name, info } of compilation.getAssets()) {
    if (!info.compressed) continue;
    encoded.add(name);
    const original = name.replace(DELTA, '');
    if (original !== name) deltas.set(original, [...(deltas.get(original) ?? []), name]);
  }
  return (asset) => {
    const found: Related = {};
    for (const [encoding, suffix] of Object.entries(SIBLING_SUFFIX)) {
      if (encoded.has(`${asset.name}${suffix}`)) found[encoding] = `${asset.name}${suffix}`;
    }
    const dcz = deltas.get(asset.name);
    if (dcz) found.dcz = dcz.sort();
    return { ...found, ...own(asset) };
  };
}
