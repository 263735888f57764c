import type { Configuration } from 'webpack';
import { compile, makeTempDir } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { PLUGIN_NAME } from '@packwise/vendor-chunks';
import { planInputsDigest } from '../src/plan-cache';
import type { Part, PlanSettings, Route } from '../src/plan';
import { copyOfSrc, exampleApp, presetConfig } from './scenarios';

// The plan goes through webpack's cache: a rebuild whose parts and routes are unchanged (an app edit) reuses
// it with the same chunks; any change to what the planner reads plans again.

const REUSED = 'the parts and routes are unchanged: reused the plan';

const reusedPlan = (build: BuildResult) => {
  const logging = build.stats.toJson({ all: false, logging: 'log' }).logging ?? {};
  return (logging[PLUGIN_NAME]?.entries ?? []).some((entry) => entry.message === REUSED);
};
const vendorChunks = (build: BuildResult) =>
  [...build.files.keys()].filter((name) => /^vendor\..*\.js$/.test(name)).sort();

describe('the chunk plan in the filesystem cache', () => {
  let src: Awaited<ReturnType<typeof copyOfSrc>>;
  let cacheDir: string;
  const build = () =>
    compile(
      presetConfig(exampleApp, { srcDir: src.srcDir, cacheDir } as Parameters<
        typeof presetConfig
      >[1]) as Configuration,
    );

  beforeAll(async () => {
    src = await copyOfSrc(exampleApp);
    cacheDir = await makeTempDir('packwise-plan-cache-');
  });
  afterAll(() => src.dispose());

  it('is reused after an app edit, with the same vendor chunks', async () => {
    const first = await build();
    expect(first.errors).toEqual([]);
    expect({ first: reusedPlan(first) }).toEqual({ first: false });

    await src.edit();
    const edited = await build();
    expect(edited.errors).toEqual([]);
    expect({ edited: reusedPlan(edited) }).toEqual({ edited: true });
    expect(vendorChunks(edited)).toEqual(vendorChunks(first));
  });
});

describe('planInputsDigest', () => {
  const part: Part = {
    kind: 'vendor',
    owner: 'date-fns',
    chunks: new Set(['a', 'b']),
    size: 1000,
    js: true,
    css: false,
    initial: false,
  };
  const route: Route = {
    key: 'a',
    entry: false,
    loads: new Set(['a']),
    preloaded: new Set(),
    ownRequests: 1,
  };
  const settings: PlanSettings = {
    strategy: 'granular',
    prefix: 'vendor',
    minPackageSize: 10_000,
    maxInitialRequests: 25,
    maxAsyncRequests: 25,
    smallRouteSize: 100_000,
  };
  const sizes = new Map([['a', 5000]]);
  const digest = planInputsDigest([part], [route], sizes, settings);

  it.each<[string, () => string]>([
    ['a part size', () => planInputsDigest([{ ...part, size: 1001 }], [route], sizes, settings)],
    [
      'the chunks of a part',
      () => planInputsDigest([{ ...part, chunks: new Set(['a']) }], [route], sizes, settings),
    ],
    [
      'what a route loads',
      () => planInputsDigest([part], [{ ...route, loads: new Set(['a', 'b']) }], sizes, settings),
    ],
    ['a chunk size', () => planInputsDigest([part], [route], new Map([['a', 5001]]), settings)],
    ['a setting', () => planInputsDigest([part], [route], sizes, { ...settings, maxAsyncRequests: 24 })],
  ])('changes with %s', (_label, changed) => {
    expect(changed()).not.toBe(digest);
  });

  it('is equal for equal inputs, and ignores options the planner does not read', () => {
    expect(planInputsDigest([{ ...part }], [{ ...route }], new Map(sizes), { ...settings })).toBe(digest);
    expect(planInputsDigest([part], [route], sizes, { ...settings, report: true } as PlanSettings)).toBe(
      digest,
    );
  });
});
