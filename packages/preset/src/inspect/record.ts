import type { Configuration } from 'webpack';
import type { PackwiseOptions } from '../options';
import type { Project } from '../project';
import type { UserFacts } from '../with-packwise';

/** What `withPackwise` was called with, kept so that `inspect` can tell which layer set each value. */
export interface Composition {
  userConfig: Configuration;
  options: PackwiseOptions;
  project: Project;
  facts?: UserFacts;
}

// A global registry, so that a config made by another copy of the preset (the project's own install) is
// found too. Weak: a config nobody inspects is collected as usual.
const KEY = Symbol.for('@packwise/preset.compositions');
const registry = (): WeakMap<object, Composition> => {
  const store = globalThis as unknown as Record<symbol, WeakMap<object, Composition> | undefined>;
  return (store[KEY] ??= new WeakMap());
};

/** Called by `withPackwise` with the config it returns and its inputs. */
export function recordComposition(config: Configuration, composition: Composition): void {
  registry().set(config, composition);
}

/** The inputs `withPackwise` made `config` from; `undefined` for a config it did not return. */
export function findComposition(config: Configuration): Composition | undefined {
  return registry().get(config);
}
