import type { StatsLike, StatsModuleLike } from './input';

/**
 * An entry of a concatenated module's `modules` that stands for modules the stats left out: Rspack writes
 * `{ type: 'orphan modules', filteredChildren, size }` there unless the stats were made with
 * `orphanModules: true`. It has no identifier or name.
 */
export const isHiddenGroup = (module: StatsModuleLike): boolean =>
  module.identifier === undefined && module.name === undefined && module.type !== 'module';

export interface HiddenModules {
  /** Concatenated modules (in a chunk) whose inner modules the stats hide. */
  concatenated: number;
  /** How many inner modules are hidden. */
  modules: number;
  /** Their source bytes. */
  size: number;
}

/** What the stats hide inside concatenated modules; all zero when every inner module is listed. */
export function hiddenModules(stats: StatsLike): HiddenModules {
  const hidden = { concatenated: 0, modules: 0, size: 0 };
  for (const module of stats.modules ?? []) {
    if (!module.chunks?.length) continue;
    const groups = (module.modules ?? []).filter(isHiddenGroup);
    if (!groups.length) continue;
    hidden.concatenated += 1;
    for (const group of groups) {
      hidden.modules += group.filteredChildren ?? 1;
      hidden.size += group.size ?? 0;
    }
  }
  return hidden;
}

/**
 * One line saying what hidden modules do to the report and how to save stats that list them, or undefined
 * when nothing is hidden.
 */
export function hiddenModulesWarning(stats: StatsLike, label: string): string | undefined {
  const { concatenated, modules } = hiddenModules(stats);
  if (!concatenated) return undefined;
  return (
    `${label} hides the ${modules} modules inside ${concatenated} concatenated modules ` +
    '(Rspack writes them only with stats.orphanModules: true): each counts as one module of its first ' +
    "module's package, so package sizes, duplicates and why are incomplete; save the stats with " +
    'stats.toJson(RSPACK_STATS_OPTIONS) from @packwise/report, or set stats: { orphanModules: true } for rspack --json'
  );
}
