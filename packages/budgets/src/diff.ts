import { withoutHash } from './names';
import type { AssetDelta, AssetSize, BuildSizes, Sizes } from './types';

const ZERO: Sizes = { raw: 0, gzip: 0, brotli: 0 };

/**
 * Every asset of either build, matched by name without content hash: added, removed, grown, shrunk or
 * unchanged. A change of at most `tolerance` brotli bytes (compression jitter) counts as unchanged.
 */
export function diffAssets(current: BuildSizes, baseline: BuildSizes, tolerance = 16): AssetDelta[] {
  const before = new Map(baseline.assets.map((asset) => [withoutHash(asset.name), asset]));
  const after = new Map(current.assets.map((asset) => [withoutHash(asset.name), asset]));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  return keys.map((key) => {
    const old: AssetSize | undefined = before.get(key);
    const now: AssetSize | undefined = after.get(key);
    const a = now ?? ZERO;
    const b = old ?? ZERO;
    const delta = { raw: a.raw - b.raw, gzip: a.gzip - b.gzip, brotli: a.brotli - b.brotli };
    const status = !old
      ? 'added'
      : !now
        ? 'removed'
        : Math.abs(delta.brotli) <= tolerance && Math.abs(delta.raw) <= tolerance
          ? 'unchanged'
          : delta.brotli > 0 || (delta.brotli === 0 && delta.raw > 0)
            ? 'grown'
            : 'shrunk';
    return { key, status, ...(old && { before: old }), ...(now && { after: now }), delta };
  });
}
