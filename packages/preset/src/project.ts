import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findConfigFile } from '@packwise/budgets';

/** What the preset reads from the project it builds; everything is looked up in `context` (webpack's). */
export interface Project {
  context: string;
  /** Names in package.json `dependencies`, `devDependencies` and `peerDependencies`. */
  dependencies: Set<string>;
  /** `tsconfig.json` exists: `.ts`/`.tsx` go through babel with `@babel/preset-typescript`. */
  typescript: boolean;
  /** The project's own babel config (file name, or `package.json#babel`): babel-loader then uses it as it is. */
  babelConfig?: string;
  /** The project's PostCSS config (file name, or `package.json#postcss`): adds postcss-loader. */
  postcssConfig?: string;
  /** `src/index.html`, when it exists: html-webpack-plugin's template. */
  htmlTemplate?: string;
  /** A budgets config (packwise.config.*, package.json "packwise", .size-limit.*) here or above. */
  budgetsConfig?: string;
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
type PackageJson = Record<string, unknown>;

function readPackageJson(dir: string): PackageJson | undefined {
  const file = path.join(dir, 'package.json');
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
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

/** Reads what the preset needs to know about the project in `context`. */
export function detectProject(context: string): Project {
  const pkg = readPackageJson(context);
  const html = path.join(context, 'src', 'index.html');
  return {
    context,
    dependencies: dependencyNames(pkg),
    typescript: existsSync(path.join(context, 'tsconfig.json')),
    babelConfig: firstFile(context, BABEL_FILES) ?? (pkg?.babel ? 'package.json#babel' : undefined),
    postcssConfig: firstFile(context, POSTCSS_FILES) ?? (pkg?.postcss ? 'package.json#postcss' : undefined),
    htmlTemplate: existsSync(html) ? html : undefined,
    budgetsConfig: findConfigFile(context),
  };
}
