import type { Candidate } from './candidates';
import type { InlineRecord } from './wish';
import type { ResolvedOptions } from './options';

/** `inlined`: a `data:` URI; `maxSize`: its URI is too long; `budget`: a chunk it is in has no room left. */
export type DecisionReason = 'inlined' | 'maxSize' | 'budget';

export interface Decision extends Candidate {
  inline: boolean;
  reason: DecisionReason;
}

/**
 * What the budget needs of an asset: its URI's length and the chunks (any key: webpack's chunks, or names)
 * whose JS holds it and whose CSS holds it.
 */
export interface Placement<K = unknown> {
  record: InlineRecord;
  chunks: K[];
  buildTimeChunks: K[];
}

export type Decided<T> = T & { inline: boolean; reason: DecisionReason };

/** Whether the module's URI fits `maxSize` under the current options (not the cached `buildInfo.dataUrl`). */
export function wantsInline(candidate: Pick<Candidate, 'record'>, options: ResolvedOptions): boolean {
  return candidate.record.encodedLength <= options.maxSize[candidate.record.kind];
}

/**
 * The characters a module's URI adds to each chunk: once for the chunk's JS when the module is in it, once
 * more for the chunk's CSS when CSS in the chunk references it.
 */
export function costByChunk<K>(candidate: Placement<K>): Map<K, number> {
  const costs = new Map<K, number>();
  const { encodedLength } = candidate.record;
  for (const chunk of [...candidate.chunks, ...candidate.buildTimeChunks]) {
    costs.set(chunk, (costs.get(chunk) ?? 0) + encodedLength);
  }
  return costs;
}

/**
 * One decision per module, the same every build for the same input: the assets that fit `maxSize` are
 * taken smallest first (then by identifier), and one is inlined only when every chunk it adds bytes to —
 * its own and those of CSS that references it — still has room for its URI (twice where both the
 * chunk's JS and its CSS hold it). Smallest first inlines
 * the most files, so saves the most requests, for the bytes allowed.
 */
export function decide<T extends Placement>(candidates: T[], options: ResolvedOptions): Decided<T>[] {
  const budget = options.maxInlinedBytesPerChunk;
  const used = new Map<unknown, number>();
  const decisions = new Map<T, Decided<T>>();
  const wanted = candidates
    .filter((candidate) => wantsInline(candidate, options))
    .sort((a, b) => a.record.encodedLength - b.record.encodedLength);

  for (const candidate of wanted) {
    const costs = [...costByChunk<unknown>(candidate)];
    const fits = costs.every(([chunk, cost]) => (used.get(chunk) ?? 0) + cost <= budget);
    if (fits) for (const [chunk, cost] of costs) used.set(chunk, (used.get(chunk) ?? 0) + cost);
    decisions.set(candidate, { ...candidate, inline: fits, reason: fits ? 'inlined' : 'budget' });
  }
  return candidates.map(
    (candidate) => decisions.get(candidate) ?? { ...candidate, inline: false, reason: 'maxSize' },
  );
}
