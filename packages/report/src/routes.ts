import type { ReportInput } from './build';
import type { FileInfo, RouteInfo } from './model';
import { pickSizes, sumSizes } from './sizes';

/**
 * What each route downloads: every entry's first page (its HTML page and initial files), then each lazy chunk
 * group (named by webpackChunkName), then each lazy chunk no named group holds. A lazy route's files the first
 * page already loaded are marked and not counted.
 */
export function routesOf(input: ReportInput, files: FileInfo[]): RouteInfo[] {
  const { stats } = input;
  const fileByName = new Map(files.map((file) => [file.name, file]));
  const entrypoints = stats.entrypoints ?? {};
  const pagesOf = (entry: string) => input.budgetsReport?.entries?.[entry]?.pages ?? [];
  const firstPage = new Set<string>();
  const route = (name: string, kind: RouteInfo['kind'], names: string[]): RouteInfo => {
    const routeFiles = [...new Set(names)]
      .filter((file) => fileByName.has(file))
      .map((file) => ({
        ...pickSizes(fileByName.get(file) as FileInfo),
        name: file,
        loaded: kind === 'lazy' && firstPage.has(file),
      }));
    return { name, kind, files: routeFiles, sizes: sumSizes(routeFiles.filter((file) => !file.loaded)) };
  };
  const routes: RouteInfo[] = [];
  const entries = Object.keys(entrypoints).length
    ? Object.entries(entrypoints).map(
        ([name, group]) => [name, (group.assets ?? []).map((a) => a.name)] as const,
      )
    : Object.entries(input.budgetsReport?.entries ?? {}).map(
        ([name, entry]) => [name, entry.initial] as const,
      );
  for (const [name, initial] of entries) {
    const names = [...pagesOf(name), ...initial];
    routes.push(route(name, 'entry', names));
    for (const file of names) firstPage.add(file);
  }
  for (const [name, group] of Object.entries(stats.namedChunkGroups ?? {})) {
    if (name in entrypoints) continue;
    routes.push(
      route(
        name,
        'lazy',
        (group.assets ?? []).map((asset) => asset.name),
      ),
    );
  }
  const named = new Set(
    Object.values(stats.namedChunkGroups ?? {})
      .flatMap((group) => group.chunks ?? [])
      .map(String),
  );
  for (const chunk of stats.chunks ?? []) {
    if (chunk.initial || named.has(String(chunk.id)) || !(chunk.files ?? []).some((f) => fileByName.has(f)))
      continue;
    routes.push(route(`chunk ${String(chunk.id)}`, 'lazy', chunk.files ?? []));
  }
  return routes;
}
