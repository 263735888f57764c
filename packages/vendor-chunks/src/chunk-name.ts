import { createHash } from 'node:crypto';

/** A stable number for a string: the same on every machine and every build. */
export function stableHash(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/**
 * A chunk name for a package that is safe as a file name and in a URL: lower case, `@scope/name` becomes
 * `scope__name`, and any character outside `[a-z0-9._-]` becomes `_`.
 */
export function safePackageName(packageName: string): string {
  const [scope, name] = packageName.startsWith('@')
    ? packageName.slice(1).split('/', 2)
    : [undefined, packageName];
  const clean = (part: string) => part.toLowerCase().replace(/[^a-z0-9._-]/g, '_');
  return scope === undefined ? clean(name ?? '') : `${clean(scope)}__${clean(name ?? '')}`;
}

/**
 * Names for many packages at once, such that two packages never share one, nor take a `reserved` name (the
 * plan's own chunks): where names would collide (`@a/b` and `a__b`, `JSONStream` and `jsonstream`, a package
 * called `framework`), each of them gets a short hash of its real name.
 */
export function uniqueChunkNames(
  packageNames: Iterable<string>,
  prefix: string,
  reserved: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const byName = new Map<string, string[]>();
  for (const packageName of new Set(packageNames)) {
    const name = `${prefix}${safePackageName(packageName)}`;
    byName.set(name, [...(byName.get(name) ?? []), packageName]);
  }
  const result = new Map<string, string>();
  for (const [name, owners] of byName) {
    for (const owner of owners) {
      const unique = owners.length === 1 && !reserved.has(name);
      result.set(owner, unique ? name : `${name}-${stableHash(owner).toString(36).slice(0, 6)}`);
    }
  }
  return result;
}
