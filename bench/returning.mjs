// Returning visitors (RFC 9842 dictionary deltas): for each fixture, version 1 is built with the preset and
// visited in Chromium (every route), then the same origin serves version 2 — an app change, or the dependency
// upgrade — built with version 1's output as `previous`, and the same browser visits again. Prints what the
// returning visitor downloaded for JS/CSS against the brotli bytes of the files that changed, the build time
// the deltas took and their bytes on disk. Usage: node bench/returning.mjs [--only example-app|admin-app]
// (run `npm run build` first; `npm run bench:app` does). Writes bench/out/returning.json.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp, repoRoot } from '../scripts/lib/app-build.mjs';
import { textTable } from '../scripts/lib/table.mjs';
import { fixtures } from './configs.mjs';

const require = createRequire(import.meta.url);
const { formatBytes } = require('@packwise/core');
const { createHandler } = require('@packwise/serve');
const { visitTwice } = require('@packwise/test-utils');

const { values: args } = parseArgs({ options: { only: { type: 'string' } } });
const chosen = fixtures.filter((fixture) => !args.only || fixture.name === args.only);
if (chosen.length === 0) throw new Error(`--only names no fixture: ${args.only}`);

/** The app's client-side routes, from its router (`path: 'reports'`), without parameters or the catch-all. */
async function routePaths(appDir) {
  const router = await readFile(path.join(appDir, 'src/router.jsx'), 'utf8');
  const paths = [...router.matchAll(/path:\s*'([^']*)'/g)].map((match) => match[1]);
  const plain = paths.filter((p) => p !== '/' && !p.includes(':') && !p.includes('*'));
  return ['/', ...new Set(plain.map((p) => `/${p.replace(/^\//, '')}`))];
}

/** Milliseconds the compress plugin spent on deltas (its `dictionaries` timer). */
function dictionaryMs(build) {
  const logging = build.stats.toJson({ all: false, logging: 'verbose' }).logging ?? {};
  const entry = (logging.PackwiseCompressPlugin?.entries ?? []).find((e) =>
    /^dictionaries: /.test(e.message),
  );
  return entry ? Number(/([\d.]+) ms/.exec(entry.message)?.[1] ?? 0) : 0;
}

const isScript = (url) => /\.(js|css)$/.test(new URL(url).pathname);
const nameOf = (url) => decodeURIComponent(new URL(url).pathname).replace(/^\//, '');

async function scenario(fixture, label, v1, v2, paths) {
  const manifest = JSON.parse(await readFile(path.join(v2.outDir, 'compress-manifest.json'), 'utf8'));
  const visit = await visitTwice({
    versions: [v1.outDir, v2.outDir],
    paths,
    serve: (root) => createHandler({ root }),
  });
  // What came over the network for JS/CSS: not from the cache, not a 304.
  const fetched = visit.returning.filter((r) => isScript(r.url) && !r.fromCache && r.status === 200);
  const brotliOf = (name) =>
    manifest.assets[name]?.encodings?.brotli?.size ?? manifest.assets[name]?.size ?? 0;
  const changedBrotli = fetched.reduce((sum, r) => sum + brotliOf(nameOf(r.url)), 0);
  const body = fetched.reduce((sum, r) => sum + (r.bodyBytes ?? 0), 0);
  const transferred = fetched.reduce((sum, r) => sum + r.encodedDataLength, 0);
  const deltas = Object.values(manifest.assets).flatMap((entry) => entry.deltas ?? []);
  return {
    fixture: fixture.name,
    scenario: label,
    fetched: fetched.map((r) => ({
      name: nameOf(r.url),
      encoding: r.contentEncoding ?? 'identity',
      bodyBytes: r.bodyBytes,
      transferred: r.encodedDataLength,
      brotli: brotliOf(nameOf(r.url)),
    })),
    dcz: fetched.filter((r) => r.contentEncoding === 'dcz').length,
    changedBrotliBytes: changedBrotli,
    bodyBytes: body,
    transferredBytes: transferred,
    ratio: changedBrotli === 0 ? 0 : body / changedBrotli,
    deltaFiles: deltas.length,
    deltaBytesOnDisk: deltas.reduce((sum, delta) => sum + delta.size, 0),
    deltaBuildMs: dictionaryMs(v2.build),
    buildMs: v2.build.wallMs,
    errors: visit.errors,
  };
}

async function benchFixture(fixture) {
  const appDir = path.join(repoRoot, fixture.appDir);
  const config = fixture.configs.find((c) => c.name === 'preset').file;
  const work = path.join(appDir, '.bench', 'returning');
  const srcDir = path.join(work, 'src');
  const outRoot = path.join(repoRoot, 'bench/out', fixture.name, 'returning');
  await rm(work, { recursive: true, force: true });
  await rm(outRoot, { recursive: true, force: true });
  await cp(path.join(appDir, 'src'), srcDir, { recursive: true });
  const build = async (step, env) => {
    console.error(`[returning ${fixture.name}] ${step} build`);
    const outDir = path.join(outRoot, step);
    const result = await buildApp(config, { outDir, srcDir, ...env });
    const { errors } = result.stats.toJson({ all: false, errors: true });
    if (errors.length) throw new Error(`${fixture.name} ${step}: ${errors[0].message}`);
    return { outDir, build: result };
  };
  const v1 = await build('v1', { previous: '' });
  const edited = path.join(srcDir, fixture.appEdit.file);
  const original = await readFile(edited, 'utf8');
  await writeFile(edited, original.replace(fixture.appEdit.text, `${fixture.appEdit.text} (next)`));
  const appChange = await build('app-change', { previous: v1.outDir });
  await writeFile(edited, original);
  const upgrade = await build('upgrade', { previous: v1.outDir, upgrade: true });
  await rm(work, { recursive: true, force: true });

  const paths = await routePaths(appDir);
  console.error(`[returning ${fixture.name}] Chromium: ${paths.length} routes, twice per scenario`);
  return [
    await scenario(fixture, 'app change', v1, appChange, paths),
    await scenario(fixture, fixture.upgradeLabel, v1, upgrade, paths),
  ];
}

const results = [];
for (const fixture of chosen) results.push(...(await benchFixture(fixture)));
await mkdir(path.join(repoRoot, 'bench/out'), { recursive: true });
await writeFile(path.join(repoRoot, 'bench/out/returning.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log('## Returning visitors: JS/CSS downloaded after a deploy (Chromium, RFC 9842 dcz deltas)\n');
console.log(
  textTable(
    [
      'fixture',
      'scenario',
      '>files fetched',
      '>as dcz',
      '>their brotli',
      '>downloaded',
      '>÷ brotli',
      '>with headers',
      '>delta build time',
      '>deltas on disk',
    ],
    results.map((r) => [
      r.fixture,
      r.scenario,
      String(r.fetched.length),
      String(r.dcz),
      formatBytes(r.changedBrotliBytes),
      formatBytes(r.bodyBytes),
      `${r.ratio.toFixed(3)}×`,
      formatBytes(r.transferredBytes),
      `${(r.deltaBuildMs / 1000).toFixed(2)} s`,
      `${formatBytes(r.deltaBytesOnDisk)} (${r.deltaFiles})`,
    ]),
  ),
);
console.log(
  '\n"downloaded" is the response bodies (Content-Length) of the JS/CSS the returning visit fetched (not cached,' +
    ' not 304); "with headers" is CDP\'s encodedDataLength of the same responses; "their brotli" is what those' +
    ' files weigh as brotli 11. Targets: app change ≤ 0.05×, upgrade ≤ 0.5×.',
);
const broken = results.filter((r) => r.errors.length);
for (const r of broken) console.error(`[returning ${r.fixture}] ${r.scenario}: ${r.errors.join('; ')}`);
if (broken.length) process.exitCode = 1;
