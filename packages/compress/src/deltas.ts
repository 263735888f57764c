import type { AssetInfo, Compilation } from 'webpack';
import { compressDcz, sha256 } from '@packwise/core';
import type { Limiter } from '@packwise/core';
import { DiskCache } from './disk-cache';
import { throughCaches } from './encode';
import type { Candidate } from './select';
import { nameShape, PreviousVersions } from './versions';

type Cache = ReturnType<Compilation['getCache']>;

/** A delta of one asset against one earlier version of it (RFC 9842 `dcz`). */
export interface Delta {
  encoding: 'dcz';
  /** The delta's file: `<asset>.<first 8 hex of the dictionary's SHA-256>.dcz`. */
  file: string;
  output: Buffer;
  /** SHA-256 (hex) of the earlier version: what `Available-Dictionary` names. */
  dictionary: string;
  /** The earlier version's name in its folder. */
  previous: string;
}

/** What the manifest says of an asset that may serve as a dictionary, and its deltas. */
export interface DictionaryFacts {
  /** The `Use-As-Dictionary` match of this asset's name: its content hashes as wildcards. */
  wildcard: string;
  sha256: string;
  deltas: Delta[];
  /**
   * The file against itself, for when it has deltas: a browser that got it as a delta keeps it under the old
   * dictionary's `Vary` key, and asks for it again with the file itself as its dictionary (the newest match).
   */
  self?: Delta;
}

const hashesOf = (info: AssetInfo): string[] =>
  [info.contenthash, info.chunkhash, info.fullhash]
    .flat()
    .filter((hash): hash is string => typeof hash === 'string');

/**
 * The deltas of one asset against each earlier version of the same shape that differs from it, from the
 * bundler's cache or the disk cache when the asset and the earlier file are unchanged (keyed by both hashes and
 * the level).
 */
export async function deltasOf(
  candidate: Candidate,
  content: Buffer,
  {
    versions,
    cache,
    disk,
    limit,
    level,
  }: { versions: PreviousVersions; cache: Cache; disk?: DiskCache; limit: Limiter; level: number },
): Promise<DictionaryFacts> {
  const own = sha256(content).toString('hex');
  const { pattern, wildcard } = nameShape(candidate.name, hashesOf(candidate.info));
  const deltas: Delta[] = [];
  const delta = async (dictionary: Buffer, hash: string, previous: string): Promise<Delta> => {
    const item = cache.getItemCache(`dcz|${own}|${hash}|${level}`, null);
    const { output } = await throughCaches(
      item,
      disk && { cache: disk, key: () => DiskCache.key(['dcz', hash, level], own) },
      () => limit(() => compressDcz(content, dictionary, { level })),
    );
    const file = `${candidate.name}.${hash.slice(0, 8)}.dcz`;
    return { encoding: 'dcz', file, output, dictionary: hash, previous };
  };
  for (const previous of versions.find(pattern)) {
    const old = await PreviousVersions.read(previous);
    const hash = sha256(old).toString('hex');
    // A visitor holding this very file gets a 304 or a cache hit, not a delta.
    if (hash !== own && !deltas.some((known) => known.dictionary === hash))
      deltas.push(await delta(old, hash, previous.name));
  }
  const self = deltas.length > 0 ? await delta(content, own, candidate.name) : undefined;
  return { wildcard, sha256: own, deltas, self };
}
