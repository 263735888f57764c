import { byteSizeSchema } from '@packwise/core';
import type { Schema } from '@packwise/core';

export const optionsSchema = {
  title: '@packwise/vendor-chunks options',
  type: 'object',
  additionalProperties: false,
  properties: {
    strategy: {
      description: '"granular" (default), "per-package" or "single".',
      enum: ['granular', 'per-package', 'single'],
    },
    minPackageSize: byteSizeSchema('Packages at least this large (before minification) get their own chunk.'),
    buckets: {
      description: 'How many buckets small packages share (granular strategy).',
      type: 'integer',
      minimum: 1,
      maximum: 100,
    },
    maxInitialRequests: {
      description: 'JS+CSS requests of the first page load at most, runtime and entry included.',
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
    report: {
      description: 'Emit a JSON report of chunks and packages: true (vendor-chunks.json) or a file name.',
      anyOf: [{ type: 'boolean' }, { type: 'string', minLength: 1 }],
    },
  },
} as Schema;
