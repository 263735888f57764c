import type { Compilation, sources } from 'webpack';
import type { Limiter } from '@packwise/core';
import type { Algorithm } from './algorithms';
import type { Candidate } from './select';

export interface EncodeCounts {
  /** Encodings computed in this build. */
  computed: number;
  /** Encodings read from webpack's cache. */
  cached: number;
}

/** An asset with the outcome of each algorithm, in the order of the algorithms. */
export interface Encoded {
  candidate: Candidate;
  outputs: (Buffer | Error)[];
}

type Cache = ReturnType<Compilation['getCache']>;

/** An asset's bytes, whether its source keeps a Buffer or a string. */
export function bufferOf(source: sources.Source): Buffer {
  const content = source.buffer ? source.buffer() : source.source();
  return Buffer.isBuffer(content) ? content : Buffer.from(content);
}

/**
 * Encodes every candidate with every algorithm: from webpack's cache when the source and settings are
 * unchanged (keyed by asset name, algorithm settings and the source's etag), else under the limiter.
 * A failure is returned as that output's Error, so the other assets and algorithms go on.
 */
export async function encodeAll(
  candidates: Candidate[],
  algorithms: Algorithm[],
  {
    cache,
    limit,
    counts,
    onProgress,
  }: { cache: Cache; limit: Limiter; counts: EncodeCounts; onProgress(): void },
): Promise<Encoded[]> {
  return Promise.all(
    candidates.map(async (candidate) => {
      // A string etag: the memory cache compares etags by identity, and a rebuild may re-render an unchanged
      // asset as a new source object whose lazy etag would never match.
      const etag = cache.getLazyHashedEtag(candidate.source).toString();
      const outputs = await Promise.all(
        algorithms.map(async (algorithm) => {
          const item = cache.getItemCache(
            `${candidate.name}|${JSON.stringify([algorithm.name, algorithm.settings])}`,
            etag,
          );
          try {
            const cached = await item.getPromise<Buffer>();
            if (cached) {
              counts.cached += 1;
              return cached;
            }
            const output = await limit(() => algorithm.compress(bufferOf(candidate.source)));
            counts.computed += 1;
            await item.storePromise(output);
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
