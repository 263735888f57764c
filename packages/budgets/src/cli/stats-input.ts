import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../config';
import { MEASURED_FILE, measureAll } from '../measure';
import type { KnownSizes, SizeSource } from '../measure';
import { isPage, withPages } from '../pages';
import type { Page } from '../pages';
import type { BuildSizes } from '../types';
import { readCompressManifest } from './compress-manifest';
import { diskSource, isDirectory } from './disk';
import { isObject } from './read-json';
import { statsEntries } from './stats-entries';

interface StatsAsset {
  name: string;
  size?: number;
  related?: unknown;
  info?: unknown;
}

export interface StatsInput {
  /** How the stats were given, for messages: `--stats stats.json`. */
  label: string;
  cwd: string;
  /** Where the files are; else the stats' `outputPath`. */
  dir?: string;
  /** What to do when files are missing, appended to the message. */
  hint: string;
  /** Whether a budget counts zstd: then zstd sizes are read (`.zst`) or computed too. */
  zstd?: boolean;
}

/** Encoded sizes from the asset's `related` entries (compression plugins record their `.gz`/`.br`/`.zst` there). */
function relatedSizes(asset: StatsAsset): KnownSizes {
  const known: KnownSizes = {};
  for (const related of Array.isArray(asset.related) ? asset.related : []) {
    if (!isObject(related) || typeof related.size !== 'number' || typeof related.name !== 'string') continue;
    const type = typeof related.type === 'string' ? related.type : '';
    if (related.name.endsWith('.gz') || type.startsWith('gzip')) known.gzip = related.size;
    else if (related.name.endsWith('.br') || type.startsWith('brotli')) known.brotli = related.size;
    else if (related.name.endsWith('.zst') || type.startsWith('zst')) known.zstd = related.size;
  }
  return known;
}

/**
 * The related entries of each asset, with those its `info.related` names and the stats size (the named file's
 * size in the same stats). Rspack's stats list no `related` assets (Rspack keeps only `related.sourceMap`), but a
 * compression plugin may put its `info.related` back into them (@packwise/compress does); on webpack this gives
 * the sizes its `related` entries give, also for stats saved without `relatedAssets`.
 */
function withInfoRelated(assets: StatsAsset[]): StatsAsset[] {
  const sizes = new Map(assets.map((asset) => [asset.name, asset.size]));
  return assets.map((asset) => {
    const related = isObject(asset.info) && isObject(asset.info.related) ? asset.info.related : {};
    const entries = Object.entries(related).flatMap(([type, name]) => {
      const size = typeof name === 'string' ? sizes.get(name) : undefined;
      return typeof size === 'number' ? [{ type, name, size }] : [];
    });
    const listed = Array.isArray(asset.related) ? asset.related : [];
    // Listed entries come last: relatedSizes keeps the last size per encoding.
    return entries.length ? { ...asset, related: [...entries, ...listed] } : asset;
  });
}

/** Rspack 2's default stats (toJson(), preset 'normal') list no assets, chunks or entrypoints: what to ask for. */
const RSPACK_HINT =
  'Rspack: save them with stats.toJson({ all: false, assets: true, cachedAssets: true, chunks: true, ' +
  'chunkRelations: true, entrypoints: true, ids: true, outputPath: true })';

function assetsOf(stats: unknown, label: string): StatsAsset[] {
  const assets = isObject(stats) && Array.isArray(stats.assets) ? stats.assets : [];
  const named = assets.filter(
    (asset): asset is StatsAsset => isObject(asset) && typeof asset.name === 'string',
  );
  // Stats made with `cachedAssets: false` (the default of toJson({ all: false })) group the files a rebuild did
  // not write again into one nameless entry: counting without them would pass budgets it should fail.
  const hidden = assets.filter((asset) => isObject(asset) && typeof asset.name !== 'string');
  const hiddenCount = hidden.reduce(
    (sum: number, asset) => sum + (Number((asset as Record<string, unknown>).filteredChildren) || 1),
    0,
  );
  if (hiddenCount > 0) {
    throw new UsageError(
      `${label}: the stats hide ${hiddenCount} assets (cached or excluded); write them with ` +
        'stats.toJson({ assets: true, cachedAssets: true }) or webpack --json',
    );
  }
  if (named.length === 0) {
    const rspack = isObject(stats) && typeof stats.rspackVersion === 'string';
    const hint = rspack ? RSPACK_HINT : 'webpack --json, or stats.toJson() with assets';
    throw new UsageError(`${label}: no assets in these stats (${hint})`);
  }
  return named;
}

/**
 * A source from the sizes in the stats alone, when they hold raw, gzip and brotli (and zstd when a budget
 * counts it). Its bytes are read only for a page's text, from `dir` when the stats name one.
 */
function statsSource(
  asset: StatsAsset,
  known: KnownSizes,
  { zstd = false, dir }: { zstd?: boolean; dir?: string | undefined },
): SizeSource | undefined {
  const complete =
    known.gzip !== undefined && known.brotli !== undefined && (!zstd || known.zstd !== undefined);
  if (typeof asset.size !== 'number' || !complete) return undefined;
  const content = () =>
    dir
      ? readFile(path.join(dir, ...asset.name.split('/')))
      : Promise.reject(new Error(`${asset.name} was not read`));
  return { name: asset.name, raw: asset.size, content, known };
}

/** The HTML pages with their text where it can be read; only needed to tell several entries' pages apart. */
async function pagesOf(sources: SizeSource[], entries: BuildSizes['entries']): Promise<Page[]> {
  const pages = sources.filter((source) => isPage(source.name));
  if (Object.keys(entries).length < 2) return pages.map(({ name }) => ({ name }));
  return Promise.all(
    pages.map(async (page) => ({
      name: page.name,
      html: await page.content().then(String, () => undefined),
    })),
  );
}

/** Where the stats' files are: `--dir`, else the stats' `outputPath`. */
const filesDir = (stats: Record<string, unknown>, input: StatsInput): string | undefined =>
  input.dir ?? (typeof stats.outputPath === 'string' ? stats.outputPath : undefined);

async function outputDirectory(stats: Record<string, unknown>, input: StatsInput): Promise<string> {
  const dir = filesDir(stats, input);
  if (dir === undefined) {
    throw new UsageError(
      `${input.label}: the stats hold no ${input.zstd ? 'gzip, brotli and zstd' : 'compressed'} sizes and no outputPath (${input.hint})`,
    );
  }
  const resolved = path.resolve(input.cwd, dir);
  if (!(await isDirectory(resolved))) {
    throw new UsageError(
      `${input.label}: cannot measure its files: ${dir} is not a directory (${input.hint})`,
    );
  }
  return resolved;
}

/** Measures each file of the stats the stats do not size, from the output directory. */
async function diskSources(stats: Record<string, unknown>, assets: StatsAsset[], input: StatsInput) {
  if (assets.length === 0) return [];
  const dir = await outputDirectory(stats, input);
  const manifest = await readCompressManifest(dir);
  return Promise.all(
    assets.map(async (asset) => {
      const known = { ...manifest(asset.name), ...relatedSizes(asset) };
      const source = await diskSource(dir, asset.name, known, input.zstd);
      if (source) return source;
      throw new UsageError(`${input.label}: cannot measure ${asset.name}: not in ${dir} (${input.hint})`);
    }),
  );
}

/**
 * A build's sizes from webpack stats: JS/CSS/HTML assets sized from the stats (`size` and related
 * `.gz`/`.br`/`.zst` assets) where they suffice, else from the files in `dir` or the stats' `outputPath`; each
 * entry's pages found as the plugin finds them (see pages.ts).
 */
export async function readStats(stats: unknown, input: StatsInput): Promise<BuildSizes> {
  const object = stats as Record<string, unknown>;
  const measured = withInfoRelated(assetsOf(stats, input.label)).filter((asset) =>
    MEASURED_FILE.test(asset.name),
  );
  const dir = filesDir(object, input);
  const pagesDir = dir === undefined ? undefined : path.resolve(input.cwd, dir);
  const fromStats = measured.map((asset) =>
    statsSource(asset, relatedSizes(asset), { zstd: input.zstd, dir: pagesDir }),
  );
  const missing = measured.filter((_, index) => fromStats[index] === undefined);
  const known = fromStats.filter((source): source is SizeSource => source !== undefined);
  const sources = [...known, ...(await diskSources(object, missing, input))];
  const entries = statsEntries(object);
  return {
    assets: await measureAll(sources, { zstd: input.zstd }),
    entries: withPages(entries, await pagesOf(sources, entries)),
  };
}
