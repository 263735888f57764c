import type { Compilation, sources } from 'webpack';
import { sha256 } from '@packwise/core';
import type { Limiter } from '@packwise/core';
import type { Algorithm } from './algorithms';
import { DiskCache } from './disk-cache';
import type { Candidate } from './select';

export interface EncodeCounts {
  /** Encodings computed in this build. */
  computed: number;
  /** Encodings read from webpack's cache or the disk cache. */
  cached: number;
}

/** An asset with the outcome of each algorithm, in the order of the algorithms. */
export interface Encoded {
  candidate: Candidate;
  outputs: (Buffer | Error)[];
}

type Cache = ReturnType<Compilation['getCache']>;
type ItemCache = ReturnType<Cache['getItemCache']>;

/**
 * An output from the bundler's cache, else from the disk cache (then also kept in the bundler's), else computed
 * and stored in both. `fromCache` says whether it was read back.
 */
export async function throughCaches(
  item: ItemCache,
  disk: { cache: DiskCache; key(): string } | undefined,
  compute: () => Promise<Buffer>,
): Promise<{ output: Buffer; fromCache: boolean }> {
  const cached = await item.getPromise<Buffer>();
  if (cached) return { output: cached, fromCache: true };
  const key = disk?.key();
  const stored = key === undefined ? undefined : await disk?.cache.get(key);
  if (stored) {
    await item.storePromise(stored);
    return { output: stored, fromCache: true };
  }
  const output = await compute();
  await item.storePromise(output);
  if (key !== undefined) await disk?.cache.put(key, output);
  return { output, fromCache: false };
}

/** An asset's bytes, whether its source keeps a Buffer or a string. */
export function bufferOf(source: sources.Source): Buffer {
  const content = source.buffer ? source.buffer() : source.source();
  return Buffer.isBuffer(content) ? content : Buffer.from(content);
}

/**
 * Encodes every candidate with every algorithm: from the bundler's cache when the source and settings are
 * unchanged (keyed by asset name, algorithm settings and the source's etag), else from the disk cache when there
 * is one (keyed by the content's hash and the settings), else under the limiter.
 * A failure is returned as that output's Error, so the other assets and algorithms go on.
 */
export async function encodeAll(
  candidates: Candidate[],
  algorithms: Algorithm[],
  {
    cache,
    disk,
    limit,
    counts,
    onProgress,
  }: { cache: Cache; disk?: DiskCache; limit: Limiter; counts: EncodeCounts; onProgress(): void },
): Promise<Encoded[]> {
  return Promise.all(
    candidates.map(async (candidate) => {
      // A string etag: the memory cache compares etags by identity, and a rebuild may re-render an unchanged
      // asset as a new source object whose lazy etag would never match.
      const etag = cache.getLazyHashedEtag(candidate.source).toString();
      let content: Buffer | undefined;
      let hash: string | undefined;
      const input = () => (content ??= bufferOf(candidate.source));
      const inputHash = () => (hash ??= sha256(input()).toString('hex'));
      const outputs = await Promise.all(
        algorithms.map(async (algorithm) => {
          const item = cache.getItemCache(
            `${candidate.name}|${JSON.stringify([algorithm.name, algorithm.settings])}`,
            etag,
          );
          try {
            const { output, fromCache } = await throughCaches(
              item,
              disk && {
                cache: disk,
                key: () => DiskCache.key([algorithm.name, algorithm.settings], inputHash()),
              },
              () => limit(() => algorithm.compress(input())),
            );
            counts[fromCache ? 'cached' : 'computed'] += 1;
            return output;
          } catch (error) {
            return error instanceof Error ? error : new Error(String(error));
          } finally {
            onProgress();
          }
        }),
      );
      return { candidate, outputs };
    }),
  );
}
