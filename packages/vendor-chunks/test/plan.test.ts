import { planChunks } from '@packwise/vendor-chunks';
import type { Part, PlanSettings, Route } from '@packwise/vendor-chunks';

// The planner on synthetic apps: many routes, many packages, random uses. Properties that must hold for every
// app, whatever its shape, checked over seeded random inputs.

/** A small seeded generator (mulberry32), so every run sees the same apps. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const settings: PlanSettings = {
  strategy: 'granular',
  prefix: 'vendor.',
  minPackageSize: 10_000,
  smallRouteSize: 100_000,
  maxInitialRequests: 25,
  maxAsyncRequests: 25,
};

interface App {
  parts: Part[];
  routes: Route[];
  chunkSizes: Map<string, number>;
}

/** One entry `main` and `routeCount` lazy routes; packages used by random sets of routes (or by main). */
function syntheticApp(seed: number, routeCount: number, packageCount: number): App {
  const next = random(seed);
  const lazy = Array.from({ length: routeCount }, (_, n) => `route-${n}`);
  const parts: Part[] = [];
  for (let p = 0; p < packageCount; p += 1) {
    const owner = p === 0 ? 'framework' : `pkg-${p}`;
    const uses = 1 + Math.floor(next() * 6);
    for (let u = 0; u < uses; u += 1) {
      const initial = p === 0 || next() < 0.15;
      const chunks = initial
        ? ['main']
        : [
            ...new Set(
              Array.from(
                { length: 1 + Math.floor(next() * 5) },
                () => lazy[Math.floor(next() * routeCount)] as string,
              ),
            ),
          ];
      if (
        parts.some(
          (part) => part.owner === owner && [...part.chunks].sort().join() === [...chunks].sort().join(),
        )
      )
        continue;
      const size = Math.floor(next() ** 3 * 200_000) + 100;
      parts.push({
        kind: 'vendor',
        owner,
        chunks: new Set(chunks),
        size,
        js: true,
        css: next() < 0.1,
        initial,
      });
    }
  }
  for (let a = 0; a < routeCount / 3; a += 1) {
    const chunks = new Set([
      lazy[Math.floor(next() * routeCount)] as string,
      lazy[Math.floor(next() * routeCount)] as string,
    ]);
    if (chunks.size < 2) continue;
    if (
      parts.some(
        (part) => part.kind === 'app' && [...part.chunks].sort().join() === [...chunks].sort().join(),
      )
    )
      continue;
    parts.push({
      kind: 'app',
      owner: '',
      chunks,
      size: 500 + Math.floor(next() * 5000),
      js: true,
      css: false,
      initial: false,
    });
  }
  const routes: Route[] = [
    { key: 'main', entry: true, loads: new Set(['main']), preloaded: new Set(), ownRequests: 3 },
    ...lazy.map((key) => ({
      key,
      entry: false,
      loads: new Set([key]),
      preloaded: new Set(['main']),
      ownRequests: 1,
    })),
  ];
  const chunkSizes = new Map([
    ['main', 50_000],
    ...lazy.map((key) => [key, Math.floor(next() * 40_000)] as [string, number]),
  ]);
  return { parts, routes, chunkSizes };
}

const apps = Array.from({ length: 12 }, (_, n) => syntheticApp(n + 1, 10 + n * 4, 10 + n * 10));

/** Part indexes by the chunk the plan gave them. */
function chunksOf(app: App, chunkOfPart: (string | undefined)[]) {
  const chunks = new Map<string, Part[]>();
  chunkOfPart.forEach((name, index) => {
    if (name) chunks.set(name, [...(chunks.get(name) ?? []), app.parts[index] as Part]);
  });
  return chunks;
}

describe('planChunks on synthetic apps', () => {
  it('has apps whose routes would need more than 25 requests without the bound, and merges there', () => {
    const unbounded = { ...settings, maxInitialRequests: Infinity, maxAsyncRequests: Infinity };
    const over = apps.filter((app) =>
      [...planChunks(app.parts, app.routes, app.chunkSizes, unbounded).requests.values()].some((n) => n > 25),
    );
    expect(over.length).toBeGreaterThanOrEqual(3);
    for (const app of over) {
      const plan = planChunks(app.parts, app.routes, app.chunkSizes, settings);
      expect(plan.chunks.some((chunk) => chunk.reason === 'request-limit')).toBe(true);
    }
  });

  it.each(apps.map((app, n) => [n + 1, app] as const))(
    'app %i: no chunk mixes initial with lazy code, or app with vendor code',
    (_n, app) => {
      const plan = planChunks(app.parts, app.routes, app.chunkSizes, settings);
      for (const [name, parts] of chunksOf(app, plan.chunkOfPart)) {
        expect([name, new Set(parts.map((part) => part.initial)).size]).toEqual([name, 1]);
        expect([name, new Set(parts.map((part) => part.kind)).size]).toEqual([name, 1]);
      }
    },
  );

  it.each(apps.map((app, n) => [n + 1, app] as const))(
    'app %i: every route within its request bound, or a warning naming it',
    (_n, app) => {
      const plan = planChunks(app.parts, app.routes, app.chunkSizes, settings);
      for (const route of app.routes) {
        const requests = plan.requests.get(route.key) as number;
        const bound = route.entry ? settings.maxInitialRequests : settings.maxAsyncRequests;
        if (requests > bound)
          expect(plan.warnings.join('\n')).toContain(route.entry ? 'first page load' : route.key);
        else expect(requests).toBeGreaterThan(0);
      }
      expect(plan.warnings).toEqual([]);
    },
  );

  it.each(apps.map((app, n) => [n + 1, app] as const))(
    'app %i: only merged and request-limit chunks hold parts of different uses',
    (_n, app) => {
      const plan = planChunks(app.parts, app.routes, app.chunkSizes, settings);
      for (const chunk of plan.chunks) {
        const uses = new Set(
          chunk.parts.map((index) => [...(app.parts[index] as Part).chunks].sort().join()),
        );
        if (chunk.reason !== 'request-limit' && chunk.reason !== 'merged')
          expect([chunk.name, uses.size]).toEqual([chunk.name, 1]);
      }
    },
  );

  it.each(apps.map((app, n) => [n + 1, app] as const))(
    'app %i: a part stays in its route only when that route alone uses it and is small',
    (_n, app) => {
      const plan = planChunks(app.parts, app.routes, app.chunkSizes, settings);
      plan.chunkOfPart.forEach((name, index) => {
        const part = app.parts[index] as Part;
        if (name !== undefined) return;
        expect(part.kind).toBe('vendor');
        expect(part.initial).toBe(false);
        expect(part.chunks.size).toBe(1);
      });
    },
  );

  it.each(apps.map((app, n) => [n + 1, app] as const))(
    'app %i: the same plan whatever order the parts come in',
    (_n, app) => {
      const plan = planChunks(app.parts, app.routes, app.chunkSizes, settings);
      const order = app.parts.map((_, index) => index).reverse();
      const reversed = planChunks(
        order.map((index) => app.parts[index] as Part),
        app.routes,
        app.chunkSizes,
        settings,
      );
      const byPart = (chunkOfPart: (string | undefined)[], indexes: number[]) =>
        Object.fromEntries(indexes.map((original, position) => [original, chunkOfPart[position]]));
      const forward = byPart(
        plan.chunkOfPart,
        app.parts.map((_, index) => index),
      );
      expect(byPart(reversed.chunkOfPart, order)).toEqual(forward);
    },
  );
});

describe('planChunks names', () => {
  const part = (owner: string, chunks: string[], size = 50_000): Part => ({
    kind: 'vendor',
    owner,
    chunks: new Set(chunks),
    size,
    js: true,
    css: false,
    initial: chunks.includes('main'),
  });
  const routes: Route[] = [
    { key: 'main', entry: true, loads: new Set(['main']), preloaded: new Set(), ownRequests: 3 },
    { key: 'a', entry: false, loads: new Set(['a']), preloaded: new Set(['main']), ownRequests: 1 },
    { key: 'b', entry: false, loads: new Set(['b']), preloaded: new Set(['main']), ownRequests: 1 },
  ];
  const big = new Map([
    ['main', 0],
    ['a', 500_000],
    ['b', 500_000],
  ]);

  it('names a chunk from its package and the routes that use it, never from sizes or other packages', () => {
    const one = planChunks([part('@scope/ui', ['a', 'b']), part('chart.js', ['a'])], routes, big, settings);
    const other = planChunks(
      [part('@scope/ui', ['b', 'a'], 90_000), part('lodash', ['b'])],
      routes,
      big,
      settings,
    );
    expect(one.chunkOfPart[0]).toMatch(/^vendor\.scope__ui\.[0-9a-f]{8}$/);
    expect(other.chunkOfPart[0]).toBe(one.chunkOfPart[0]);
    expect(one.chunkOfPart[1]).toMatch(/^vendor\.chart\.js\.[0-9a-f]{8}$/);
  });

  it('puts small same-use parts of several packages in one vendor.shared chunk, and the framework never', () => {
    const plan = planChunks(
      [part('framework', ['main'], 2_000), part('left-pad', ['main'], 2_000), part('tiny', ['main'], 3_000)],
      routes,
      big,
      settings,
    );
    expect(plan.chunkOfPart[0]).toMatch(/^vendor\.framework\.[0-9a-f]{8}$/);
    expect(plan.chunkOfPart[1]).toMatch(/^vendor\.shared\.[0-9a-f]{8}$/);
    expect(plan.chunkOfPart[2]).toBe(plan.chunkOfPart[1]);
    expect(plan.chunks.find((chunk) => chunk.name === plan.chunkOfPart[1])?.reason).toBe('shared');
  });

  it('keeps vendor code a small route alone uses in that route, and gives it a file in a large route', () => {
    const small = new Map([
      ['main', 0],
      ['a', 1_000],
      ['b', 500_000],
    ]);
    const plan = planChunks(
      [part('date-fns', ['a'], 5_000), part('date-fns', ['b'], 5_000)],
      routes,
      small,
      settings,
    );
    expect(plan.chunkOfPart).toEqual([undefined, expect.stringMatching(/^vendor\.date-fns\.[0-9a-f]{8}$/)]);
  });
});
