import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createLimiter, sha256 } from '@packwise/core';
import { UsageError } from './config';
import { isPage } from './pages';
import type { AssetSize, Budget, ReturningSizes } from './types';

/** A delta of a file against an earlier version of it: an RFC 9842 `.dcz`, as @packwise/compress writes them. */
export interface DeltaCandidate {
  /** The delta's file name. */
  file: string;
  size: number;
  /** SHA-256 (hex) of the earlier version it decodes against. */
  dictionary: string;
  /** That earlier version's name, relative to its output folder. */
  previous: string;
}

/** A file of the build, to compare with the previous version: its bytes on demand and its deltas. */
export interface ReturningSource {
  name: string;
  content(): Promise<Buffer>;
  deltas: DeltaCandidate[];
}

/** How a visitor holding the previous version gets one file. */
export type Visit = { via: 'cache' } | { via: 'delta'; file: string; size: number } | { via: 'full' };

/** The first budget on returning visitors: only such a budget requires a previous version. */
export const returningBudget = (budgets: readonly Budget[]): Budget | undefined =>
  budgets.find((budget) => budget.visitor === 'returning');

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such directory',
  ENOTDIR: 'not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** Files read or hashed at once. */
const IN_FLIGHT = 16;

/** The previous deploy's output folder: the files a returning visitor holds, read and hashed on demand. */
export class PreviousVersion {
  private readonly hashes = new Map<string, Promise<string | undefined>>();
  private readonly limit = createLimiter(IN_FLIGHT);

  private constructor(readonly dir: string) {}

  /**
   * The folder, checked to be a readable directory; otherwise a UsageError `<label>: no such directory (the
   * previous deploy's output folder)`.
   */
  static async open(dir: string, label: string): Promise<PreviousVersion> {
    try {
      if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
      await readdir(dir);
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      const reason = (code && REASONS[code]) ?? message;
      throw new UsageError(`${label}: ${reason} (the previous deploy's output folder)`);
    }
    return new PreviousVersion(dir);
  }

  /** The path of `name` inside the folder, or undefined for a name that leads out of it. */
  private pathOf(name: string): string | undefined {
    const file = path.resolve(this.dir, ...(name.split(/[?#]/, 1)[0] ?? name).split('/'));
    const inside = path.relative(this.dir, file);
    return inside && !inside.startsWith('..') && !path.isAbsolute(inside) ? file : undefined;
  }

  /** The bytes of the previous version's file `name`, or undefined when it has none. */
  read(name: string): Promise<Buffer | undefined> {
    const file = this.pathOf(name);
    if (!file) return Promise.resolve(undefined);
    return this.limit(() => readFile(file).catch(() => undefined));
  }

  /** Whether the previous version has `name` with exactly these bytes (its size is compared first). */
  async holds(name: string, content: Buffer): Promise<boolean> {
    const file = this.pathOf(name);
    const size =
      file &&
      (await stat(file).then(
        (stats) => (stats.isFile() ? stats.size : -1),
        () => -1,
      ));
    if (size !== content.length) return false;
    return (await this.read(name))?.equals(content) ?? false;
  }

  /** SHA-256 (hex) of the previous version's file `name`, once per name; undefined when it has none. */
  sha256(name: string): Promise<string | undefined> {
    let hash = this.hashes.get(name);
    if (!hash) {
      hash = this.read(name).then((content) => content && sha256(content).toString('hex'));
      this.hashes.set(name, hash);
    }
    return hash;
  }
}

/**
 * What a visitor holding `previous` downloads of one file: nothing when the previous version has the same
 * name with the same bytes; else its smallest delta against a file the previous version has (the delta's
 * `dictionary` is that file's SHA-256); else the file in full. An HTML page is always downloaded again.
 */
export async function visitOf(source: ReturningSource, previous: PreviousVersion): Promise<Visit> {
  if (isPage(source.name)) return { via: 'full' };
  if (await previous.holds(source.name, await source.content())) return { via: 'cache' };
  const usable = await Promise.all(
    source.deltas.map(async (delta) => (await previous.sha256(delta.previous)) === delta.dictionary),
  );
  const smallest = source.deltas
    .filter((_, index) => usable[index])
    .reduce<DeltaCandidate | undefined>(
      (best, delta) => (!best || delta.size < best.size ? delta : best),
      undefined,
    );
  return smallest ? { via: 'delta', file: smallest.file, size: smallest.size } : { via: 'full' };
}

/** Each file's visit, by name. */
export async function returningVisits(
  sources: ReturningSource[],
  previous: PreviousVersion,
): Promise<Map<string, Visit>> {
  const visits = await Promise.all(
    sources.map(async (source) => [source.name, await visitOf(source, previous)] as const),
  );
  return new Map(visits);
}

/** What a returning visitor downloads of `asset` in each compression: 0, the delta's size, or its own sizes. */
function returningSizes(asset: AssetSize, visit: Visit): ReturningSizes {
  const each = (size: number) => ({
    raw: size,
    gzip: size,
    brotli: size,
    ...(asset.zstd !== undefined && { zstd: size }),
  });
  if (visit.via === 'cache') return { via: 'cache', ...each(0) };
  if (visit.via === 'delta') return { via: 'delta', delta: visit.file, ...each(visit.size) };
  const { raw, gzip, brotli, zstd } = asset;
  return { via: 'full', raw, gzip, brotli, ...(zstd !== undefined && { zstd }) };
}

/** The assets with what a returning visitor downloads of each (an asset without a visit counts in full). */
export function withReturning(assets: AssetSize[], visits: Map<string, Visit>): AssetSize[] {
  return assets.map((asset) => ({
    ...asset,
    returning: returningSizes(asset, visits.get(asset.name) ?? { via: 'full' }),
  }));
}
