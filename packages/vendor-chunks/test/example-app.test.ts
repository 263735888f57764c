import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Configuration } from 'webpack';
import { compile, fixturePath, makeTempDir, repoRoot } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { VendorChunksPlugin } from '@packwise/vendor-chunks';
import type { VendorChunksReport } from '@packwise/vendor-chunks';
import { chunkContents, withoutHashes, withoutUseDigest } from './helpers';
import { codeFiles, initialFiles, isCode, renamed } from './scenarios';

// Real production builds of fixtures/example-app (a React SPA) with the benchmark's vendor-chunks config:
// webpack.today.cjs without its pasted splitChunks snippet, plus `new VendorChunksPlugin({ report: true })`.
// Each build takes seconds, so there are five in all: the baseline (built once and shared), the date-fns
// upgrade, a copy of the app's src before and after an app-only edit, and a second clean baseline.

interface Env {
  srcDir?: string;
  upgrade?: boolean;
}

const appDir = fixturePath('example-app');
// In jest, the config's `require('@packwise/vendor-chunks')` maps to packages/vendor-chunks/src (checked below).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vendorChunksConfig = require(path.join(repoRoot, 'bench/configs/vendor-chunks.cjs')) as (
  env: Env,
) => Configuration;

/** The module the app-change scenario edits, and its text (bench/configs.mjs `appEdit`). */
const appEdit = { file: 'components/Header.jsx', text: 'Acme Dashboard' };

/** Paths of date-fns 3.6 (`date-fns`) and 4.1 (`date-fns-next`) modules. */
const DATE_FNS = /(^|\/)node_modules\/date-fns(-next)?\//;

const builds = new Map<string, BuildResult>();
const tempDirs: string[] = [];

/** One clean build (no cache) of the vendor-chunks config, remembered under `label`. */
async function build(label: string, env: Env = {}): Promise<BuildResult> {
  const result = await compile(vendorChunksConfig(env));
  builds.set(label, result);
  return result;
}

/** The named chunks holding a module whose path (relative to the app) matches `test`, and their JS/CSS. */
function chunksHolding(result: BuildResult, test: RegExp): { names: string[]; files: string[] } {
  const chunks = [...chunkContents(result, appDir)].filter(([, chunk]) =>
    chunk.modules.some((modulePath) => test.test(modulePath)),
  );
  return {
    names: chunks.map(([name]) => name).sort(),
    files: chunks.flatMap(([, chunk]) => chunk.files.filter(isCode)).sort(),
  };
}

/** The package of a path below node_modules, from its folder (`@scope/name` or `name`). */
function packageOfPath(modulePath: string): string | undefined {
  const marker = modulePath.lastIndexOf('node_modules/');
  if (marker < 0) return undefined;
  const [first = '', second = ''] = modulePath.slice(marker + 'node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

const readReport = (result: BuildResult) =>
  JSON.parse(result.text('vendor-chunks.json')) as VendorChunksReport;

describe('VendorChunksPlugin on fixtures/example-app (bench/configs/vendor-chunks.cjs)', () => {
  let baseline: BuildResult;
  let report: VendorChunksReport;

  beforeAll(async () => {
    baseline = await build('baseline');
    report = readReport(baseline);
  });

  afterAll(async () => {
    const outputs = [...builds.values()].map((result) => result.outputDir);
    await Promise.all([...tempDirs, ...outputs].map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('uses the plugin from source, in place of the pasted splitChunks snippet', () => {
    const config = vendorChunksConfig({});
    expect(config.plugins?.some((plugin) => plugin instanceof VendorChunksPlugin)).toBe(true);
    expect(config.optimization?.splitChunks).toBeUndefined();
  });

  describe('the baseline', () => {
    it('loads at most 25 JS and CSS files on the first page, all of them emitted', () => {
      const initial = initialFiles(baseline);
      expect(initial.length).toBeGreaterThanOrEqual(4); // runtime, framework, main JS and CSS at least
      expect(initial.length).toBeLessThanOrEqual(25);
      expect(initial.every(isCode)).toBe(true);
      for (const name of initial) expect(baseline.files.has(name)).toBe(true);
      // The plugin counts what the page really loads.
      expect(report.initialRequests).toBe(initial.length);
    });

    it('reports react, react-dom and scheduler in vendor.framework, and chart.js in a lazy chunk', () => {
      const framework = report.chunks.filter((chunk) => withoutUseDigest(chunk.name) === 'vendor.framework');
      expect(framework.map((chunk) => [chunk.reason, chunk.initial])).toEqual([['framework', true]]);
      expect(framework[0]?.packages.map(({ name }) => name)).toEqual(
        expect.arrayContaining(['react', 'react-dom', 'scheduler']),
      );
      const chart = report.chunks.filter((chunk) => chunk.packages.some((p) => p.name === 'chart.js'));
      expect(chart.length).toBeGreaterThan(0);
      for (const chunk of chart) {
        expect(chunk.initial).toBe(false);
        for (const file of chunk.files) expect(initialFiles(baseline)).not.toContain(file);
      }
    });

    it('puts every module in one JS chunk, and lists in each vendor chunk exactly the packages it holds', () => {
      const { chunks, chunkGraph } = baseline.stats.compilation;
      const inChunks = new Map<string, number>();
      for (const chunk of chunks) {
        for (const module of chunkGraph.getChunkModulesIterable(chunk)) {
          if (!module.getSourceTypes().has('javascript')) continue;
          inChunks.set(module.identifier(), (inChunks.get(module.identifier()) ?? 0) + 1);
        }
      }
      expect([...inChunks].filter(([, count]) => count > 1)).toEqual([]);

      const contents = chunkContents(baseline, appDir);
      for (const chunk of report.chunks.filter((c) => c.kind === 'vendor')) {
        const held = new Set(
          (contents.get(withoutUseDigest(chunk.name))?.modules ?? []).map(packageOfPath).filter(Boolean),
        );
        const listed = chunk.packages.map((p) => p.name);
        expect([chunk.name, [...held].sort()]).toEqual([chunk.name, [...new Set(listed)].sort()]);
      }
    });

    it('reports the real files, and puts no lazy-only module in a chunk the first page loads', () => {
      const initial = new Set(initialFiles(baseline));
      const chunks = chunkContents(baseline, appDir, { exactNames: true });
      for (const chunk of report.chunks) {
        expect({ [chunk.name]: chunk.files }).toEqual({ [chunk.name]: chunks.get(chunk.name)?.files });
        expect({ [chunk.name]: chunk.initial }).toEqual({
          [chunk.name]: chunk.files.some((file) => initial.has(file)),
        });
      }
      // The first page's route lists exactly what index.html loads.
      const first = report.routes.find((route) => route.entry);
      expect(first?.files).toEqual([...initial].sort());
      // No module of an initial chunk is in a lazy chunk's group only: nothing the first page loads waits for a route.
      const { chunkGraph } = baseline.stats.compilation;
      for (const chunk of baseline.stats.compilation.chunks) {
        if (!chunk.canBeInitial()) continue;
        for (const module of chunkGraph.getChunkModulesIterable(chunk)) {
          const holders = [...chunkGraph.getModuleChunksIterable(module)];
          expect(holders.every((holder) => holder.canBeInitial())).toBe(true);
        }
      }
    });
  });

  describe('upgrade scenario: date-fns 3.6 -> 4.1 (aliased to date-fns-next)', () => {
    let upgraded: BuildResult;
    beforeAll(async () => {
      upgraded = await build('upgrade', { upgrade: true });
    });

    it('builds against date-fns-next, into chunks still named vendor.date-fns', () => {
      const vendorNames = (result: BuildResult) =>
        chunksHolding(result, DATE_FNS).names.filter((name) => name.startsWith('vendor.'));
      expect(vendorNames(baseline)).toEqual(['vendor.date-fns']);
      expect(vendorNames(upgraded)).toEqual(['vendor.date-fns']);
      const modules = chunkContents(upgraded, appDir).get('vendor.date-fns')?.modules ?? [];
      expect(modules.length).toBeGreaterThan(0);
      expect(modules.filter((modulePath) => !modulePath.includes('node_modules/date-fns-next/'))).toEqual([]);
    });

    // The runtime maps lazy chunks to their file names, so a lazy date-fns chunk's new name renames it too.
    it('renames only files that hold date-fns, and the runtime: main keeps its name', () => {
      const before = chunksHolding(baseline, DATE_FNS);
      const after = chunksHolding(upgraded, DATE_FNS);
      // The scenario really changes code: the date-fns files get new names, and only they do.
      expect(withoutHashes(after.files.filter((file) => file.startsWith('vendor.')))).toEqual(
        expect.arrayContaining(['vendor.date-fns.js']),
      );
      const newNames = renamed(baseline, upgraded);
      expect(newNames.length).toBeGreaterThan(0);
      expect(newNames.filter((file) => !after.files.includes(file))).toEqual([
        expect.stringMatching(/^runtime\.[0-9a-f]+\.js$/),
      ]);
      expect(renamed(upgraded, baseline).filter((file) => !before.files.includes(file))).toEqual([
        expect.stringMatching(/^runtime\./),
      ]);
      expect(newNames.some((file) => /^main\./.test(file))).toBe(false);
    });

    it('reports date-fns 4.1 under its package.json name', () => {
      const packages = readReport(upgraded).chunks.flatMap((chunk) =>
        chunk.packages.map((p) => ({ chunk: chunk.name, name: p.name, versions: p.versions })),
      );
      const dateFns = packages.filter((p) => p.name.startsWith('date-fns'));
      expect(dateFns.length).toBeGreaterThan(0);
      for (const entry of dateFns) {
        expect(entry).toEqual({
          chunk: expect.stringMatching(/^vendor\.date-fns\.[0-9a-f]{8}$/),
          name: 'date-fns',
          versions: [expect.stringMatching(/^4\./)],
        });
      }
    });
  });

  describe('app-change scenario: an edit of components/Header.jsx in a copy of src', () => {
    let before: BuildResult;
    let after: BuildResult;
    const mainJs = (result: BuildResult) =>
      codeFiles(result).filter((name) => /^main\.[^/]+\.js$/.test(name));

    beforeAll(async () => {
      // Inside the fixture, so that its node_modules resolve; `.test-src-*` is not gitignored: afterAll removes
      // it. Module ids follow paths relative to the context, so the copy's own build is the baseline here.
      const srcDir = await makeTempDir('.test-src-', appDir);
      tempDirs.push(srcDir);
      await cp(path.join(appDir, 'src'), srcDir, { recursive: true });
      before = await build('app copy', { srcDir });

      const header = path.join(srcDir, appEdit.file);
      const source = await readFile(header, 'utf8');
      expect(source.split(appEdit.text)).toHaveLength(2);
      await writeFile(header, source.replace(appEdit.text, `${appEdit.text} (edited)`));
      after = await build('app copy, edited', { srcDir });
    }, 240_000);

    it('keeps the name of every file of every vendor chunk', () => {
      const vendorFiles = [...chunkContents(before, appDir)]
        .filter(([name]) => name.startsWith('vendor.'))
        .flatMap(([, chunk]) => chunk.files);
      expect(vendorFiles.length).toBeGreaterThan(5);
      expect(vendorFiles.filter((name) => !after.files.has(name))).toEqual([]);
    });

    it('changes main.*.js, and no other JS or CSS file', () => {
      expect(mainJs(before)).toHaveLength(1);
      expect(mainJs(after)).toHaveLength(1);
      expect(mainJs(after)).not.toEqual(mainJs(before));
      expect(renamed(before, after)).toEqual(mainJs(after));
    });
  });

  describe('determinism', () => {
    let again: BuildResult;
    beforeAll(async () => {
      again = await build('baseline, again');
    });

    it('gives the same JS and CSS file names and bytes in a second clean build', () => {
      expect(codeFiles(again)).toEqual(codeFiles(baseline));
      const differing = codeFiles(baseline).filter(
        (name) => !again.files.get(name)?.equals(baseline.read(name)),
      );
      expect(differing).toEqual([]);
      expect(again.text('vendor-chunks.json')).toBe(baseline.text('vendor-chunks.json'));
    });
  });

  describe('every build', () => {
    it('has no errors and no warnings', () => {
      expect([...builds.keys()]).toEqual([
        'baseline',
        'upgrade',
        'app copy',
        'app copy, edited',
        'baseline, again',
      ]);
      const problems = (result: BuildResult) => ({ errors: result.errors, warnings: result.warnings });
      expect(Object.fromEntries([...builds].map(([label, result]) => [label, problems(result)]))).toEqual(
        Object.fromEntries([...builds.keys()].map((label) => [label, { errors: [], warnings: [] }])),
      );
    });
  });
});
