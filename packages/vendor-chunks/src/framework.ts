import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { toPosixPath } from './package-identity';

/** Node's lookup of `name` from `fromDir`: `<ancestor>/node_modules/<name>`, nearest first; its real path. */
function findPackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') {
      const candidate = path.join(dir, 'node_modules', name);
      if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function dependenciesOf(packageDir: string): string[] {
  try {
    const json = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
    return Object.keys(json.dependencies ?? {});
  } catch {
    return [];
  }
}

/**
 * The real directories of the framework packages as the project resolves them (react, react-dom, …) and of
 * everything they depend on (scheduler), found the way Node finds them — so pnpm, nested installs and
 * aliases give the copies the build really uses. Names that do not resolve are left out.
 */
export function resolveFrameworkRoots(context: string, names: readonly string[]): Set<string> {
  const roots = new Set<string>();
  const queue = names.map((name) => ({ name, from: context }));
  for (let next = queue.shift(); next; next = queue.shift()) {
    const dir = findPackageDir(next.name, next.from);
    if (!dir || roots.has(toPosixPath(dir))) continue;
    roots.add(toPosixPath(dir));
    for (const dependency of dependenciesOf(dir)) queue.push({ name: dependency, from: dir });
  }
  return roots;
}
