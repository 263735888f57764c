import { readFileSync } from 'node:fs';

export interface PackageIdentity {
  /** The `name` of the package's package.json (`@tanstack/react-query`). */
  name: string;
  /** Its `version`, or '' when it cannot be read. */
  version: string;
  /** The package's directory (POSIX separators): two installs of one name are two roots. */
  root: string;
}

/** Reads a package.json, or undefined when there is none (or it is not JSON). */
export type ReadPackageJson = (file: string) => { name?: unknown; version?: unknown } | undefined;

export const readPackageJsonFromDisk: ReadPackageJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

export const toPosixPath = (filePath: string) => filePath.replace(/\\/g, '/');

/** True for a real path inside a node_modules folder (npm, pnpm's `.pnpm`, yarn's cache). */
export const isInNodeModules = (filePath: string) => toPosixPath(filePath).includes('/node_modules/');

const dirname = (posixPath: string) => posixPath.slice(0, Math.max(posixPath.lastIndexOf('/'), 0));

/**
 * The package a file belongs to, when package.json cannot be read (yarn PnP zip paths without a patched fs):
 * the folder after the last `node_modules/`, its version from pnpm's `.pnpm/<name>@<version>` or yarn's
 * `<name>-npm-<version>-<hash>.zip` segment.
 */
export function identityFromPath(filePath: string): PackageIdentity | undefined {
  const posix = toPosixPath(filePath);
  const marker = posix.lastIndexOf('/node_modules/');
  if (marker < 0) return undefined;
  const rest = posix.slice(marker + '/node_modules/'.length).split('/');
  const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? '');
  if (!name || name.endsWith('/')) return undefined;
  const before = posix.slice(0, marker);
  const encoded = name.replace('/', '+');
  const pnpm = new RegExp(`/\\.pnpm/${escape(encoded)}@([^/_]+)`).exec(before);
  const yarn = new RegExp(`/${escape(name.replace('/', '-'))}-npm-([^/]+?)-[0-9a-f]+-[0-9a-f]+\\.zip$`).exec(
    before,
  );
  const version = pnpm?.[1] ?? yarn?.[1] ?? '';
  return { name, version, root: `${posix.slice(0, marker)}/node_modules/${name}` };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds a file's package. Inside node_modules: the folder after the last `node_modules/` (with its scope) is
 * the installed package, so the innermost install owns a module and a package.json in a sub-folder
 * (`chart.js/auto/package.json` names itself `chart.js-auto`) does not split it; name and version come from
 * that folder's package.json — an aliased install (`date-fns-next/`) is still `date-fns` — or from the path
 * when it cannot be read (yarn PnP zips). Elsewhere (a workspace package at its real path): the nearest
 * package.json that has a `name`. Results are cached per folder.
 */
export function createPackageIdentifier(readPackageJson: ReadPackageJson = readPackageJsonFromDisk) {
  const byDirectory = new Map<string, PackageIdentity | null>();

  function named(directory: string): PackageIdentity | null {
    const json = readPackageJson(`${directory}/package.json`);
    if (typeof json?.name !== 'string' || !json.name) return null;
    return {
      name: json.name,
      version: typeof json.version === 'string' ? json.version : '',
      root: directory,
    };
  }

  function nearestNamed(directory: string): PackageIdentity | null {
    const cached = byDirectory.get(directory);
    if (cached !== undefined) return cached;
    const parent = dirname(directory);
    const found = named(directory) ?? (parent && parent !== directory ? nearestNamed(parent) : null);
    byDirectory.set(directory, found);
    return found;
  }

  function installed(fromPath: PackageIdentity): PackageIdentity {
    const cached = byDirectory.get(fromPath.root);
    if (cached) return cached;
    const found = named(fromPath.root) ?? fromPath;
    byDirectory.set(fromPath.root, found);
    return found;
  }

  return (filePath: string): PackageIdentity | undefined => {
    const posix = toPosixPath(filePath);
    const fromPath = identityFromPath(posix);
    return fromPath ? installed(fromPath) : (nearestNamed(dirname(posix)) ?? undefined);
  };
}

export type PackageIdentifier = ReturnType<typeof createPackageIdentifier>;
