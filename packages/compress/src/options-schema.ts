import { assetMatchSchemaProperties, byteSizeSchema } from '@packwise/core';
import type { Schema, SchemaFragment } from '@packwise/core';

const algorithmNames = ['gzip', 'brotli'];
const filenameTemplate = {
  anyOf: [{ type: 'string', minLength: 1 }, { instanceof: 'Function' }],
} as SchemaFragment;

export const optionsSchema = {
  title: '@packwise/compress options',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...assetMatchSchemaProperties,
    algorithms: {
      description: 'Encodings to write in one pass: "gzip" and/or "brotli".',
      type: 'array',
      items: { enum: algorithmNames },
      minItems: 1,
      uniqueItems: true,
    },
    gzip: {
      description: 'gzip settings: level (0-9), engine ("zlib" or "zopfli"), iterations (zopfli).',
      type: 'object',
      additionalProperties: false,
      properties: {
        level: { description: 'zlib level, 0-9.', type: 'integer', minimum: 0, maximum: 9 },
        engine: { description: '"zlib" or "zopfli" (needs @gfx/zopfli).', enum: ['zlib', 'zopfli'] },
        iterations: { description: 'zopfli iterations.', type: 'integer', minimum: 1, maximum: 1000 },
      },
    },
    brotli: {
      description: 'brotli settings: quality (0-11) and further zlib brotli params.',
      type: 'object',
      additionalProperties: false,
      properties: {
        quality: { description: 'brotli quality, 0-11.', type: 'integer', minimum: 0, maximum: 11 },
        params: {
          description: 'zlib brotli params by name (BROTLI_PARAM_LGWIN) or number.',
          type: 'object',
          patternProperties: { '^(BROTLI_PARAM_[A-Z_]+|\\d+)$': { type: 'integer', minimum: 0 } },
          additionalProperties: false,
        },
      },
    },
    threshold: byteSizeSchema('Only assets of at least this size: bytes or a string such as "1 KiB".'),
    minRatio: {
      description: 'Keep an encoding only when compressed size / original size is at most this (0: none).',
      type: 'number',
      minimum: 0,
    },
    filename: {
      description:
        'Output name: one per algorithm ({ gzip, brotli }), or one template when one algorithm is set.',
      anyOf: [
        filenameTemplate,
        {
          type: 'object',
          additionalProperties: false,
          properties: { gzip: filenameTemplate, brotli: filenameTemplate },
        },
      ],
    },
    deleteOriginalAssets: {
      description: 'Delete originals once encoded: true, false, "keep-source-map" or a function of the name.',
      anyOf: [{ type: 'boolean' }, { enum: ['keep-source-map'] }, { instanceof: 'Function' }],
    },
    skipExtensions: {
      description: 'Extensions (without dot) never compressed; [] compresses everything matched.',
      type: 'array',
      items: { type: 'string', pattern: '^[A-Za-z0-9]+$' },
    },
    parallel: {
      description: 'Compressions in flight at once (bounds memory). Default: available cores.',
      type: 'integer',
      minimum: 1,
    },
    manifest: {
      description: 'Emit a JSON manifest of originals and encodings under this name, or false.',
      anyOf: [{ enum: [false] }, { type: 'string', minLength: 1 }],
    },
  },
} as Schema;
