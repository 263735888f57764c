import { byteSizeSchema } from '@packwise/core';
import type { Schema } from '@packwise/core';

const budgetSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'One budget: what it targets (path, entry or initial), its limit and/or maxIncrease.',
  properties: {
    name: { description: 'A label for reports.', type: 'string', minLength: 1 },
    path: {
      description: 'A glob on asset names, with or without content hash ("vendor.*.js").',
      type: 'string',
      minLength: 1,
    },
    entry: {
      description: 'An entry name: the total of its JS/CSS, lazy files included (not its HTML page).',
      type: 'string',
      minLength: 1,
    },
    initial: {
      description:
        "true: each entry's first page load (JS/CSS before any import(), and the HTML page that loads them).",
      enum: [true],
    },
    limit: byteSizeSchema('The most bytes allowed: 170000 or "170 kB".'),
    compression: {
      description:
        'Which size counts: "none" (raw), "gzip", "brotli" (default) or "zstd" (an emitted .zst, else zstd -19 here).',
      enum: ['none', 'gzip', 'brotli', 'zstd'],
    },
    maxIncrease: {
      description: 'Growth allowed against the baseline: bytes ("2 kB") or a percentage ("5%").',
      anyOf: [
        { type: 'number', minimum: 0 },
        { type: 'string', pattern: '^\\s*(\\d+(\\.\\d+)?|\\.\\d+)\\s*(%|[kKmMgG]i?[bB]|[bB]|bytes?)?\\s*$' },
      ],
    },
    severity: { description: '"error" (default) fails; "warning" only reports.', enum: ['error', 'warning'] },
    visitor: {
      description:
        '"new" (default): a first visit; "returning": what a visitor holding the previous version downloads (files it holds 0, deltas, the page).',
      enum: ['new', 'returning'],
    },
  },
};

const configProperties = {
  budgets: { description: 'The budgets to check.', type: 'array', items: budgetSchema },
  tolerance: byteSizeSchema(
    'Deltas against the baseline up to this size count as no change (default 16 bytes).',
  ),
};

export const configSchema = {
  title: '@packwise/budgets options',
  type: 'object',
  additionalProperties: false,
  required: ['budgets'],
  properties: configProperties,
} as Schema;

/** The plugin takes the config itself, or finds it (`config`), and names its report. */
export const pluginSchema = {
  title: '@packwise/budgets plugin options',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...configProperties,
    config: {
      description: 'A config file to read the budgets from, instead of `budgets`.',
      type: 'string',
      minLength: 1,
    },
    report: {
      description:
        'The emitted reports: a name for the JSON report (default packwise-report.json), false for none, or { json, html }.',
      anyOf: [
        { enum: [false] },
        { type: 'string', minLength: 1 },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            json: {
              description: 'Name of the JSON report (default packwise-report.json), or false for none.',
              anyOf: [{ enum: [false] }, { type: 'string', minLength: 1 }],
            },
            html: {
              description:
                'Name of the HTML report (@packwise/report: treemap, routes, duplicates, why), or false (default) for none.',
              anyOf: [{ enum: [false] }, { type: 'string', minLength: 1 }],
            },
            baseline: {
              description:
                "What the HTML report diffs against: an earlier packwise-report.html, packwise-report.json or stats JSON (relative to webpack's context).",
              type: 'string',
              minLength: 1,
            },
          },
        },
      ],
    },
    returningVisitor: {
      description:
        'What a visitor holding the previous version downloads: for budgets with visitor "returning", and in the report.',
      type: 'object',
      additionalProperties: false,
      required: ['previous'],
      properties: {
        previous: {
          description:
            "The previous deploy's output folder (absolute, or relative to webpack's context): the version the visitor holds.",
          type: 'string',
          minLength: 1,
        },
      },
    },
  },
} as Schema;
