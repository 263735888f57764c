import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { digestOf } from '@packwise/core';
import type { Mode } from './mode';
import type { Project } from './project';
import type { CacheSettings } from './toolchain';

/** The preset's own code (src/ in tests, dist/ when installed): frames inside it are not the caller. */
const PRESET_CODE = __dirname;

/** The file that called `withPackwise` (the webpack config), from the call stack; `undefined` if unknown. */
export function callerFile(): string | undefined {
  const original = Error.prepareStackTrace;
  try {
    Error.prepareStackTrace = (_, stack) => stack;
    const stack = new Error().stack as unknown as NodeJS.CallSite[];
    for (const site of stack) {
      let file = site.getFileName();
      if (!file || file.startsWith('node:')) continue;
      if (file.startsWith('file:')) file = fileURLToPath(file);
      if (!path.isAbsolute(file) || file.startsWith(PRESET_CODE + path.sep)) continue;
      return file;
    }
    return undefined;
  } finally {
    Error.prepareStackTrace = original;
  }
}

/**
 * A digest of what `withPackwise` was called with. One config file can make differently configured builds
 * (options from env, several calls in one script): webpack only sees the file, so the digest is the cache
 * `version`, and a build never restores another configuration's modules. Functions count by their source,
 * plugin instances by class and fields.
 */
export const inputsDigest = (...inputs: unknown[]): string => digestOf(inputs).slice(0, 16);

/**
 * The persistent cache (webpack's filesystem cache, Rspack's persistent one), one per mode, invalidated when
 * the config file (and what it requires) or a project config file that changes the output (package.json,
 * tsconfig, babel, PostCSS, browserslist) changes.
 */
export function cacheSettings(
  project: Project,
  mode: Mode,
  configFile: string | undefined,
  version: string,
): CacheSettings {
  return {
    name: `packwise-${mode}`,
    version,
    buildDependencies: [...(configFile ? [configFile] : []), ...project.configFiles],
    context: project.context,
  };
}
