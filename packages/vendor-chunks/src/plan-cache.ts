import { digestOf } from '@packwise/core';
import type { Part, Plan, PlanSettings, Route } from './plan';
import type { PlanStore } from './plan-store';

/** The cache item holding the last plan and the digest of its inputs. */
const PLAN_ITEM = 'plan';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plan from another version is not reused
const { version } = require('../package.json') as { version: string };

interface RememberedPlan {
  digest: string;
  plan: Plan;
}

/** A digest of everything `planChunks` reads: equal inputs always give an equal plan. */
export function planInputsDigest(
  parts: Part[],
  routes: Route[],
  chunkSizes: ReadonlyMap<string, number>,
  settings: PlanSettings,
): string {
  const { strategy, prefix, minPackageSize, maxInitialRequests, maxAsyncRequests, smallRouteSize } = settings;
  const inputs = [
    version,
    parts,
    routes,
    [...chunkSizes],
    [strategy, prefix, minPackageSize, maxInitialRequests, maxAsyncRequests, smallRouteSize],
  ];
  return digestOf(inputs);
}

/**
 * The last build's plan through webpack's cache (a file on Rspack: DiskPlanStore): on a large app the planner's merges take 0.2–0.4 s, and a
 * rebuild after an app edit almost always plans the same parts and routes again. Loaded in an async hook
 * before sealing (the planning hook is synchronous) and stored after sealing.
 */
export class PlanCache {
  private remembered?: RememberedPlan;
  private computed?: RememberedPlan;

  constructor(private readonly cache: PlanStore) {}

  async load(): Promise<void> {
    this.remembered = await this.cache.getPromise<RememberedPlan | undefined>(PLAN_ITEM, null);
  }

  /** The remembered plan when its inputs had this digest, else `compute()`'s (stored after sealing). */
  plan(digest: string, compute: () => Plan): { plan: Plan; reused: boolean } {
    if (this.remembered?.digest === digest) return { plan: this.remembered.plan, reused: true };
    const plan = compute();
    this.computed = { digest, plan };
    return { plan, reused: false };
  }

  async store(): Promise<void> {
    if (this.computed) await this.cache.storePromise(PLAN_ITEM, null, this.computed);
  }
}
