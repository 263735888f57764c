import { byteSizeSchema } from '@packwise/core';
import type { Schema, SchemaFragment } from '@packwise/core';

const kindTest = (kind: string) =>
  ({
    description: `Which ${kind} files the plugin handles (RegExp), or false to leave them alone.`,
    anyOf: [{ instanceof: 'RegExp' }, { enum: [false] }],
  }) as SchemaFragment;

export const optionsSchema = {
  title: '@packwise/inline InlineAssetsPlugin options',
  type: 'object',
  additionalProperties: false,
  properties: {
    maxSize: {
      description:
        'Largest data: URI to inline, header included: one size ("4 KiB", 4096) or { images, fonts, svg }.',
      anyOf: [
        byteSizeSchema('Largest data: URI for every kind.'),
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            images: byteSizeSchema('Largest data: URI of an image (png, jpeg, gif, webp, avif).'),
            fonts: byteSizeSchema('Largest data: URI of a font (woff, woff2, ttf, otf, eot).'),
            svg: byteSizeSchema('Largest data: URI of an SVG (URL-encoded, not base64).'),
          },
        },
      ],
    },
    maxInlinedBytesPerChunk: {
      description: 'Inlined data: URI bytes one chunk may hold before further assets are emitted, or false.',
      anyOf: [{ enum: [false] }, byteSizeSchema('Inlined bytes per chunk.')],
    },
    test: {
      description: 'Files handled per kind: { images, fonts, svg }, each a RegExp or false.',
      type: 'object',
      // A RegExp is an object with no own properties: say that one test per kind is expected.
      not: { instanceof: 'RegExp' },
      additionalProperties: false,
      properties: { images: kindTest('image'), fonts: kindTest('font'), svg: kindTest('SVG') },
    },
    filename: {
      description:
        'Name of emitted (not inlined) files: a template or function. Default: assetModuleFilename.',
      anyOf: [{ type: 'string', minLength: 1 }, { instanceof: 'Function' }],
    },
    report: {
      description: 'Emit a JSON report of what was inlined where under this name, or false.',
      anyOf: [{ enum: [false] }, { type: 'string', minLength: 1 }],
    },
  },
} as Schema;
