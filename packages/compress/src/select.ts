import path from 'node:path';
import type { AssetInfo, Compilation, sources } from 'webpack';
import { createAssetMatcher } from '@packwise/core';
import type { AssetFacts } from './asset-facts';
import type { ResolvedOptions } from './options';

export interface Candidate {
  name: string;
  source: sources.Source;
  info: AssetInfo;
  size: number;
}

/** Picks the assets to compress: matched, not already compressed or processed, not a skipped format, large enough. */
export function createSelector(
  options: ResolvedOptions,
  facts: AssetFacts,
): (compilation: Compilation, names: string[]) => Candidate[] {
  const matches = createAssetMatcher(options.match);
  const ownManifest = options.manifest || undefined;

  return (compilation, names) => {
    const candidates: Candidate[] = [];
    for (const name of names) {
      const asset = compilation.getAsset(name);
      if (!asset || name === ownManifest) continue;
      const { source, info } = asset;
      if (info.compressed) continue;
      // Another pass (or instance) has already written an encoding of this asset (on Rspack only our record says).
      const related = { ...facts.related(compilation, name), ...info.related };
      if (options.algorithms.some(({ name: algorithm }) => related[algorithm])) continue;
      const extension = path
        .extname(name.split('?', 1)[0] ?? name)
        .slice(1)
        .toLowerCase();
      if (options.skipExtensions.has(extension) || !matches(name)) continue;
      const size = source.size();
      if (size < options.threshold) continue;
      candidates.push({ name, source, info, size });
    }
    return candidates;
  };
}
