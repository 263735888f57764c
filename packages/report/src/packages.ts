import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DuplicateInfo, PackageInfo } from './model';

/** Where a module's code comes from: the app, or an installed package. */
export interface PackageRef {
  name: string;
  /** The package folder (absolute when the module's path was), `/` separators. */
  root?: string;
  /** From a pnpm path (`.pnpm/name@1.2.3/node_modules/name`). */
  version?: string;
}

export const APP = '(app)';
export const WEBPACK = '(webpack)';

const PNPM_VERSION = /^(@?[^@/]+(?:\+[^@/]+)?)@([^_/]+)/;

/**
 * The package a module path belongs to. Nested installs (`node_modules/a/node_modules/b`) are b; code a library
 * bundles in its own dist (`node_modules/a/dist/node_modules/b`, no package.json) belongs to a.
 */
export function packageOf(file: string): PackageRef {
  const parts = file.replace(/\\/g, '/').split('/');
  let found: { start: number; end: number } | undefined;
  for (let index = 0; index < parts.length; index += 1) {
    if (parts[index] !== 'node_modules') continue;
    const start = index + 1;
    if (parts[start] === '.pnpm') continue;
    const end = parts[start]?.startsWith('@') ? start + 2 : start + 1;
    if (end > parts.length - 1) break;
    // Only a node_modules right inside the package found so far is a nested install.
    if (!found || index === found.end) found = { start, end };
    index = end - 1;
  }
  if (!found) return { name: file.startsWith('webpack/') ? WEBPACK : APP };
  const name = parts.slice(found.start, found.end).join('/');
  const root = parts.slice(0, found.end).join('/');
  const pnpm = parts.lastIndexOf('.pnpm', found.start);
  const version = pnpm >= 0 ? PNPM_VERSION.exec(parts[pnpm + 1] ?? '')?.[2] : undefined;
  return { name, root, ...(version ? { version } : {}) };
}

/** The module's file: its resource path without loaders and query. */
export function resourceOf(name: string): string {
  const last = name.slice(name.lastIndexOf('!') + 1);
  return last.replace(/^css /, '').split('?', 1)[0] ?? last;
}

/** `name` and `version` from an installed package's package.json, read once per folder. */
export function createManifestReader(): (root: string) => { name?: string; version?: string } {
  const seen = new Map<string, { name?: string; version?: string }>();
  return (root) => {
    let manifest = seen.get(root);
    if (!manifest) {
      manifest = {};
      if (path.isAbsolute(root)) {
        try {
          const json = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<
            string,
            unknown
          >;
          manifest = {
            ...(typeof json.name === 'string' ? { name: json.name } : {}),
            ...(typeof json.version === 'string' ? { version: json.version } : {}),
          };
        } catch {
          // Not installed here (stats from another machine): the version stays unknown.
        }
      }
      seen.set(root, manifest);
    }
    return manifest;
  };
}

/** Packages bundled from more than one folder, matched by the name in their package.json. */
export function duplicatesOf(packages: PackageInfo[]): DuplicateInfo[] {
  const byName = new Map<string, PackageInfo[]>();
  for (const pkg of packages) {
    if (!pkg.path) continue;
    const key = pkg.realName ?? pkg.name;
    byName.set(key, [...(byName.get(key) ?? []), pkg]);
  }
  return [...byName]
    .filter(([, copies]) => copies.length > 1)
    .map(([name, copies]) => ({
      name,
      copies: copies.map((copy) => ({
        path: copy.path as string,
        ...(copy.version ? { version: copy.version } : {}),
        size: copy.size,
      })),
    }));
}
