import { mergeWithCustomize } from 'webpack-merge';
import type { Configuration } from 'webpack';
import { className } from './plugin-class';

/** The arrays of plugin instances where a user's instance replaces the preset's of the same class. */
const PLUGIN_ARRAYS = new Set(['plugins', 'optimization.minimizer']);

/**
 * `preset` with each instance whose class the user also has replaced, in place, by the user's (the last one
 * of that class), then the user's other instances.
 */
function replaceByClass(preset: unknown[], user: unknown[]): unknown[] {
  const presetClasses = new Set(preset.map(className));
  const replacements = new Map<string | undefined, unknown>();
  for (const plugin of user)
    if (presetClasses.has(className(plugin))) replacements.set(className(plugin), plugin);
  const kept = preset.map((plugin) =>
    replacements.has(className(plugin)) ? replacements.get(className(plugin)) : plugin,
  );
  return [...kept, ...user.filter((plugin) => !replacements.has(className(plugin)))];
}

/**
 * The user's config merged over the preset's with webpack-merge: user values win, arrays are concatenated
 * (user rules come after the preset's), and in `plugins` and `optimization.minimizer` a user instance of a
 * class the preset also adds takes the place of the preset's, so it never runs twice.
 */
export function mergeUserConfig(preset: Configuration, user: Configuration): Configuration {
  return mergeWithCustomize<Configuration>({
    customizeArray: (a: unknown[], b: unknown[], key: string) =>
      PLUGIN_ARRAYS.has(key) ? replaceByClass(a, b) : undefined,
  })(preset, user);
}
