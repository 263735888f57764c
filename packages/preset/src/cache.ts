import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'webpack';
import type { Mode } from './mode';
import type { Project } from './project';

const PRESET_DIR = path.resolve(__dirname, '..');

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
      if (!path.isAbsolute(file) || file.startsWith(PRESET_DIR + path.sep)) continue;
      return file;
    }
    return undefined;
  } finally {
    Error.prepareStackTrace = original;
  }
}

/**
 * webpack's filesystem cache, one per mode, invalidated when the config file (and what it requires) or a
 * project config file that changes the output (package.json, tsconfig, babel, PostCSS, browserslist) changes.
 */
export function filesystemCache(
  project: Project,
  mode: Mode,
  configFile: string | undefined,
): Configuration['cache'] {
  return {
    type: 'filesystem',
    name: `packwise-${mode}`,
    buildDependencies: { config: [...(configFile ? [configFile] : []), ...project.configFiles] },
  };
}
