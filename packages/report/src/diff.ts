import type { AssetSizeLike, CompressManifestLike } from './input';
import type {
  DiffInfo,
  FileChange,
  FileInfo,
  PackageChange,
  PackageInfo,
  ReportModel,
  RouteChange,
} from './model';
import { pickSizes, subtractSizes, withoutLastHash, ZERO } from './sizes';

export interface DiffOptions {
  /** compress-manifest.json of the new build: its deltas are what a returning visitor downloads. */
  manifest?: CompressManifestLike;
  /** The budgets report's assets, whose `returning` sizes (when measured) win over the manifest. */
  assets?: AssetSizeLike[];
}

function change(key: string, a: FileInfo | undefined, b: FileInfo | undefined): FileChange {
  const delta = subtractSizes(b ? pickSizes(b) : ZERO, a ? pickSizes(a) : ZERO);
  const kind: FileChange['change'] = !a
    ? 'added'
    : !b
      ? 'removed'
      : a.name !== b.name
        ? 'renamed'
        : delta.raw || delta.brotli
          ? 'changed'
          : 'unchanged';
  return { key, ...(a ? { before: a } : {}), ...(b ? { after: b } : {}), change: kind, delta };
}

/**
 * Files matched by their name without its content hash (the last hex part: `vendor.x.0d6e4079.<hash>.js` is
 * `vendor.x.0d6e4079.js`). When several share one, the same names pair first, then the rest in name order.
 */
function fileChanges(before: FileInfo[], after: FileInfo[]): FileChange[] {
  const keyed = (files: FileInfo[]) => {
    const map = new Map<string, FileInfo[]>();
    for (const file of [...files].sort((x, y) => x.name.localeCompare(y.name))) {
      const key = withoutLastHash(file.name);
      map.set(key, [...(map.get(key) ?? []), file]);
    }
    return map;
  };
  const old = keyed(before);
  const now = keyed(after);
  const changes: FileChange[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(key) ?? [];
    const b = now.get(key) ?? [];
    const same = a.filter((file) => b.some((other) => other.name === file.name));
    for (const file of same)
      changes.push(
        change(
          key,
          file,
          b.find((other) => other.name === file.name),
        ),
      );
    const restA = a.filter((file) => !same.includes(file));
    const restB = b.filter((file) => !same.some((other) => other.name === file.name));
    for (let index = 0; index < Math.max(restA.length, restB.length); index += 1) {
      changes.push(change(key, restA[index], restB[index]));
    }
  }
  return changes.sort(
    (x, y) =>
      x.key.localeCompare(y.key) || (x.after ?? x.before)!.name.localeCompare((y.after ?? y.before)!.name),
  );
}

function routeChanges(before: ReportModel, after: ReportModel): RouteChange[] {
  const old = new Map(before.routes.map((route) => [route.name, route.sizes]));
  const now = new Map(after.routes.map((route) => [route.name, route.sizes]));
  return [...new Set([...old.keys(), ...now.keys()])].map((name) => {
    const a = old.get(name);
    const b = now.get(name);
    return {
      name,
      ...(a ? { before: a } : {}),
      ...(b ? { after: b } : {}),
      delta: subtractSizes(b ?? ZERO, a ?? ZERO),
    };
  });
}

/** Packages matched by the name in their package.json, so an alias (`date-fns-next` → date-fns) is an upgrade. */
function packageChanges(before: PackageInfo[], after: PackageInfo[]): PackageChange[] {
  const group = (list: PackageInfo[]) => {
    const map = new Map<string, PackageInfo[]>();
    for (const pkg of list) {
      if (!pkg.path) continue;
      const key = pkg.realName ?? pkg.name;
      map.set(key, [...(map.get(key) ?? []), pkg]);
    }
    return map;
  };
  const side = (list: PackageInfo[] | undefined) =>
    list?.length
      ? {
          name: [...new Set(list.map((pkg) => pkg.name))].join(', '),
          ...(list.some((pkg) => pkg.version)
            ? { version: [...new Set(list.map((pkg) => pkg.version ?? '?'))].join(', ') }
            : {}),
          size: list.reduce((sum, pkg) => sum + pkg.size, 0),
        }
      : undefined;
  const old = group(before);
  const now = group(after);
  const changes: PackageChange[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const a = side(old.get(key));
    const b = side(now.get(key));
    const change: PackageChange['change'] | undefined = !a
      ? 'added'
      : !b
        ? 'removed'
        : a.version !== b.version || a.name !== b.name
          ? 'version'
          : a.size !== b.size
            ? 'changed'
            : undefined;
    if (change)
      changes.push({
        name: (b ?? a)?.name ?? key,
        change,
        ...(a ? { before: a } : {}),
        ...(b ? { after: b } : {}),
      });
  }
  return changes.sort((x, y) => x.name.localeCompare(y.name));
}

/**
 * What a visitor holding the baseline downloads of the new build, in brotli: a file it holds (same name and
 * bytes) nothing, a delta the compress plugin emitted its size, anything else in full.
 */
function returning(before: ReportModel, after: ReportModel, options: DiffOptions): DiffInfo['returning'] {
  const held = new Map(before.files.map((file) => [file.name, file]));
  const measured = new Map((options.assets ?? []).map((asset) => [asset.name, asset.returning]));
  const files = after.files.map((file) => {
    const known = measured.get(file.name);
    if (known) return { name: file.name, bytes: known.brotli, via: known.via ?? 'measured' };
    const old = held.get(file.name);
    if (old && old.raw === file.raw && old.brotli === file.brotli)
      return { name: file.name, bytes: 0, via: 'cache' };
    const deltas = options.manifest?.assets[file.name]?.deltas ?? [];
    const smallest = deltas.reduce<number | undefined>(
      (min, d) => (min === undefined || d.size < min ? d.size : min),
      undefined,
    );
    if (smallest !== undefined && smallest < file.brotli)
      return { name: file.name, bytes: smallest, via: 'delta' };
    return { name: file.name, bytes: file.brotli, via: 'full' };
  });
  return {
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    newVisitor: after.files.reduce((sum, file) => sum + file.brotli, 0),
    files,
  };
}

/** The new build against the baseline: files, routes, packages, and what returning visitors download. */
export function diffModels(before: ReportModel, after: ReportModel, options: DiffOptions = {}): DiffInfo {
  return {
    files: fileChanges(before.files, after.files),
    routes: routeChanges(before, after),
    packages: packageChanges(before.packages, after.packages),
    returning: returning(before, after, options),
  };
}
