import { findInRoot } from './files';
import type { FoundFile } from './files';
import type { Manifest, ManifestAsset } from './manifest';
import { isHiddenPath } from './request-path';

/** What a request names: an original by its asset name, with its file and manifest entry where they exist. */
export interface Asset {
  /** Relative to the root, `/`-separated: the manifest's key and the name `immutable` tests. */
  name: string;
  /** The unencoded file; absent when only encodings exist (`deleteOriginalAssets`, or replaced by one). */
  identity?: FoundFile;
  entry?: ManifestAsset;
}

function withoutPrefix(segments: readonly string[], prefix: readonly string[]): readonly string[] {
  if (prefix.length === 0 || segments.length < prefix.length) return segments;
  return prefix.every((part, index) => segments[index] === part) ? segments.slice(prefix.length) : segments;
}

/** `segments` as a file, a directory's `index.html`, or a manifest entry whose original was deleted. */
async function assetAt(
  root: string,
  manifest: Manifest | undefined,
  segments: readonly string[],
  trailingSlash: boolean,
): Promise<Asset | undefined> {
  const found = await findInRoot(root, segments);
  if (found?.stats.isDirectory()) return assetAt(root, manifest, [...segments, 'index.html'], false);
  if (found && (!found.stats.isFile() || trailingSlash)) return undefined;
  const name = segments.join('/');
  const entry = manifest?.assets.get(name);
  if (!found && !entry) return undefined;
  // With compress's filename '[path][base]' an encoding took the original's name: that file is not identity.
  const replaced = entry?.encodings.some((encoding) => encoding.file === name) ?? false;
  return { name, ...(found && !replaced ? { identity: found } : {}), ...(entry ? { entry } : {}) };
}

/**
 * The asset a request path names: the manifest's `publicPath` is stripped when the path starts with it (so the
 * handler works mounted under that path and at the origin's root alike). Dotfiles are never found.
 */
export async function locateAsset(
  root: string,
  manifest: Manifest | undefined,
  segments: readonly string[],
  trailingSlash: boolean,
): Promise<Asset | undefined> {
  const relative = withoutPrefix(segments, manifest?.prefix ?? []);
  if (isHiddenPath(relative)) return undefined;
  return assetAt(root, manifest, relative, trailingSlash);
}

/** The SPA page, by its name relative to the root. */
export function locatePage(
  root: string,
  manifest: Manifest | undefined,
  page: readonly string[],
): Promise<Asset | undefined> {
  return assetAt(root, manifest, page, false);
}
