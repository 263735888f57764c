import type { Compiler } from 'webpack';
import type { PackageIdentifier, ReadPackageJson } from './package-identity';

/**
 * The package roots of the framework packages as this build resolves them (react, react-dom, …) and of
 * everything they depend on (scheduler), found with webpack's own resolver — so aliases, yarn PnP, pnpm,
 * exports maps and `resolve.symlinks` give exactly the copies the build uses. Names that do not resolve are
 * left out.
 */
export async function resolveFrameworkRoots(
  compiler: Compiler,
  names: readonly string[],
  identify: PackageIdentifier,
  readPackageJson: ReadPackageJson,
): Promise<Set<string>> {
  const resolver = compiler.resolverFactory.get('normal', { dependencyType: 'esm' });
  const resolve = (context: string, request: string) =>
    new Promise<string | undefined>((done) =>
      resolver.resolve({}, context, request, {}, (error, result) =>
        done(error || !result ? undefined : result),
      ),
    );
  const roots = new Set<string>();
  const queue = names.map((name) => ({ name, from: compiler.context }));
  for (let next = queue.shift(); next; next = queue.shift()) {
    const file = await resolve(next.from, next.name);
    const identity = file ? identify(file) : undefined;
    if (!identity || roots.has(identity.root)) continue;
    roots.add(identity.root);
    const json = readPackageJson(`${identity.root}/package.json`) as
      { dependencies?: Record<string, string> } | undefined;
    for (const dependency of Object.keys(json?.dependencies ?? {}))
      queue.push({ name: dependency, from: identity.root });
  }
  return roots;
}
