// Measures what a build emitted: per JS/CSS file its raw/gzip/brotli bytes, whether the HTML loads it
// initially, and which share of it comes from node_modules or from one named dependency.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'node-html-parser';

const require = createRequire(import.meta.url);
// Built by `npm run build`, which both npm scripts run first.
const { measureSizes } = require('@packwise/core');

const CODE_FILE = /\.(?:js|mjs|css)$/;
const PAGE_FILE = /\.html$/;

/** JS and CSS files the HTML page loads by itself (`<script src>`, `<link rel=stylesheet>`), in order. */
export function initialFilesOf(html, publicPath = '/') {
  const root = parse(html);
  const urls = [
    ...root.querySelectorAll('script[src]').map((el) => el.getAttribute('src')),
    ...root.querySelectorAll('link[rel=stylesheet][href]').map((el) => el.getAttribute('href')),
  ];
  return urls.map((url) => (url.startsWith(publicPath) ? url.slice(publicPath.length) : url).split('?')[0]);
}

function leafModules(modules = []) {
  return modules.flatMap((module) => (module.modules ? leafModules(module.modules) : [module]));
}

const modulePath = (module) => (module.nameForCondition ?? module.identifier ?? '').replace(/\\/g, '/');
export const isVendorModule = (module) => modulePath(module).includes('/node_modules/');
export const isPackageModule = (names) => (module) =>
  names.some((name) => modulePath(module).includes(`/node_modules/${name}/`));

/**
 * The bytes of each emitted file that come from modules matching each predicate, by the modules' share of
 * the chunk's source size of that file's type (JS or CSS). Minifiers shrink modules alike, so the share of
 * source bytes is a fair estimate of the share of emitted bytes.
 */
function moduleShares(statsJson, predicates) {
  const shares = new Map();
  for (const chunk of statsJson.chunks ?? []) {
    const modules = leafModules(chunk.modules);
    for (const file of chunk.files ?? []) {
      const type = file.endsWith('.css') ? 'css/mini-extract' : 'javascript';
      const sizeOf = (module) => module.sizes?.[type] ?? 0;
      const total = modules.reduce((sum, module) => sum + sizeOf(module), 0);
      const share = {};
      for (const [key, predicate] of Object.entries(predicates)) {
        const part = modules.filter(predicate).reduce((sum, module) => sum + sizeOf(module), 0);
        share[key] = total > 0 ? part / total : 0;
      }
      shares.set(file, share);
    }
  }
  return shares;
}

/**
 * Every JS/CSS file of a finished build with sizes, initial flag and module shares (`predicates` maps a
 * name to a module predicate; the share comes back under that name).
 */
export async function measureBuild({ stats, outputDir }, predicates = {}) {
  // `all: false` hides cached assets and folds concatenated modules into "dependent modules" groups;
  // ask for each of them so every file and every module is listed.
  const statsJson = stats.toJson({
    all: false,
    assets: true,
    cachedAssets: true,
    chunks: true,
    chunkModules: true,
    nestedModules: true,
    dependentModules: true,
    cachedModules: true,
    // Rspack lists the modules inside a concatenated module only with this (webpack ignores it here).
    orphanModules: true,
    publicPath: true,
  });
  const htmlAsset = statsJson.assets.find((asset) => asset.name.endsWith('.html'));
  // The page itself is part of the first load: with code inlined into it, its bytes are the code's bytes.
  const initial = new Set(
    htmlAsset
      ? [
          htmlAsset.name,
          ...initialFilesOf(
            await readFile(path.join(outputDir, htmlAsset.name), 'utf8'),
            statsJson.publicPath,
          ),
        ]
      : [],
  );
  const shares = moduleShares(statsJson, predicates);
  const files = statsJson.assets.filter((asset) => CODE_FILE.test(asset.name) || PAGE_FILE.test(asset.name));
  const measured = await Promise.all(
    files.map(async (asset) => ({
      name: asset.name,
      ...(await measureSizes(await readFile(path.join(outputDir, asset.name)))),
      initial: initial.has(asset.name),
      shares: shares.get(asset.name) ?? {},
    })),
  );
  return measured.sort((a, b) => b.raw - a.raw || a.name.localeCompare(b.name));
}

/** Emitted images and fonts: each one a request wherever it is used. */
export function assetFileCount({ stats }) {
  const assets = stats.toJson({ all: false, assets: true, cachedAssets: true }).assets ?? [];
  return assets.filter((asset) => /\.(png|jpe?g|gif|webp|avif|svg|woff2?|ttf|otf|eot)$/.test(asset.name))
    .length;
}

/** Sums raw/gzip/brotli over files. */
export function totals(files) {
  return files.reduce(
    (sum, file) => ({
      files: sum.files + 1,
      raw: sum.raw + file.raw,
      gzip: sum.gzip + file.gzip,
      brotli: sum.brotli + file.brotli,
    }),
    { files: 0, raw: 0, gzip: 0, brotli: 0 },
  );
}
