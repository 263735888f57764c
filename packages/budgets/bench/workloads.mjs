// The two synthetic dists, generated once and cached under bench/out/budgets/:
//   A/dist  2,000 JS/CSS files (~100 MB) each with the .gz (zlib level 9) and .br (brotli quality 11) siblings
//           a compression plugin leaves;
//   B/dist  the same files without siblings (hard links of A's originals).
// Each folder also holds the budgets of both contenders (rewritten on every run): .size-limit.json plus the
// package.json size-limit reads its plugins from, and packwise.config.json.
// manifest.json records every file's raw, gzip and brotli size (those of the siblings, read back from disk).
import { link, copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { repoRoot } from '../../../scripts/lib/app-build.mjs';
import { fileText, planDist } from './dist-content.mjs';

const require = createRequire(import.meta.url);
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export const outRoot = path.join(repoRoot, 'bench/out/budgets');
/** Bump when the generator or the plan changes: a cached dist of another version is regenerated. */
const VERSION = 1;
export const DIST = { count: 2000, totalBytes: 100e6 };
/** What compression-webpack-plugin writes in fixtures/example-app/webpack.today.cjs. */
export const GZIP_OPTIONS = { level: 9 };
export const BROTLI_OPTIONS = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } };

/** Per-file budgets for packwise (each file checked); the sums size-limit checks. Both pass on purpose. */
export const PACKWISE_CONFIG = {
  budgets: [
    { path: '**/*.js', limit: '10 MB' },
    { path: '**/*.css', limit: '10 MB' },
  ],
};
export const SIZE_LIMIT_CONFIG = [
  { name: 'js', path: 'dist/**/*.js', limit: '100 MB', brotli: true },
  { name: 'css', path: 'dist/**/*.css', limit: '100 MB', brotli: true },
];

const log = (message) => console.error(message);

async function filesUnder(dir) {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)));
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}

/** At most `concurrency` tasks in flight. */
function limiter(concurrency) {
  let active = 0;
  const waiting = [];
  return async (task) => {
    if (active >= concurrency) await new Promise((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

async function cachedManifest(file) {
  let manifest;
  try {
    manifest = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest.version !== VERSION || manifest.files?.length !== DIST.count) return undefined;
  const [a, b] = await Promise.all([
    filesUnder(path.join(outRoot, 'A/dist')),
    filesUnder(path.join(outRoot, 'B/dist')),
  ]);
  return a.length === 3 * DIST.count && b.length === DIST.count ? manifest : undefined;
}

async function generate() {
  const distA = path.join(outRoot, 'A/dist');
  const distB = path.join(outRoot, 'B/dist');
  await rm(path.join(outRoot, 'manifest.json'), { force: true });
  await rm(distA, { recursive: true, force: true });
  await rm(distB, { recursive: true, force: true });
  const plan = planDist(DIST);
  const started = performance.now();
  // Texts are made on the main thread, compressions run on libuv's pool: a few files in flight at a time.
  const limit = limiter(os.availableParallelism());
  let done = 0;
  const files = await Promise.all(
    plan.map((file) =>
      limit(async () => {
        const content = Buffer.from(fileText(file));
        const target = path.join(distA, file.name);
        await mkdir(path.dirname(target), { recursive: true });
        const [gz, br] = await Promise.all([gzip(content, GZIP_OPTIONS), brotli(content, BROTLI_OPTIONS)]);
        await Promise.all([
          writeFile(target, content),
          writeFile(`${target}.gz`, gz),
          writeFile(`${target}.br`, br),
        ]);
        done += 1;
        if (done % 200 === 0) log(`[dist] ${done}/${plan.length} files with siblings written`);
        return { name: file.name, kind: file.kind, raw: content.length, gzip: gz.length, brotli: br.length };
      }),
    ),
  );
  for (const file of files) {
    const target = path.join(distB, file.name);
    await mkdir(path.dirname(target), { recursive: true });
    await link(path.join(distA, file.name), target).catch((error) => {
      if (error.code !== 'EXDEV') throw error;
      return copyFile(path.join(distA, file.name), target);
    });
  }
  // The sizes of the siblings as they are on disk, which is what a reader of the dist sees.
  for (const file of files) {
    const base = path.join(distA, file.name);
    const [gz, br] = await Promise.all([stat(`${base}.gz`), stat(`${base}.br`)]);
    if (gz.size !== file.gzip || br.size !== file.brotli)
      throw new Error(`${file.name}: sibling sizes differ`);
  }
  const generateMs = performance.now() - started;
  return { version: VERSION, ...DIST, generateMs, files };
}

async function writeConfigs(dir) {
  const version = (pkg) => require(`${pkg}/package.json`).version;
  const pkg = {
    private: true,
    description: 'size-limit loads its plugins from the dependencies of the nearest package.json',
    devDependencies: { 'size-limit': version('size-limit'), '@size-limit/file': version('@size-limit/file') },
  };
  const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
  await Promise.all([
    writeFile(path.join(dir, 'package.json'), json(pkg)),
    writeFile(path.join(dir, '.size-limit.json'), json(SIZE_LIMIT_CONFIG)),
    writeFile(path.join(dir, 'packwise.config.json'), json(PACKWISE_CONFIG)),
  ]);
}

/**
 * Makes sure both dists exist (generating them when the cache is missing or stale) and returns
 * `{ manifest, generated, workloads: [{ id, dir, dist, siblings }] }`.
 */
export async function prepareWorkloads() {
  const manifestFile = path.join(outRoot, 'manifest.json');
  let manifest = await cachedManifest(manifestFile);
  const generated = !manifest;
  if (generated) {
    log(
      `[dist] generating ${DIST.count} files (~${DIST.totalBytes / 1e6} MB) with .gz/.br siblings under ${path.relative(repoRoot, outRoot)}`,
    );
    manifest = await generate();
    await writeFile(manifestFile, `${JSON.stringify(manifest)}\n`);
    log(`[dist] generated in ${(manifest.generateMs / 1000).toFixed(1)} s`);
  } else {
    log(`[dist] reusing the cached dists under ${path.relative(repoRoot, outRoot)}`);
  }
  const workloads = [
    { id: 'A', siblings: true, dir: path.join(outRoot, 'A') },
    { id: 'B', siblings: false, dir: path.join(outRoot, 'B') },
  ].map((w) => ({ ...w, dist: path.join(w.dir, 'dist') }));
  for (const workload of workloads) await writeConfigs(workload.dir);
  return { manifest, generated, workloads };
}

/** Reads every file of the dists once, so that every measured run starts with the same (warm) page cache. */
export async function warmPageCache(workloads) {
  for (const { dist } of workloads) {
    for (const name of await filesUnder(dist)) await readFile(path.join(dist, name));
  }
}

/** Totals of the manifest per kind (js, css): raw, gzip and brotli bytes and file counts. */
export function manifestTotals(manifest) {
  const totals = {};
  for (const file of manifest.files) {
    const t = (totals[file.kind] ??= { files: 0, raw: 0, gzip: 0, brotli: 0 });
    t.files += 1;
    t.raw += file.raw;
    t.gzip += file.gzip;
    t.brotli += file.brotli;
  }
  return totals;
}
