import type { Coding } from './accept-encoding';
import { findInRoot, nameSegments } from './files';
import type { Asset } from './locate';
import type { EncodedFile } from './manifest';

/** One file that can answer for an asset, with the content coding it is sent with. */
export interface Variant {
  coding: Coding;
  /** Real path inside the root. */
  real: string;
  /** Distinguishes the variant's ETag: the coding, and for a delta its dictionary's hash. */
  tag: string;
  /** Bytes on disk: at equal q, the smaller of two encodings is sent. */
  size?: number;
}

/** Sibling files used when there is no manifest, as nginx's `*_static` modules and Caddy look for them. */
const SIBLINGS: readonly [Coding, string][] = [
  ['zstd', '.zst'],
  ['br', '.br'],
  ['gzip', '.gz'],
];

async function variantOf(root: string, encoded: EncodedFile): Promise<Variant | undefined> {
  const segments = nameSegments(encoded.file);
  const found = segments && (await findInRoot(root, segments));
  if (!found?.stats.isFile()) return undefined;
  const tag = encoded.dictionary ? `${encoded.coding}-${encoded.dictionary.slice(0, 16)}` : encoded.coding;
  return { coding: encoded.coding, real: found.real, tag, size: found.stats.size };
}

export interface AssetVariants {
  variants: Variant[];
  /**
   * The request fields responses for this asset depend on: `Accept-Encoding` when it has encodings,
   * `Available-Dictionary` only when it has deltas. A file without deltas must not vary on it: a browser asks
   * for it again with the file itself as its dictionary, and that would miss its own cached copy.
   */
  vary: string[];
}

/**
 * Every file that can answer for `asset` given the dictionary the client has (`dictionary`, hex): identity,
 * the encodings of its manifest entry (or, without a manifest, its siblings on disk), and the deltas made
 * with exactly that dictionary. Files the manifest names but the disk lacks are left out.
 */
export async function variantsOf(
  root: string,
  asset: Asset,
  siblings: boolean,
  dictionary: string | undefined,
): Promise<AssetVariants> {
  const encoded: EncodedFile[] = asset.entry
    ? [
        ...asset.entry.encodings,
        ...asset.entry.deltas.filter((delta) => dictionary !== undefined && delta.dictionary === dictionary),
      ]
    : siblings && asset.identity
      ? SIBLINGS.map(([coding, suffix]) => ({ coding, file: `${asset.name}${suffix}` }))
      : [];
  const found = (await Promise.all(encoded.map((file) => variantOf(root, file)))).filter(
    (variant): variant is Variant => variant !== undefined,
  );
  const identity: Variant[] = asset.identity
    ? [{ coding: 'identity', real: asset.identity.real, tag: 'id', size: asset.identity.stats.size }]
    : [];
  const entry = asset.entry;
  const hasEncodings = entry ? entry.encodings.length > 0 || entry.deltas.length > 0 : found.length > 0;
  const vary = [
    ...(hasEncodings ? ['Accept-Encoding'] : []),
    ...(entry && entry.deltas.length > 0 ? ['Available-Dictionary'] : []),
  ];
  return { variants: [...found, ...identity], vary };
}
