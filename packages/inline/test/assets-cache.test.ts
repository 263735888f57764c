import { createHash } from 'node:crypto';
import { appendFile, cp } from 'node:fs/promises';
import path from 'node:path';
import type { Configuration, StatsCompilation } from 'webpack';
import { compile, fixturePath, makeTempDir } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { InlineAssetsPlugin } from '@packwise/inline';
import type { InlineAssetsPluginOptions } from '@packwise/inline';
import { emittedCopies, inlineAssetsConfig, readReport } from './assets-helpers';

const REPORT = 'inline-report.json';

function config(overrides: Configuration = {}, options: InlineAssetsPluginOptions = {}): Configuration {
  return inlineAssetsConfig(new InlineAssetsPlugin({ report: REPORT, ...options }), overrides);
}

/** Every emitted file's SHA-256, keyed by name, to compare whole builds. */
function snapshot(result: BuildResult): Record<string, string> {
  return Object.fromEntries(
    [...result.files].map(([name, content]) => [name, createHash('sha256').update(content).digest('hex')]),
  );
}

type StatsModule = NonNullable<StatsCompilation['modules']>[number];

/** Asset modules webpack built (rather than restored from its cache) in this build, concatenated ones too. */
function builtAssetModules(result: BuildResult): string[] {
  const flatten = (modules: StatsModule[] = []): StatsModule[] =>
    modules.flatMap((module) => [module, ...flatten(module.modules)]);
  const json = result.stats.toJson({ all: false, modules: true, nestedModules: true, orphanModules: true });
  const names = flatten(json.modules)
    .filter((module) => module.built && /\.(png|svg|woff2)$/.test(module.name ?? ''))
    .map((module) => module.name ?? '');
  return [...new Set(names)].sort();
}

/** An editable copy of the fixture whose builds share a filesystem cache in the same temp dir. */
async function cachedProject(options: InlineAssetsPluginOptions = {}) {
  const root = await makeTempDir('packwise-inline-assets-');
  const context = path.join(root, 'project');
  await cp(fixturePath('inline-assets', 'src'), path.join(context, 'src'), { recursive: true });
  // A fixed name and version and no build dependencies, so every new compiler reads the same cache.
  const cache: Configuration['cache'] = {
    type: 'filesystem',
    cacheDirectory: path.join(root, 'cache'),
    buildDependencies: {},
    name: 'inline-assets-cache-test',
    version: '1',
  };
  return { context, cached: (): Configuration => config({ context, cache }, options) };
}

describe('InlineAssetsPlugin decisions', () => {
  it('are the same in two builds', async () => {
    const first = await compile(config());
    const second = await compile(config());
    expect(first.errors).toEqual([]);
    expect(snapshot(second)).toEqual(snapshot(first));
  });

  it('are the same after a restart with the filesystem cache, and after CSS is rebuilt around cached assets', async () => {
    const { context, cached } = await cachedProject();

    const cold = await compile(cached());
    expect(cold.errors).toEqual([]);
    expect(builtAssetModules(cold)).toHaveLength(16);

    // A new compiler, as a second `webpack` process: every asset module comes from the cache, with the
    // buildInfo.dataUrl the first build's budget left on it; the decisions are made again from the records.
    const warm = await compile(cached());
    expect(builtAssetModules(warm)).toEqual([]);
    expect(snapshot(warm)).toEqual(snapshot(cold));

    // gallery.css rebuilt: css-loader runs its url() imports again against the cached tile-10 module.
    await appendFile(path.join(context, 'src', 'gallery.css'), '\n.gallery-2 {\n  color: red;\n}\n');
    const edited = await compile(cached());
    expect(edited.errors).toEqual([]);
    expect(builtAssetModules(edited)).toEqual([]);
    expect(readReport(edited)).toEqual(readReport(cold));
    const [tile10] = emittedCopies(edited, 'tile-10.png');
    expect(emittedCopies(edited, 'tile-10.png')).toHaveLength(1);
    expect(edited.text('gallery.css')).toContain(`url(${tile10})`);
    expect(edited.text('gallery.css')).toContain('.gallery-2');
    expect(edited.text('gallery.css')).not.toContain('data:');
  });

  it('emit an asset only CSS references after a restart, when the CSS and the asset come from the cache', async () => {
    // With 2000 bytes per chunk the font (only styles.css uses it) is refused and emitted from the main chunk.
    const { cached } = await cachedProject({ maxInlinedBytesPerChunk: 2000 });
    const cold = await compile(cached());
    expect(emittedCopies(cold, 'font.woff2')).toHaveLength(1);
    const warm = await compile(cached());
    expect(builtAssetModules(warm)).toEqual([]);
    expect(snapshot(warm)).toEqual(snapshot(cold));
  });
});
