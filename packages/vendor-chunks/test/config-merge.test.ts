import { compile, fixturePath } from '@packwise/test-utils';
import type { Configuration } from 'webpack';
import { chunkContents, layoutConfig } from './helpers';

const scoped = fixturePath('layouts', 'scoped');
const build = (optimization: Configuration['optimization'], options = {}) =>
  compile(layoutConfig('scoped', { minPackageSize: 0, ...options }, { optimization }));

describe("VendorChunksPlugin beside the user's own optimization settings", () => {
  it('sets a single runtime chunk, deterministic chunk ids and its own module ids when the user chose none', async () => {
    const result = await build(undefined);
    expect(result.warnings).toEqual([]);
    const chunks = chunkContents(result, scoped);
    expect(chunks.has('runtime')).toBe(true);
    expect(chunks.has('vendor.acme__core')).toBe(true);
    // Module ids are numbers from the plugin's own hash of package-relative names.
    const ids =
      result.stats.toJson({ all: false, modules: true, ids: true }).modules?.map((module) => module.id) ?? [];
    expect(ids.filter((id) => id !== null && id !== undefined).every((id) => typeof id === 'number')).toBe(
      true,
    );
  });

  it("keeps the user's runtimeChunk and moduleIds", async () => {
    const result = await build({ runtimeChunk: false, moduleIds: 'named' });
    const chunks = chunkContents(result, scoped);
    expect(chunks.has('runtime')).toBe(false);
    const ids =
      result.stats.toJson({ all: false, modules: true, ids: true }).modules?.map((module) => module.id) ?? [];
    expect(ids).toContain('./node_modules/@acme/core/index.js');
  });

  it("keeps the user's cache groups and warns, naming the packages, where they take vendor modules", async () => {
    const result = await build({
      splitChunks: {
        cacheGroups: {
          icons: {
            test: /[\\/]@acme[\\/]icons[\\/]/,
            name: 'my-icons',
            chunks: 'all',
            priority: 20,
            enforce: true,
          },
          styles: { test: /\.css$/, type: 'css/mini-extract', name: 'styles', chunks: 'all', priority: 5 },
        },
      },
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      'PackwiseVendorChunksPlugin: optimization.splitChunks.cacheGroups.icons also takes @acme/icons from ' +
        'node_modules: it wins (priority 20 >= 10), so those modules leave the vendor chunks',
      'PackwiseVendorChunksPlugin: optimization.splitChunks.cacheGroups.styles also takes @acme/core, @acme/icons ' +
        'from node_modules: the vendor chunks win (priority 10 > 5)',
    ]);
    const chunks = chunkContents(result, scoped);
    // The user's group wins where it matches, and packwise's groups take the rest.
    expect(
      chunks.get('my-icons')?.modules.every((module) => module.startsWith('node_modules/@acme/icons/')),
    ).toBe(true);
    expect(chunks.has('vendor.acme__icons')).toBe(false);
    expect(chunks.has('vendor.acme__core')).toBe(true);
  });

  it('says it has nothing to do when splitChunks is off', async () => {
    const result = await build({ splitChunks: false });
    expect(result.warnings).toEqual([
      expect.stringContaining('optimization.splitChunks is false, so no vendor chunks are made'),
    ]);
    expect([...chunkContents(result, scoped).keys()].some((name) => name.startsWith('vendor.'))).toBe(false);
  });

  it('moves the smallest standalone packages into buckets to stay within maxInitialRequests, and says why', async () => {
    const result = await compile(
      layoutConfig(
        'scoped',
        { minPackageSize: 0, buckets: 1, framework: false, maxInitialRequests: 5, report: true },
        {},
      ),
    );
    expect(result.warnings).toEqual([]);
    const report = JSON.parse(result.text('vendor-chunks.json')) as {
      initialRequests: number;
      chunks: { name: string; initial: boolean; packages: { name: string; reason: string }[] }[];
    };
    expect(report.initialRequests).toBeLessThanOrEqual(5);
    const reasons = report.chunks.flatMap((chunk) => chunk.packages.map((p) => p.reason));
    // scoped has four initial packages: each alone would be 3 + 4 = 7 requests.
    expect(reasons.filter((reason) => reason === 'request-limit').length).toBeGreaterThanOrEqual(2);
    const initialChunks = report.chunks.filter((chunk) => chunk.initial).map((chunk) => chunk.name);
    expect(initialChunks.length).toBeLessThanOrEqual(2);
  });

  it('keeps a framework package that only lazy routes use out of the first page load', async () => {
    // @acme/icons is imported only through import(): as "framework" it must still not load up front.
    const result = await compile(layoutConfig('scoped', { framework: ['@acme/core', '@acme/icons'] }));
    const chunks = chunkContents(result, scoped);
    expect(chunks.get('vendor.framework')?.modules).toEqual(
      expect.arrayContaining(['node_modules/@acme/core/index.js']),
    );
    for (const [name, chunk] of chunks) {
      const icons = chunk.modules.filter((module) => module.startsWith('node_modules/@acme/icons/'));
      if (icons.length > 0) expect({ name, initial: chunk.initial }).toEqual({ name, initial: false });
    }
  });
});
