import type { Reason, Route } from './plan';

/** Parts that go to one chunk, as the planner's merges see them. */
export interface Unit {
  /** Indexes of the plan's parts. */
  parts: number[];
  kind: 'vendor' | 'app';
  owners: Set<string>;
  chunks: Set<string>;
  size: number;
  js: boolean;
  css: boolean;
  initial: boolean;
  reason: Reason;
}

/** What a part and a unit both have: the chunks they serve and their source bytes. */
interface Served {
  chunks: ReadonlySet<string>;
  size: number;
}

const touches = (chunks: ReadonlySet<string>, keys: ReadonlySet<string>) =>
  [...chunks].some((key) => keys.has(key));

/** A route downloads a part (or unit) that serves one of its chunks, unless its entry loaded it already. */
export const loadsPart = (route: Route, part: Pick<Served, 'chunks'>) =>
  touches(part.chunks, route.loads) && !touches(part.chunks, route.preloaded);

/** Source bytes a route downloads: its chunks' own code and every part (or unit) it loads. */
export const downloadSize = (route: Route, items: Served[], chunkSizes: ReadonlyMap<string, number>) =>
  [...route.loads].reduce((sum, key) => sum + (chunkSizes.get(key) ?? 0), 0) +
  items.reduce((sum, item) => sum + (loadsPart(route, item) ? item.size : 0), 0);

/** The same key for the same set of chunks: which routes use something. */
export const useKey = (chunks: ReadonlySet<string>) => [...chunks].sort().join('\n');

/** A unit's canonical key: its kind, owners and chunks, whatever order its parts came in. */
export const unitKey = (unit: Unit) =>
  `${unit.kind}|${[...unit.owners].sort().join(',')}|${useKey(unit.chunks)}`;

/** Units in canonical order, so that no decision depends on the order parts came in. */
export const canonical = (units: Unit[]) =>
  [...units].sort((a, b) => {
    const [x, y] = [unitKey(a), unitKey(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });

/** Two units as one, `request-limit` its reason unless the caller says otherwise. */
export function merged(a: Unit, b: Unit): Unit {
  return {
    parts: [...a.parts, ...b.parts],
    kind: a.kind,
    owners: new Set([...a.owners, ...b.owners]),
    chunks: new Set([...a.chunks, ...b.chunks]),
    size: a.size + b.size,
    js: a.js || b.js,
    css: a.css || b.css,
    initial: a.initial || b.initial,
    reason: 'request-limit',
  };
}
