import { assetMatchSchemaProperties, byteSizeSchema } from '@packwise/core';
import type { Schema, SchemaFragment } from '@packwise/core';

const algorithmNames = ['gzip', 'brotli', 'zstd', 'deflate', 'deflateRaw'];
const filenameTemplate = {
  anyOf: [{ type: 'string', minLength: 1 }, { instanceof: 'Function' }],
} as SchemaFragment;

/** zlib's settings that change what deflate writes (gzip, deflate, deflateRaw). */
const zlibProperties = {
  level: { description: 'zlib level, 0-9.', type: 'integer', minimum: 0, maximum: 9 },
  memLevel: { description: 'zlib memLevel, 1-9.', type: 'integer', minimum: 1, maximum: 9 },
  windowBits: { description: 'zlib windowBits, 8-15.', type: 'integer', minimum: 8, maximum: 15 },
  strategy: {
    description: 'zlib strategy: 0 default, 1 Z_FILTERED, 2 Z_HUFFMAN_ONLY, 3 Z_RLE, 4 Z_FIXED.',
    type: 'integer',
    minimum: 0,
    maximum: 4,
  },
};

const customAlgorithm = {
  description:
    'A custom compressor: { name, algorithm(input, compressionOptions, callback), compressionOptions?, filename? }.',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'algorithm'],
  properties: {
    name: {
      description: 'Names the encoding in related info, the manifest and filename keys.',
      type: 'string',
      pattern: '^[A-Za-z][A-Za-z0-9_-]*$',
    },
    algorithm: { description: '(input, compressionOptions, callback) => void', instanceof: 'Function' },
    compressionOptions: { description: "The compressor's second argument.", type: 'object' },
    filename: filenameTemplate,
  },
} as SchemaFragment;

export const optionsSchema = {
  title: '@packwise/compress options',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...assetMatchSchemaProperties,
    algorithms: {
      description:
        'Encodings to write in one pass: "gzip", "brotli", "zstd", "deflate", "deflateRaw" or custom compressors.',
      type: 'array',
      items: { anyOf: [{ enum: algorithmNames }, customAlgorithm] },
      minItems: 1,
      uniqueItems: true,
    },
    algorithm: {
      description:
        "compression-webpack-plugin's form: a zlib function's name (gzip, brotliCompress, deflate, deflateRaw, zstdCompress) or a compressor.",
      anyOf: [{ type: 'string', minLength: 1 }, { instanceof: 'Function' }],
    },
    compressionOptions: {
      description: "With algorithm: zlib's options for it, or the compressor's second argument.",
      type: 'object',
    },
    deflate: {
      description: 'deflate settings: zlib level, memLevel, windowBits, strategy.',
      type: 'object',
      additionalProperties: false,
      properties: zlibProperties,
    },
    deflateRaw: {
      description: 'deflateRaw settings: zlib level, memLevel, windowBits, strategy.',
      type: 'object',
      additionalProperties: false,
      properties: zlibProperties,
    },
    zstd: {
      description: 'zstd settings: level (1-22), windowLog (10-31; browsers decode at most 23).',
      type: 'object',
      additionalProperties: false,
      properties: {
        level: { description: 'zstd level, 1-22.', type: 'integer', minimum: 1, maximum: 22 },
        windowLog: { description: 'log2 of the window, 10-31.', type: 'integer', minimum: 10, maximum: 31 },
      },
    },
    gzip: {
      description:
        'gzip settings: zlib level, memLevel, windowBits, strategy; engine ("zlib" or "zopfli"), iterations (zopfli).',
      type: 'object',
      additionalProperties: false,
      properties: {
        ...zlibProperties,
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
        'Output name: one template or function for every algorithm ([suffix] and [algorithm] name the encoding), or one per algorithm name ({ gzip, brotli }).',
      anyOf: [filenameTemplate, { type: 'object', additionalProperties: filenameTemplate }],
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
    diskCache: {
      description:
        'Encodings kept on disk across builds, bounded in size: "auto" (on Rspack only), true, false, or { directory, maxSize }.',
      anyOf: [
        { enum: ['auto', true, false] },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            directory: {
              description:
                "The cache folder, absolute or relative to the context. Default: packwise-compress beside Rspack's persistent cache directory, else node_modules/.cache/packwise-compress.",
              type: 'string',
              minLength: 1,
            },
            maxSize: byteSizeSchema(
              'At most this many bytes on disk (bytes or "256 MiB"); least recently used entries go first. Default: 256 MiB.',
            ),
          },
        },
      ],
    },
    dictionaries: {
      description:
        'Deltas against earlier versions (RFC 9842 dcz): { previous: folders, history: true or a folder, keep, test, level }, or false.',
      anyOf: [
        { enum: [false] },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            previous: {
              description: 'Folders of earlier deployed outputs.',
              anyOf: [
                { type: 'string', minLength: 1 },
                { type: 'array', items: { type: 'string', minLength: 1 } },
              ],
            },
            history: {
              description: 'A folder the plugin keeps earlier builds in, true for the default, or false.',
              anyOf: [{ type: 'boolean' }, { type: 'string', minLength: 1 }],
            },
            keep: { description: 'Builds the history keeps.', type: 'integer', minimum: 1 },
            test: assetMatchSchemaProperties.test,
            level: {
              description: 'zstd level of the deltas, 1-19.',
              type: 'integer',
              minimum: 1,
              maximum: 19,
            },
          },
        },
      ],
    },
  },
} as Schema;
