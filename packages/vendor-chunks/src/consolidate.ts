import type { Reason, Route } from './plan';
import { canonical, downloadSize, loadsPart, merged, unitKey } from './units';
import type { Unit } from './units';

export interface ConsolidateSettings {
  /**
   * What one more file costs a route, in source bytes: the chunk wrapper, export glue instead of a
   * concatenated module, and the request. Merging two chunks saves it for each route that loads both.
   */
  fileCost: number;
  /** Bytes a route may download beyond what it uses, as a share of what it downloads (source bytes). */
  budget: number;
  /** Chunks of different packages merge only while both are below this (an upgrade re-downloads the other). */
  minPackageSize: number;
}

/** How many of the smallest units each round pairs with every other unit. */
const SMALL_UNITS = 256;
/** Pairs looked at in all rounds together, at most (about a second of work). */
const MAX_PAIRS = 30_000_000;

/** A set of route indexes as 32-bit words. */
type Bits = Uint32Array;

function popcount(word: number): number {
  let n = word - ((word >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function counts(a: Bits, b: Bits): { both: number; onlyA: number; onlyB: number } {
  let both = 0;
  let onlyA = 0;
  let onlyB = 0;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] as number;
    const y = b[i] as number;
    both += popcount(x & y);
    onlyA += popcount(x & ~y);
    onlyB += popcount(y & ~x);
  }
  return { both, onlyA, onlyB };
}

const indexesOf = (bits: Bits) => {
  const result: number[] = [];
  bits.forEach((word, i) => {
    for (let bit = 0; bit < 32; bit += 1) if (word & (1 << bit)) result.push(i * 32 + bit);
  });
  return result;
};

/**
 * Merges chunks where that makes routes lighter, as webpack's default split does by copying small shared
 * modules into each route: each merge saves `fileCost` for every route that loads both chunks and adds
 * each chunk's bytes to the routes that loaded only the other. The best merge goes first; a merge never
 * takes a route past its byte budget, never joins first-load code with lazy code or app code with vendor
 * code, and joins two packages only while both chunks are small (an upgrade of one re-downloads the other).
 */
export function consolidate(
  units: Unit[],
  routes: Route[],
  chunkSizes: ReadonlyMap<string, number>,
  settings: ConsolidateSettings,
): Unit[] {
  const words = Math.ceil(routes.length / 32) || 1;
  const bitsOf = (unit: Unit): Bits => {
    const bits = new Uint32Array(words);
    routes.forEach((route, index) => {
      if (loadsPart(route, unit)) bits[index >> 5]! |= 1 << (index & 31);
    });
    return bits;
  };
  let current = canonical(units).map((unit) => ({ unit, bits: bitsOf(unit) }));
  const totals = routes.map((route) => downloadSize(route, units, chunkSizes));
  const extra = routes.map(() => 0);
  const blocked = new Set<string>();

  const ownerOf = (unit: Unit) => (unit.owners.size === 1 ? [...unit.owners][0] : undefined);
  const mergeable = (a: Unit, b: Unit) =>
    a.kind === b.kind &&
    a.initial === b.initial &&
    ((ownerOf(a) !== undefined && ownerOf(a) === ownerOf(b)) ||
      // The framework keeps chunks of its own: it changes least often of all.
      (ownerOf(a) !== 'framework' &&
        ownerOf(b) !== 'framework' &&
        a.size < settings.minPackageSize &&
        b.size < settings.minPackageSize));

  // Merges that pay have a small side: each round pairs the smallest units with all others. The number of pairs
  // looked at is bounded, so a huge app's plan stays fast (and, like all of it, deterministic).
  let budgetOfPairs = MAX_PAIRS;
  for (;;) {
    let best: { i: number; j: number; benefit: number } | undefined;
    const bySize = current
      .map((_, index) => index)
      .sort((x, y) => current[x]!.unit.size - current[y]!.unit.size || x - y);
    const small = new Set(bySize.slice(0, SMALL_UNITS));
    for (let i = 0; i < current.length; i += 1) {
      const a = current[i]!;
      for (let j = i + 1; j < current.length; j += 1) {
        if (!small.has(i) && !small.has(j)) continue;
        if ((budgetOfPairs -= 1) < 0) break;
        const b = current[j]!;
        if (!mergeable(a.unit, b.unit)) continue;
        const { both, onlyA, onlyB } = counts(a.bits, b.bits);
        if (both === 0) continue;
        const benefit = settings.fileCost * both - b.unit.size * onlyA - a.unit.size * onlyB;
        if (benefit <= 0 || (best && benefit <= best.benefit)) continue;
        if (blocked.has(`${unitKey(a.unit)}|${unitKey(b.unit)}`)) continue;
        // Within every route's budget: those that loaded only one side download the other too.
        const over = (bits: Bits, other: Bits, added: number) =>
          indexesOf(bits).some(
            (r) => !((other[r >> 5]! >>> (r & 31)) & 1) && extra[r]! + added > settings.budget * totals[r]!,
          );
        if (over(a.bits, b.bits, b.unit.size) || over(b.bits, a.bits, a.unit.size)) {
          blocked.add(`${unitKey(a.unit)}|${unitKey(b.unit)}`);
          continue;
        }
        best = { i, j, benefit };
      }
    }
    if (!best) break;
    const a = current[best.i]!;
    const b = current[best.j]!;
    for (const r of indexesOf(a.bits)) if (!((b.bits[r >> 5]! >>> (r & 31)) & 1)) extra[r]! += b.unit.size;
    for (const r of indexesOf(b.bits)) if (!((a.bits[r >> 5]! >>> (r & 31)) & 1)) extra[r]! += a.unit.size;
    const { onlyA, onlyB } = counts(a.bits, b.bits);
    const sameUse = onlyA + onlyB === 0;
    const joined = merged(a.unit, b.unit);
    const mergedBefore = a.unit.reason === 'merged' || b.unit.reason === 'merged';
    const reason: Reason =
      !sameUse || mergedBefore ? 'merged' : joined.owners.size > 1 ? 'shared' : a.unit.reason;
    const unit = { ...joined, reason };
    const bits = a.bits.map((word, k) => word | (b.bits[k] as number));
    const rest = current.filter((_, k) => k !== best!.i && k !== best!.j);
    const order = canonical([...rest.map((entry) => entry.unit), unit]);
    const entries = new Map([...rest, { unit, bits }].map((entry) => [entry.unit, entry]));
    current = order.map((u) => entries.get(u)!);
    if (budgetOfPairs < 0) break;
  }
  return current.map(({ unit }) => unit);
}
