import { VendorChunksPlugin } from '@packwise/vendor-chunks';
import type { VendorChunksOptions } from '@packwise/vendor-chunks';

const create = (options: unknown) => () => new VendorChunksPlugin(options as VendorChunksOptions);

describe('VendorChunksPlugin options', () => {
  it.each<[string, unknown]>([
    ['no options', undefined],
    ['each strategy', { strategy: 'per-package' }],
    ['single', { strategy: 'single' }],
    ['minPackageSize in bytes', { minPackageSize: 50000 }],
    ['minPackageSize with a unit', { minPackageSize: '50 KiB' }],
    ['buckets (deprecated, ignored)', { buckets: 8 }],
    ['maxAsyncRequests', { maxAsyncRequests: 10 }],
    ['smallRouteSize 0', { smallRouteSize: 0 }],
    ['smallRouteSize with a unit', { smallRouteSize: '40 kB' }],
    ['sharedAppModules off', { sharedAppModules: false }],
    ['maxInitialRequests', { maxInitialRequests: 12 }],
    ['no request bound', { maxInitialRequests: Number.POSITIVE_INFINITY }],
    ['a framework list', { framework: ['preact'] }],
    ['no framework', { framework: false }],
    ['a prefix', { prefix: 'lib-' }],
    ['stableModuleIds off', { stableModuleIds: false }],
    ['report on', { report: true }],
    ['a report name', { report: 'reports/vendors.json' }],
    ['few requests when nothing forces more', { strategy: 'per-package', maxInitialRequests: 2 }],
  ])('accepts %s', (_label, options) => {
    expect(create(options)).not.toThrow();
  });

  it.each<[string, unknown, string | RegExp]>([
    ['an unknown option', { chunks: 'all' }, "options has an unknown property 'chunks'"],
    ['an unknown strategy', { strategy: 'vendor' }, 'options.strategy should be one of these'],
    ['a negative minPackageSize', { minPackageSize: -1 }, 'options.minPackageSize'],
    ['minPackageSize in parsecs', { minPackageSize: '12 parsecs' }, 'options.minPackageSize'],
    ['no bucket', { buckets: 0 }, 'options.buckets should be >= 1'],
    ['fractional buckets', { buckets: 2.5 }, 'options.buckets should be an integer'],
    ['maxInitialRequests 0', { maxInitialRequests: 0 }, 'options.maxInitialRequests should be >= 1'],
    ['maxAsyncRequests 0', { maxAsyncRequests: 0 }, 'options.maxAsyncRequests should be >= 1'],
    ['smallRouteSize in parsecs', { smallRouteSize: '12 parsecs' }, 'options.smallRouteSize'],
    ['sharedAppModules "no"', { sharedAppModules: 'no' }, 'options.sharedAppModules should be a boolean'],
    ['framework true', { framework: true }, 'options.framework'],
    ['an empty framework name', { framework: [''] }, 'options.framework'],
    ['a prefix with a slash', { prefix: 'vendor/' }, 'options.prefix should match pattern'],
    ['a prefix with @', { prefix: '@vendor.' }, 'options.prefix should match pattern'],
    ['stableModuleIds "yes"', { stableModuleIds: 'yes' }, 'options.stableModuleIds should be a boolean'],
    ['an empty report name', { report: '' }, 'options.report'],
    [
      'maxInitialRequests that leaves no request for vendor code',
      { maxInitialRequests: 3 },
      /options\.maxInitialRequests \(3\) leaves no request for vendor code beside the 3 a first page load always has \(runtime, entry JS and CSS\)\. Raise it to 4 or more\./,
    ],
  ])('rejects %s with a message naming the option', (_label, options, message) => {
    expect(create(options)).toThrow(message);
  });
});
