import { bundler, closeCompiler, createCompiler } from '@packwise/test-utils';
import type { VendorChunksOptions } from '@packwise/vendor-chunks';
import { layoutConfig } from '../helpers';

// What SplitChunksPlugin is given: on Rspack a JavaScript `test` is a call from Rust for every module, so the
// plugin gives RegExps wherever the options make them exact; webpack keeps its functions.

type Group = { test?: unknown; name?: unknown; minChunks?: number };

async function cacheGroupsOf(options: VendorChunksOptions): Promise<Record<string, Group>> {
  const { compiler } = await createCompiler(layoutConfig('scoped', options));
  try {
    const { splitChunks } = compiler.options.optimization;
    return ((splitChunks || {}) as { cacheGroups?: Record<string, Group> }).cacheGroups ?? {};
  } finally {
    await closeCompiler(compiler);
  }
}

const kinds = (groups: Record<string, Group>) =>
  Object.fromEntries(
    ['packwiseVendors', 'packwiseShared']
      .filter((key) => groups[key])
      .map((key) => {
        const { test, name, minChunks } = groups[key] as Group;
        const kind = (value: unknown) => (value instanceof RegExp ? 'RegExp' : typeof value);
        return [key, { test: kind(test), name: kind(name), minChunks }];
      }),
  );

const rspack = bundler().rspack;

it.each<[string, VendorChunksOptions, object]>([
  [
    'granular, smallRouteSize 0',
    { smallRouteSize: 0 },
    rspack
      ? {
          packwiseVendors: { test: 'RegExp', name: 'function', minChunks: undefined },
          packwiseShared: { test: 'RegExp', name: 'function', minChunks: 2 },
        }
      : { packwiseVendors: { test: 'function', name: 'function', minChunks: undefined } },
  ],
  [
    'single, no shared app modules',
    { strategy: 'single', sharedAppModules: false },
    {
      packwiseVendors: {
        test: rspack ? 'RegExp' : 'function',
        name: rspack ? 'string' : 'function',
        minChunks: undefined,
      },
    },
  ],
  [
    'granular defaults (a small route keeps its own vendor code: only a function is exact)',
    {},
    { packwiseVendors: { test: 'function', name: 'function', minChunks: undefined } },
  ],
])(`${bundler().name}: %s`, async (_, options, expected) => {
  expect(kinds(await cacheGroupsOf(options))).toEqual(expected);
});

it(`${bundler().name}: the RegExp tests split node_modules from the rest as the plan does`, async () => {
  const { packwiseVendors, packwiseShared } = await cacheGroupsOf({ smallRouteSize: 0 });
  const tests = [packwiseVendors?.test, packwiseShared?.test].filter((t): t is RegExp => t instanceof RegExp);
  expect(tests).toHaveLength(rspack ? 2 : 0);
  const paths = ['/app/node_modules/a/index.js', 'C:\\app\\node_modules\\a\\b.js', '/app/src/index.js'];
  for (const [index, test] of tests.entries())
    expect(paths.map((p) => test.test(p))).toEqual(index === 0 ? [true, true, false] : [false, false, true]);
});
