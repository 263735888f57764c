import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@packwise/test-utils';

const FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Every workspace package by name, with the @packwise/* packages it depends on (any kind but dev). */
function packwiseGraph(): Map<string, string[]> {
  const dir = path.join(repoRoot, 'packages');
  const graph = new Map<string, string[]>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(path.join(dir, entry.name, 'package.json'), 'utf8')) as Manifest;
    } catch {
      continue; // not a package (yet)
    }
    const names = FIELDS.flatMap((field) => Object.keys(manifest[field] ?? {}));
    graph.set(manifest.name, [...new Set(names.filter((name) => name.startsWith('@packwise/')))]);
  }
  return graph;
}

/** The first cycle found, as `a -> b -> a`, or undefined. */
function findCycle(graph: Map<string, string[]>): string | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (name: string): string | undefined => {
    const start = path.indexOf(name);
    if (start >= 0) return [...path.slice(start), name].join(' -> ');
    if (done.has(name)) return undefined;
    path.push(name);
    for (const dependency of graph.get(name) ?? []) {
      const cycle = visit(dependency);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(name);
    return undefined;
  };
  for (const name of graph.keys()) {
    const cycle = visit(name);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the dependencies among packwise packages', () => {
  const graph = packwiseGraph();

  it('have no cycle', () => {
    expect(findCycle(graph)).toBeUndefined();
  });

  it('end in @packwise/cli: it depends on the command packages, and nothing depends on it', () => {
    expect(graph.get('@packwise/cli')).toEqual(
      expect.arrayContaining(['@packwise/budgets', '@packwise/preset', '@packwise/serve']),
    );
    const dependents = [...graph]
      .filter(([, names]) => names.includes('@packwise/cli'))
      .map(([name]) => name);
    expect(dependents).toEqual([]);
  });

  it('finds a cycle when there is one, and prints it', () => {
    const cyclic = new Map([
      ['@packwise/preset', ['@packwise/budgets', '@packwise/core']],
      ['@packwise/budgets', ['@packwise/core', '@packwise/preset']],
      ['@packwise/core', []],
    ]);
    expect(findCycle(cyclic)).toBe('@packwise/preset -> @packwise/budgets -> @packwise/preset');
  });
});
