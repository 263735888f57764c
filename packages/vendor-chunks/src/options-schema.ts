import { byteSizeSchema } from '@packwise/core';
import type { Schema } from '@packwise/core';

export const optionsSchema = {
  title: '@packwise/vendor-chunks options',
  type: 'object',
  additionalProperties: false,
  properties: {
    strategy: {
      description:
        '"granular" (default: split by package and by the routes that use it), "per-package" or "single".',
      enum: ['granular', 'per-package', 'single'],
    },
    minPackageSize: byteSizeSchema(
      "Parts of a package (its modules the same routes use) below this size share a chunk with other packages' small parts of the same use.",
    ),
    smallRouteSize: byteSizeSchema(
      'A lazy route downloading fewer source bytes than this keeps the vendor code only it uses in its own chunk.',
    ),
    buckets: {
      description: 'Deprecated and ignored since 0.2: granular chunks follow the routes that use them.',
      type: 'integer',
      minimum: 1,
      maximum: 100,
    },
    maxInitialRequests: {
      description: 'JS+CSS requests of the first page load at most, runtime and entry included.',
      type: 'integer',
      minimum: 1,
    },
    maxAsyncRequests: {
      description: 'JS+CSS requests of any one lazy route at most, beyond what the first page loaded.',
      type: 'integer',
      minimum: 1,
    },
    framework: {
      description: 'Packages that form the framework chunk with their dependencies, or false.',
      anyOf: [
        { enum: [false] },
        { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
      ],
    },
    prefix: {
      description: 'Prefix of every vendor chunk name; letters, digits, ".", "-" and "_" only.',
      type: 'string',
      pattern: '^[A-Za-z0-9._-]+$',
    },
    stableModuleIds: {
      description: 'Give package modules ids that survive upgrades (package name + path inside the package).',
      type: 'boolean',
    },
    sharedAppModules: {
      description:
        'Put app modules that several chunks use in shared chunks by use instead of duplicating them.',
      type: 'boolean',
    },
    report: {
      description: 'Emit a JSON report of chunks and packages: true (vendor-chunks.json) or a file name.',
      anyOf: [{ type: 'boolean' }, { type: 'string', minLength: 1 }],
    },
  },
} as Schema;
