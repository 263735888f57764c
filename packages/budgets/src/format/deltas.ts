import { formatBytes } from '@packwise/core';
import type { AssetDelta, DeltaStatus } from '../types';

/** The order changes are listed in. */
export const DELTA_STATUSES: readonly DeltaStatus[] = ['added', 'removed', 'grown', 'shrunk', 'unchanged'];

export function countDeltas(deltas: AssetDelta[]): Record<DeltaStatus, number> {
  const counts = { added: 0, removed: 0, grown: 0, shrunk: 0, unchanged: 0 };
  for (const delta of deltas) counts[delta.status] += 1;
  return counts;
}

/** `1 added, 2 grown, 10 unchanged`: the statuses that occur. */
export function deltaSummary(deltas: AssetDelta[]): string {
  const counts = countDeltas(deltas);
  const parts = DELTA_STATUSES.filter((status) => counts[status] > 0).map(
    (status) => `${counts[status]} ${status}`,
  );
  return parts.join(', ') || 'no assets';
}

/** Every asset that changed, in the order of DELTA_STATUSES, then by name. */
export function changedDeltas(deltas: AssetDelta[]): AssetDelta[] {
  const rank = (delta: AssetDelta) => DELTA_STATUSES.indexOf(delta.status);
  return deltas
    .filter((delta) => delta.status !== 'unchanged')
    .sort((a, b) => rank(a) - rank(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export interface DeltaCells {
  before: string;
  after: string;
  /** The signed brotli delta. */
  change: string;
  /** The signed raw delta. */
  rawChange: string;
}

/** Brotli sizes (what budgets measure by default): before and after (— for a missing side), and the deltas. */
export function deltaCells(delta: AssetDelta): DeltaCells {
  return {
    before: delta.before ? formatBytes(delta.before.brotli) : '—',
    after: delta.after ? formatBytes(delta.after.brotli) : '—',
    change: formatBytes(delta.delta.brotli, { signed: true }),
    rawChange: formatBytes(delta.delta.raw, { signed: true }),
  };
}
