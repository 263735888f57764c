import { compile, fixturePath } from '@packwise/test-utils';
import type { Configuration } from 'webpack';
import type { VendorChunksReport } from '@packwise/vendor-chunks';
import { chunkContents, layoutConfig } from './helpers';

const scoped = fixturePath('layouts', 'scoped');
const build = (optimization: Configuration['optimization'], options = {}) =>
  compile(layoutConfig('scoped', { minPackageSize: 0, smallRouteSize: 0, ...options }, { optimization }));

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

  it('merges the smallest same-use chunks to stay within maxInitialRequests, and says why', async () => {
    const result = await compile(
      layoutConfig(
        'scoped',
        { minPackageSize: 0, smallRouteSize: 0, framework: false, maxInitialRequests: 5, report: true },
        {},
      ),
    );
    expect(result.warnings).toEqual([]);
    const report = JSON.parse(result.text('vendor-chunks.json')) as VendorChunksReport;
    // scoped has four initial packages (one with CSS): each alone would be runtime + main JS and CSS + 5 = 8.
    expect(report.initialRequests).toBeLessThanOrEqual(5);
    const main = report.routes.find((route) => route.entry);
    expect(main?.requests).toBe(report.initialRequests);
    const merged = report.chunks.filter((chunk) => chunk.reason === 'request-limit');
    expect(merged.length).toBeGreaterThanOrEqual(1);
    expect(merged.every((chunk) => chunk.initial && chunk.packages.length >= 2)).toBe(true);
    // The lazy-only @acme/icons never joins them.
    const icons = report.chunks.find((chunk) => chunk.packages.some((p) => p.name === '@acme/icons'));
    expect(icons).toMatchObject({ initial: false, packages: [{ name: '@acme/icons' }] });
  });

  it('warns when no merge can bring a route within its bound', async () => {
    // The lazy route that imports @acme/icons loads its JS and its CSS: no merge makes that one request.
    const result = await compile(layoutConfig('scoped', { smallRouteSize: 0, maxAsyncRequests: 1 }));
    expect(result.warnings).toEqual([
      'PackwiseVendorChunksPlugin: the route ./src/index.js import(@acme/icons) needs 2 JS/CSS requests, ' +
        'more than maxAsyncRequests (1)',
    ]);
  });

  it('says that options.buckets is ignored', async () => {
    const result = await build(undefined, { buckets: 4 });
    expect(result.warnings).toEqual([
      'PackwiseVendorChunksPlugin: options.buckets is deprecated and ignored: chunks follow the routes that use them; remove it',
    ]);
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
