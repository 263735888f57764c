import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findConfigFile } from '@packwise/budgets';
import { findPage } from './pages';
import type { Page } from './pages';

/** What the preset reads from the project it builds; everything is looked up in `context` (webpack's). */
export interface Project {
  context: string;
  /** Names in package.json `dependencies`, `devDependencies` and `peerDependencies`. */
  dependencies: Set<string>;
  /** `tsconfig.json` exists: `.ts`/`.tsx` are compiled too. */
  typescript: boolean;
  /** `tsconfig.json` or `jsconfig.json` with `compilerOptions.paths` or `baseUrl`: given to `resolve.tsconfig`. */
  pathsConfig?: string;
  /** The project's own babel config (file name, or `package.json#babel`): babel-loader then uses it as it is. */
  babelConfig?: string;
  /** The project's PostCSS config (file name, or `package.json#postcss`): adds postcss-loader. */
  postcssConfig?: string;
  /** The page found in the project's layout (Vite root, create-react-app `public/`, `src/`). */
  page?: Page;
  /** @deprecated the page's template; use `page`. */
  htmlTemplate?: string;
  /** `src/index|main.{tsx,ts,jsx,js}`: the entry when neither the config nor the page names one. */
  defaultEntry?: string;
  /** `public/`: copied to the output in production builds (the page's own template excluded). */
  publicDir?: string;
  /** A budgets config (packwise.config.*, package.json "packwise", .size-limit.*) here or above. */
  budgetsConfig?: string;
  /** The Sass compiler the project has: `sass-embedded` preferred, else `sass` (absolute path). */
  sass?: string;
  /** `react-refresh` is installed: React Fast Refresh in development. */
  reactRefresh: boolean;
  /** The project's browserslist query (production section), the targets of swc; `undefined` without one. */
  browserslist?: string[];
  /** Config files whose change must invalidate webpack's filesystem cache. */
  configFiles: string[];
}

const BABEL_FILES = ['babel.config', '.babelrc'].flatMap((base) =>
  ['', '.json', '.js', '.cjs', '.mjs', '.cts', '.ts'].map((ext) => base + ext),
);
const POSTCSS_FILES = [
  ...['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts', '.json'].map((ext) => `postcss.config${ext}`),
  ...['', '.json', '.yaml', '.yml', '.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'].map(
    (ext) => `.postcssrc${ext}`,
  ),
];
const ENTRY_FILES = ['index', 'main'].flatMap((base) =>
  ['.tsx', '.ts', '.jsx', '.js'].map((ext) => path.join('src', base + ext)),
);
const OTHER_CONFIG_FILES = ['package.json', 'tsconfig.json', 'jsconfig.json', '.browserslistrc'];
type PackageJson = Record<string, unknown>;

function readJson(file: string): PackageJson | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
  } catch {
    return undefined; // tsconfig.json may have comments; webpack's resolver reads it properly
  }
}

const firstFile = (dir: string, names: string[]) => names.find((name) => existsSync(path.join(dir, name)));

function dependencyNames(pkg: PackageJson | undefined): Set<string> {
  const names = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    const deps = pkg?.[field];
    if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) names.add(name);
  }
  return names;
}

/** A package resolved from the project (then from the preset): its path, `undefined` when not installed. */
export function resolveFromProject(name: string, context: string): string | undefined {
  try {
    return require.resolve(name, { paths: [context, __dirname] });
  } catch {
    return undefined;
  }
}

/** tsconfig.json / jsconfig.json when it maps paths; a file that does not parse as JSON is given too. */
function pathsConfig(context: string): string | undefined {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const file = path.join(context, name);
    if (!existsSync(file)) continue;
    const json = readJson(file);
    const options = json?.compilerOptions as Record<string, unknown> | undefined;
    if (!json || options?.paths || options?.baseUrl || json.extends) return file;
  }
  return undefined;
}

function browserslistQuery(context: string): string[] | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, typed by hand
  const browserslist = require('browserslist') as {
    loadConfig(options: { path: string; env?: string }): string[] | undefined;
  };
  return browserslist.loadConfig({ path: context, env: 'production' });
}

/** Reads what the preset needs to know about the project in `context`. */
export function detectProject(context: string): Project {
  const pkg = readJson(path.join(context, 'package.json'));
  const page = findPage(context);
  const publicDir = path.join(context, 'public');
  const babelConfig = firstFile(context, BABEL_FILES);
  const postcssConfig = firstFile(context, POSTCSS_FILES);
  const defaultEntry = firstFile(context, ENTRY_FILES);
  return {
    context,
    dependencies: dependencyNames(pkg),
    typescript: existsSync(path.join(context, 'tsconfig.json')),
    pathsConfig: pathsConfig(context),
    babelConfig: babelConfig ?? (pkg?.babel ? 'package.json#babel' : undefined),
    postcssConfig: postcssConfig ?? (pkg?.postcss ? 'package.json#postcss' : undefined),
    page,
    htmlTemplate: page?.template,
    defaultEntry: defaultEntry && path.join(context, defaultEntry),
    publicDir: existsSync(publicDir) ? publicDir : undefined,
    budgetsConfig: findConfigFile(context),
    sass: resolveFromProject('sass-embedded', context) ?? resolveFromProject('sass', context),
    reactRefresh: resolveFromProject('react-refresh', context) !== undefined,
    browserslist: browserslistQuery(context),
    configFiles: [babelConfig, postcssConfig, ...OTHER_CONFIG_FILES]
      .filter((name): name is string => name !== undefined)
      .map((name) => path.join(context, name))
      .filter((file) => existsSync(file)),
  };
}
