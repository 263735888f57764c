import { withoutHash } from './names';
import type { AssetDelta, AssetSize, BuildSizes, Sizes } from './types';

const ZERO: Sizes = { raw: 0, gzip: 0, brotli: 0 };

/**
 * Assets by name without hash. Names that lose their hash to the same key (`a.1111aaaa.js`, `a.2222bbbb.js`)
 * become `a.js`, `a.js (2)`, … in name order, so no asset drops out of the comparison.
 */
function byKey(assets: AssetSize[]): Map<string, AssetSize> {
  const result = new Map<string, AssetSize>();
  for (const asset of [...assets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const key = withoutHash(asset.name);
    let unique = key;
    for (let n = 2; result.has(unique); n += 1) unique = `${key} (${n})`;
    result.set(unique, asset);
  }
  return result;
}

/**
 * Every asset of either build, matched by name without content hash: added, removed, grown, shrunk or
 * unchanged. A change of at most `tolerance` brotli bytes (compression jitter) counts as unchanged.
 */
export function diffAssets(current: BuildSizes, baseline: BuildSizes, tolerance = 16): AssetDelta[] {
  const before = byKey(baseline.assets);
  const after = byKey(current.assets);
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  return keys.map((key) => {
    const old: AssetSize | undefined = before.get(key);
    const now: AssetSize | undefined = after.get(key);
    const a = now ?? ZERO;
    const b = old ?? ZERO;
    // zstd only when each side there is has it: a baseline from before a zstd budget has no zstd to compare.
    const zstd = (!now || now.zstd !== undefined) && (!old || old.zstd !== undefined);
    const delta = {
      raw: a.raw - b.raw,
      gzip: a.gzip - b.gzip,
      brotli: a.brotli - b.brotli,
      ...(zstd && { zstd: (a.zstd ?? 0) - (b.zstd ?? 0) }),
    };
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
