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

/** Where each `node_modules/<name>` segment of a path ends, innermost first (dot folders such as `.pnpm` skipped). */
function installCandidates(posix: string): number[] {
  const ends: number[] = [];
  for (let at = posix.indexOf('/node_modules/'); at >= 0; at = posix.indexOf('/node_modules/', at + 1)) {
    if (posix[at + '/node_modules/'.length] !== '.') ends.push(at);
  }
  return ends.reverse();
}

/** The identity the path alone gives for the `node_modules/` segment starting at `marker`. */
function identityAt(posix: string, marker: number): PackageIdentity | undefined {
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
  return { name, version, root: `${before}/node_modules/${name}` };
}

/**
 * The package a file belongs to, when package.json cannot be read (yarn PnP zip paths without a patched fs):
 * the folder after the last `node_modules/`, its version from pnpm's `.pnpm/<name>@<version>` or yarn's
 * `<name>-npm-<version>-<hash>.zip` segment.
 */
export function identityFromPath(filePath: string): PackageIdentity | undefined {
  const posix = toPosixPath(filePath);
  const marker = posix.lastIndexOf('/node_modules/');
  return marker < 0 ? undefined : identityAt(posix, marker);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds a file's package. Inside node_modules: the innermost `node_modules/<name>` folder that has a named
 * package.json is the installed package, so the innermost install owns a module, a package.json in a
 * sub-folder (`chart.js/auto/package.json` names itself `chart.js-auto`) does not split it, and code a package
 * bundles in its own folder (`ui/dist/esm/node_modules/classnames/…`, no package.json there) belongs to that
 * package — not to an installed `classnames`. Name and version come from that folder's package.json — an
 * aliased install (`date-fns-next/`) is still `date-fns` — or, when none can be read (yarn PnP zips), from
 * the innermost folder's path. Elsewhere (a workspace package at its real path): the nearest package.json
 * that has a `name`. Results are cached per folder.
 */
export function createPackageIdentifier(readPackageJson: ReadPackageJson = readPackageJsonFromDisk) {
  const byDirectory = new Map<string, PackageIdentity | null>();

  function named(directory: string): PackageIdentity | null {
    const cached = byDirectory.get(directory);
    if (cached !== undefined) return cached;
    const json = readPackageJson(`${directory}/package.json`);
    const found =
      typeof json?.name === 'string' && json.name
        ? { name: json.name, version: typeof json.version === 'string' ? json.version : '', root: directory }
        : null;
    byDirectory.set(directory, found);
    return found;
  }

  function nearestNamed(directory: string): PackageIdentity | null {
    const parent = dirname(directory);
    return named(directory) ?? (parent && parent !== directory ? nearestNamed(parent) : null);
  }

  function installed(posix: string, markers: number[]): PackageIdentity | undefined {
    const candidates = markers.map((marker) => identityAt(posix, marker)).filter((c) => c !== undefined);
    for (const candidate of candidates) {
      const found = named(candidate.root);
      if (found) return found;
    }
    return candidates[0];
  }

  return (filePath: string): PackageIdentity | undefined => {
    const posix = toPosixPath(filePath);
    const markers = installCandidates(posix);
    return markers.length > 0 ? installed(posix, markers) : (nearestNamed(dirname(posix)) ?? undefined);
  };
}

export type PackageIdentifier = ReturnType<typeof createPackageIdentifier>;
