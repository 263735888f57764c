import type { Route } from './plan';
import { canonical, loadsPart as loadsUnit, merged, useKey } from './units';
import type { Unit } from './units';

const files = (unit: Unit) => (unit.js ? 1 : 0) + (unit.css ? 1 : 0);

export function routeRequests(route: Route, units: Unit[]): number {
  return units.reduce((sum, unit) => sum + (loadsUnit(route, unit) ? files(unit) : 0), route.ownRequests);
}

/** Bytes a merge adds to the routes that loaded only one side: each side's size times the chunks it reaches anew. */
function mergeCost(a: Unit, b: Unit): number {
  const onlyIn = (x: Unit, y: Unit) => [...x.chunks].filter((key) => !y.chunks.has(key)).length;
  return a.size * onlyIn(b, a) + b.size * onlyIn(a, b);
}

/** How many of the smallest units a route loads are tried in pairs when no two of them have the same use. */
const PAIR_CANDIDATES = 16;

/**
 * The two units a route loads whose merge costs the least: two with the same use (free: every route that
 * loads one loads both), the smallest first; else the cheapest pair of its smallest units. Never an initial
 * unit with a lazy one (that would pull lazy code into a first page load), never app code with vendor code
 * (an app edit would rename vendor bytes).
 */
function cheapestPair(units: Unit[], route: Route): [Unit, Unit] | undefined {
  const candidates = units
    .filter((unit) => loadsUnit(route, unit))
    .sort((a, b) => a.size - b.size || units.indexOf(a) - units.indexOf(b));
  const compatible = (a: Unit, b: Unit) => a.kind === b.kind && a.initial === b.initial;

  const sameUse = new Map<string, Unit[]>();
  for (const unit of candidates) {
    const key = `${unit.kind}|${unit.initial}|${useKey(unit.chunks)}`;
    sameUse.set(key, [...(sameUse.get(key) ?? []), unit]);
  }
  let best: [Unit, Unit] | undefined;
  for (const group of sameUse.values()) {
    const [a, b] = group;
    if (a && b && (!best || a.size + b.size < best[0].size + best[1].size)) best = [a, b];
  }
  if (best) return best;

  let bestCost = Infinity;
  const smallest = candidates.slice(0, PAIR_CANDIDATES);
  for (let i = 0; i < smallest.length; i += 1) {
    for (let j = i + 1; j < smallest.length; j += 1) {
      const [a, b] = [smallest[i] as Unit, smallest[j] as Unit];
      if (!compatible(a, b)) continue;
      const cost = mergeCost(a, b);
      if (cost < bestCost) [best, bestCost] = [[a, b], cost];
    }
  }
  return best;
}

/**
 * While some route needs more requests than its limit, merges the two cheapest units it loads (see
 * `cheapestPair`); a merge never adds a request to any route. Routes that no merge can bring within their
 * limit are left as they are (the caller warns). Returns the units and every route's requests.
 */
export function enforceRequestLimits(
  units: Unit[],
  routes: Route[],
  limit: (route: Route) => number,
  { merge }: { merge: boolean },
): { units: Unit[]; requests: Map<string, number> } {
  let current = canonical(units);
  const stuck = new Set<string>();
  while (merge) {
    let worst: Route | undefined;
    let worstExcess = 0;
    for (const route of routes) {
      if (stuck.has(route.key)) continue;
      const excess = routeRequests(route, current) - limit(route);
      if (excess > worstExcess) [worst, worstExcess] = [route, excess];
    }
    if (!worst) break;
    const pair = cheapestPair(current, worst);
    if (!pair) {
      stuck.add(worst.key);
      continue;
    }
    const [a, b] = pair;
    current = canonical([...current.filter((unit) => unit !== a && unit !== b), merged(a, b)]);
  }
  return {
    units: current,
    requests: new Map(routes.map((route) => [route.key, routeRequests(route, current)])),
  };
}
