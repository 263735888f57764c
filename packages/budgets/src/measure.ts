import os from 'node:os';
import { compressedSize, createLimiter } from '@packwise/core';
import type { AssetSize } from './types';

/** A file to measure: its raw size, its bytes on demand, and the encoded sizes a compression plugin already wrote. */
export interface SizeSource {
  name: string;
  raw: number;
  content(): Promise<Buffer>;
  known: { gzip?: number; brotli?: number };
}

export interface MeasureCounts {
  /** Encodings computed here. */
  computed: number;
  /** Encodings whose size was read from what a compression plugin wrote. */
  reused: number;
}

/** Files whose name says they are what the budgets measure: scripts, styles and pages. */
export const MEASURED_FILE = /\.(?:m?js|css|html?)$/;

/**
 * Raw, gzip and brotli sizes of every source. Sizes a compression plugin already produced are reused;
 * the rest are computed with at most `parallel` compressions in flight.
 */
export async function measureAll(
  sources: SizeSource[],
  { parallel = os.availableParallelism(), counts }: { parallel?: number; counts?: MeasureCounts } = {},
): Promise<AssetSize[]> {
  const limit = createLimiter(Math.max(1, parallel));
  const encodedSize = async (source: SizeSource, encoding: 'gzip' | 'brotli') => {
    const known = source.known[encoding];
    if (known !== undefined) {
      if (counts) counts.reused += 1;
      return known;
    }
    const size = await limit(async () => compressedSize(await source.content(), encoding));
    if (counts) counts.computed += 1;
    return size;
  };
  // Largest first: the long compressions start early instead of running alone at the end.
  const bySize = [...sources].sort((a, b) => b.raw - a.raw);
  const measured = await Promise.all(
    bySize.map(async (original) => {
      // Read each file once, however many of its encodings must be computed.
      let content: Promise<Buffer> | undefined;
      const source = { ...original, content: () => (content ??= original.content()) };
      const [gzip, brotli] = await Promise.all([encodedSize(source, 'gzip'), encodedSize(source, 'brotli')]);
      return { name: source.name, raw: source.raw, gzip, brotli };
    }),
  );
  return measured.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
