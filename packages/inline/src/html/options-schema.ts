import { byteSizeSchema } from '@packwise/core';
import type { Schema, SchemaFragment } from '@packwise/core';

const namePattern = { anyOf: [{ type: 'string', minLength: 1 }, { instanceof: 'RegExp' }] } as SchemaFragment;

function chunkSelection(description: string): SchemaFragment {
  return {
    description,
    anyOf: [
      namePattern,
      { type: 'array', items: namePattern },
      {
        type: 'object',
        additionalProperties: false,
        required: ['maxSize'],
        properties: { maxSize: byteSizeSchema('Inline a file of at most this many bytes (as emitted).') },
      },
    ],
  } as SchemaFragment;
}

const fileName = { type: 'string', minLength: 1, pattern: '^[^\\\\]*$' } as SchemaFragment;

export const htmlOptionsSchema = {
  title: '@packwise/inline InlineHtmlPlugin options',
  type: 'object',
  additionalProperties: false,
  properties: {
    inlineRuntime: {
      description: 'Inline the runtime chunk (optimization.runtimeChunk) into each HTML page. Default true.',
      type: 'boolean',
    },
    inlineChunks: chunkSelection(
      'Chunks whose JS is inlined: exact chunk names, RegExps, or { maxSize } to inline every small chunk.',
    ),
    inlineCss: chunkSelection(
      'Chunks whose CSS is inlined as <style>: exact chunk names, RegExps, or { maxSize }.',
    ),
    keepInlinedFiles: {
      description: 'Keep inlined files in the output; by default they (and their source maps) are deleted.',
      type: 'boolean',
    },
    csp: {
      description: 'CSP hashes of inline scripts and styles: true, false, or { meta, hashesFile, nonce }.',
      anyOf: [
        { type: 'boolean' },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            meta: {
              description: 'Insert or extend a Content-Security-Policy meta tag with the hashes.',
              type: 'boolean',
            },
            hashesFile: {
              description: 'Name of the emitted JSON of hashes per page (csp-hashes.json), or false.',
              anyOf: [{ enum: [false] }, fileName],
            },
            nonce: {
              description: 'Placeholder written as nonce="…" on every inline tag, e.g. "__CSP_NONCE__".',
              type: 'string',
              minLength: 1,
              pattern: '^[^\\s"\'<>&`=]+$',
            },
          },
        },
      ],
    },
    report: {
      description: 'Emit a JSON report of what was inlined where: true (inline-html-report.json) or a name.',
      anyOf: [{ type: 'boolean' }, fileName],
    },
  },
} as Schema;
