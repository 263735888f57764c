import os from 'node:os';
import { compressedSize, createLimiter, loadZstd } from '@packwise/core';
import type { Encoding } from '@packwise/core';
import { UsageError } from './config';
import type { AssetSize, Budget } from './types';

/** Encoded sizes known without compressing: what a compression plugin wrote (related assets, files, manifest). */
export type KnownSizes = { [encoding in Encoding]?: number | undefined };

/** A file to measure: its raw size, its bytes on demand, and the encoded sizes a compression plugin already wrote. */
export interface SizeSource {
  name: string;
  raw: number;
  content(): Promise<Buffer>;
  known: KnownSizes;
}

export interface MeasureCounts {
  /** Encodings computed here. */
  computed: number;
  /** Encodings whose size was read from what a compression plugin wrote. */
  reused: number;
}

export interface MeasureOptions {
  /** Compressions in flight at most. @default os.availableParallelism() */
  parallel?: number;
  counts?: MeasureCounts;
  /** Whether zstd sizes are measured too (level 19 is slow): only when a budget counts them. @default false */
  zstd?: boolean;
}

/** Files whose name says they are what the budgets measure: scripts, styles and pages. */
export const MEASURED_FILE = /\.(?:m?js|css|html?)$/;

/** Whether a budget counts zstd bytes: only then are zstd sizes read or computed. */
export const countsZstd = (budgets: readonly Budget[]): boolean =>
  budgets.some((budget) => budget.compression === 'zstd');

/**
 * Fails before any work when zstd sizes must be computed and this Node has no zstd: a UsageError that names
 * the files and what to install (core's message), instead of one rejection per file.
 */
function requireZstd(sources: SizeSource[]): void {
  const missing = sources.filter((source) => source.known.zstd === undefined).map((source) => source.name);
  if (missing.length === 0) return;
  try {
    loadZstd();
  } catch (error) {
    const more = missing.length > 1 ? ` (and ${missing.length - 1} more)` : '';
    throw new UsageError(
      `a budget counts zstd and no .zst was emitted for ${missing[0]}${more}: ${(error as Error).message}`,
    );
  }
}

/**
 * Raw, gzip and brotli sizes of every source, and zstd when asked. Sizes a compression plugin already
 * produced are reused; the rest are computed with at most `parallel` compressions in flight.
 */
export async function measureAll(
  sources: SizeSource[],
  { parallel = os.availableParallelism(), counts, zstd = false }: MeasureOptions = {},
): Promise<AssetSize[]> {
  if (zstd) requireZstd(sources);
  const limit = createLimiter(Math.max(1, parallel));
  const encodedSize = async (source: SizeSource, encoding: Encoding) => {
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
    bySize.map(async (original): Promise<AssetSize> => {
      // Read each file once, however many of its encodings must be computed.
      let content: Promise<Buffer> | undefined;
      const source = { ...original, content: () => (content ??= original.content()) };
      const [gzip, brotli, zstdSize] = await Promise.all([
        encodedSize(source, 'gzip'),
        encodedSize(source, 'brotli'),
        zstd ? encodedSize(source, 'zstd') : undefined,
      ]);
      return {
        name: source.name,
        raw: source.raw,
        gzip,
        brotli,
        ...(zstdSize !== undefined && { zstd: zstdSize }),
      };
    }),
  );
  return measured.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
