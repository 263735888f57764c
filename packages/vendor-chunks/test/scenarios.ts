import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import type { Configuration, Module } from 'webpack';
import { compressedSize } from '@packwise/core';
import { compile, fixturePath, makeTempDir, repoRoot } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { routeLoads } from '@packwise/vendor-chunks';

// The scenarios as real builds of a fixture's preset config (its webpack.config.cjs), side by side with
// the same preset on webpack's default split (bench/configs/default-split.cjs): per-route bytes and requests,
// lazy-only code in the first load, duplicated modules, an upgrade, an app-only edit, determinism.

export interface Fixture {
  name: string;
  /** Packages (folder names below node_modules) the upgrade scenario swaps. */
  upgradedPackages: string[];
  /** The app module (in src/) the app-change scenario edits, and the text it changes. */
  appEdit: { file: string; text: string };
}

/** fixtures/example-app: a React SPA with three lazy routes; the upgrade is date-fns 3.6 -> 4.1. */
export const exampleApp: Fixture = {
  name: 'example-app',
  upgradedPackages: ['date-fns', 'date-fns-next'],
  appEdit: { file: 'components/Header.jsx', text: 'Acme Dashboard' },
};

/** fixtures/admin-app: 44 lazy routes (the landing one too), MUI and its icons, chart.js 4.5.1 -> 4.6.1, recharts. */
export const adminApp: Fixture = {
  name: 'admin-app',
  upgradedPackages: ['chart.js', 'chart.js-next'],
  appEdit: { file: 'components/Header.jsx', text: 'Admin Console' },
};

export interface Env {
  srcDir?: string;
  upgrade?: boolean;
}

export const appDirOf = (fixture: Fixture) => fixturePath(fixture.name);

/** The fixture's preset config; in jest its `require('@packwise/preset')` maps to packages/preset/src. */
export function presetConfig(fixture: Fixture, env: Env = {}): Configuration {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(appDirOf(fixture), 'webpack.config.cjs')) as (env: Env) => Configuration;
  return config(env);
}

/** The same config with webpack's default split in place of packwise's. */
export function defaultSplitConfig(fixture: Fixture, env: Env = {}): Configuration {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const defaultSplit = require(path.join(repoRoot, 'bench/configs/default-split.cjs')) as (
    config: Configuration,
  ) => Configuration;
  return defaultSplit(presetConfig(fixture, env));
}

export const buildPreset = (fixture: Fixture, env?: Env) => compile(presetConfig(fixture, env));
export const buildDefaultSplit = (fixture: Fixture, env?: Env) => compile(defaultSplitConfig(fixture, env));

/** How a suite builds a fixture: with packwise (`ours`) and with the default split to compare against. */
export interface Builds {
  /** Says which builds these are, in the suites' titles. */
  label: string;
  ours(fixture: Fixture, env?: Env): Promise<BuildResult>;
  fallback(fixture: Fixture, env?: Env): Promise<BuildResult>;
  /**
   * Emitted JS a page would hold inline: the runtime chunk, which the preset inlines into index.html (so a
   * returning visitor gets it with the page) and which changes with every chunk hash. Not counted as a file
   * downloaded again after an upgrade, as with the preset.
   */
  inlined?: RegExp;
}

/** The fixture's preset config (webpack.config.cjs) against the same preset on webpack's default split. */
export const presetBuilds: Builds = { label: 'the preset', ours: buildPreset, fallback: buildDefaultSplit };

export const isCode = (name: string) => /\.(m?js|css)$/.test(name);
export const codeFiles = (build: BuildResult) => [...build.files.keys()].filter(isCode).sort();

/** The JS and CSS files index.html loads by itself. */
export function initialFiles(build: BuildResult): string[] {
  const html = parse(build.text('index.html'));
  return [
    ...html.querySelectorAll('script[src]').map((el) => el.getAttribute('src') ?? ''),
    ...html.querySelectorAll('link[rel=stylesheet]').map((el) => el.getAttribute('href') ?? ''),
  ]
    .map((url) => url.replace(/^\//, ''))
    .sort();
}

export interface RouteFigures {
  /** Brotli bytes of what the route fetches (the first page: the HTML and what it loads). */
  bytes: number;
  /** JS+CSS requests. */
  requests: number;
  files: string[];
}

/**
 * Per route, what a browser fetches: for the first page (`main`) the HTML and the files it loads; for each lazy
 * route the emitted JS/CSS files of its chunk group and lazy parents, less what the first page loaded.
 */
export async function routeFigures(build: BuildResult): Promise<Map<string, RouteFigures>> {
  const brotli = async (files: string[]) =>
    (await Promise.all(files.map((file) => compressedSize(build.read(file), 'brotli')))).reduce(
      (a, b) => a + b,
      0,
    );
  const figures = new Map<string, RouteFigures>();
  const first = initialFiles(build);
  figures.set('main', {
    bytes: await brotli(['index.html', ...first]),
    requests: first.length,
    files: first,
  });
  for (const route of routeLoads(build.stats.compilation)) {
    if (route.entry) continue;
    const files = route.files.filter((file) => build.files.has(file));
    figures.set(route.name, { bytes: await brotli(files), requests: files.length, files });
  }
  return figures;
}

const leaves = (module: Module): Module[] => {
  const inner = (module as Module & { modules?: Module[] }).modules;
  return inner ? inner.flatMap(leaves) : [module];
};
const resourceOf = (module: Module) => (module.nameForCondition() ?? module.identifier()).replace(/\\/g, '/');

/** webpack's `getSourceTypes()`; Rspack's modules have none, their type says whether they are CSS. */
const isJsModule = (module: Module) =>
  typeof module.getSourceTypes === 'function'
    ? module.getSourceTypes().has('javascript')
    : !module.type.startsWith('css');

/**
 * A module's source bytes of one type. Rspack's `size(type)` ignores the type (and panics on some types after
 * the build): there a JS module counts fully for `javascript`, a CSS module for CSS.
 */
const sizeIn = (module: Module, type: string) =>
  typeof module.getSourceTypes === 'function'
    ? module.size(type)
    : isJsModule(module) === (type === 'javascript')
      ? module.size()
      : 0;

/** Every JS module (concatenated ones by their parts) and how many chunks hold it. */
export function jsModuleCopies(build: BuildResult): Map<string, number> {
  const { chunks, chunkGraph } = build.stats.compilation;
  const holders = new Map<string, Set<unknown>>();
  for (const chunk of chunks) {
    for (const module of chunkGraph.getChunkModulesIterable(chunk)) {
      if (!isJsModule(module)) continue;
      // An asset module can sit in a chunk both alone (its file) and inside a concatenation: one chunk.
      for (const leaf of leaves(module))
        holders.set(leaf.identifier(), new Set([...(holders.get(leaf.identifier()) ?? []), chunk]));
    }
  }
  return new Map([...holders].map(([module, chunkSet]) => [module, chunkSet.size]));
}

/** Resources (and types) of every module in a chunk the first page loads. */
export function initialModules(build: BuildResult): Set<string> {
  const { chunks, chunkGraph } = build.stats.compilation;
  const found = new Set<string>();
  for (const chunk of chunks) {
    if (!chunk.canBeInitial()) continue;
    for (const module of chunkGraph.getChunkModulesIterable(chunk))
      for (const leaf of leaves(module)) found.add(`${leaf.type} ${resourceOf(leaf)}`);
  }
  return found;
}

/**
 * Bytes of emitted JS/CSS files that come from modules matching `test`, by the modules' share of their chunk's
 * source bytes of that file's type (as the benchmark measures them). `only` limits it to some files.
 */
export function sharedBytes(
  build: BuildResult,
  test: (resource: string) => boolean,
  only?: Set<string>,
): number {
  const { chunks, chunkGraph } = build.stats.compilation;
  let total = 0;
  for (const chunk of chunks) {
    const modules = [...chunkGraph.getChunkModulesIterable(chunk)].flatMap(leaves);
    for (const file of chunk.files) {
      if (!isCode(file) || !build.files.has(file) || (only && !only.has(file))) continue;
      const type = file.endsWith('.css') ? 'css/mini-extract' : 'javascript';
      const all = modules.reduce((sum, module) => sum + sizeIn(module, type), 0);
      const part = modules
        .filter((m) => test(resourceOf(m)))
        .reduce((sum, module) => sum + sizeIn(module, type), 0);
      if (all > 0) total += (build.read(file).length * part) / all;
    }
  }
  return Math.round(total);
}

export const inNodeModules = (resource: string) => resource.includes('/node_modules/');
export const inPackages = (names: string[]) => (resource: string) =>
  names.some((name) => resource.includes(`/node_modules/${name}/`));

/** Names in `after` that `before` did not have: what a returning visitor downloads again. */
export function renamed(before: BuildResult, after: BuildResult): string[] {
  const known = new Set(codeFiles(before));
  return codeFiles(after).filter((name) => !known.has(name));
}

/** A copy of the fixture's src inside the fixture (so node_modules resolve), removed by `dispose`. */
export async function copyOfSrc(
  fixture: Fixture,
): Promise<{ srcDir: string; edit(): Promise<void>; dispose(): Promise<void> }> {
  const appDir = appDirOf(fixture);
  const srcDir = await makeTempDir('.test-src-', appDir);
  await cp(path.join(appDir, 'src'), srcDir, { recursive: true });
  return {
    srcDir,
    async edit() {
      const file = path.join(srcDir, fixture.appEdit.file);
      const source = await readFile(file, 'utf8');
      if (source.split(fixture.appEdit.text).length !== 2)
        throw new Error(`${fixture.appEdit.file} must contain "${fixture.appEdit.text}" exactly once`);
      await writeFile(file, source.replace(fixture.appEdit.text, `${fixture.appEdit.text} (edited)`));
    },
    dispose: () => rm(srcDir, { recursive: true, force: true }),
  };
}
