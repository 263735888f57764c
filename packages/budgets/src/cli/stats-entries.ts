import type { BuildSizes } from '../types';
import { isObject } from './read-json';

type ChunkId = string | number;

interface StatsChunk {
  id?: ChunkId;
  files?: string[];
  initial?: boolean;
  children?: ChunkId[];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** `entrypoints[name].assets`: strings (webpack 4) or `{ name }` (webpack 5). */
const assetNames = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap((asset) =>
        typeof asset === 'string' ? [asset] : isObject(asset) ? strings([asset.name]) : [],
      )
    : [];

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id) => ['string', 'number'].includes(typeof id)).map(String) : [];

/** The ids of `roots` and of every chunk they load lazily (`children`, transitively). */
function reachable(roots: string[], chunks: Map<string, StatsChunk>): string[] {
  const seen = new Set(roots);
  const queue = [...roots];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const child of ids(chunks.get(id)?.children)) {
      if (seen.has(child)) continue;
      seen.add(child);
      queue.push(child);
    }
  }
  return [...seen];
}

/**
 * Per entry of webpack stats: `initial` is its entrypoint's assets (or the files of its initial chunks),
 * `all` adds the files of every chunk reachable through the chunks' `children` (the lazy ones).
 */
export function statsEntries(stats: Record<string, unknown>): BuildSizes['entries'] {
  const list = Array.isArray(stats.chunks) ? (stats.chunks.filter(isObject) as StatsChunk[]) : [];
  const chunks = new Map(list.map((chunk) => [String(chunk.id), chunk]));
  const filesOf = (id: string) => strings(chunks.get(id)?.files);
  const entrypoints = isObject(stats.entrypoints) ? stats.entrypoints : {};
  return Object.fromEntries(
    Object.entries(entrypoints).map(([name, entrypoint]) => {
      const listed = isObject(entrypoint) ? assetNames(entrypoint.assets) : [];
      const roots =
        isObject(entrypoint) && Array.isArray(entrypoint.chunks)
          ? ids(entrypoint.chunks)
          : list
              .filter((chunk) => strings(chunk.files).some((file) => listed.includes(file)))
              .map((c) => String(c.id));
      const initial = listed.length
        ? listed
        : roots.filter((id) => chunks.get(id)?.initial !== false).flatMap(filesOf);
      const all = [...new Set([...initial, ...reachable(roots, chunks).flatMap(filesOf)])];
      return [name, { initial, all }];
    }),
  );
}
