import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@packwise/test-utils';

interface Manifest {
  name: string;
  private?: boolean;
  files?: string[];
  bin?: Record<string, string>;
  main?: string;
  types?: string;
  exports?: Record<string, unknown>;
  engines?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
}

const packagesDir = path.join(repoRoot, 'packages');
const manifests = readdirSync(packagesDir).map((dir) => ({
  dir: path.join(packagesDir, dir),
  manifest: JSON.parse(readFileSync(path.join(packagesDir, dir, 'package.json'), 'utf8')) as Manifest,
}));
const published = manifests.filter(({ manifest }) => !manifest.private);

describe('every public package', () => {
  it('exists', () => {
    expect(published.map(({ manifest }) => manifest.name)).toContain('@packwise/core');
  });

  it.each(published.map(({ dir, manifest }) => [manifest.name, dir, manifest] as const))(
    '%s ships only dist, README and LICENSE, with types',
    (_name, dir, manifest) => {
      // A package with a command ships its two-line bin wrapper too.
      expect(manifest.files).toEqual(
        manifest.bin ? ['dist', 'bin', 'README.md', 'LICENSE'] : ['dist', 'README.md', 'LICENSE'],
      );
      expect(existsSync(path.join(dir, 'README.md'))).toBe(true);
      expect(existsSync(path.join(dir, 'LICENSE'))).toBe(true);
      expect(manifest.exports?.['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
      expect(manifest.engines?.node).toBe('>=20.19');
      // webpack is the user's: a peer dependency, never bundled or installed by us.
      expect(manifest.dependencies?.webpack).toBeUndefined();
      if (manifest.peerDependencies?.webpack) expect(manifest.peerDependencies.webpack).toBe('^5.90.0');
    },
  );
});
