import path from 'node:path';
import { validateOptions } from '@packwise/core';
import type { Schema } from '@packwise/core';
import { COMPRESS_MANIFEST, ManifestFile, readManifestSync } from './manifest';

export const HANDLER_NAME = '@packwise/serve createHandler';

export interface HandlerOptions {
  /** The built folder (webpack's `output.path`). */
  root: string;
  /**
   * @packwise/compress's manifest, relative to `root` or absolute; `false` to ignore one. Without it, variants
   * are the sibling files `<file>.zst`, `.br` and `.gz`.
   * @default '<root>/compress-manifest.json' when that file exists
   */
  manifest?: string | false;
  /**
   * The page (relative to `root`) that answers GET/HEAD requests for unknown extension-less paths whose
   * `Accept` names `text/html`; `false` for none.
   * @default 'index.html'
   */
  spa?: string | false;
  /**
   * Which asset names get `Cache-Control: public, max-age=31536000, immutable` (the others `no-cache`): all,
   * none, the names a RegExp matches, or a function of the name.
   * @default names with a content hash: 8 or more hex digits between `.`, `-` or `/` (`main.1a2b3c4d.js`)
   */
  immutable?: boolean | RegExp | ((name: string) => boolean);
  /**
   * Add `match-dest=("script")` (JS) or `("style")` (CSS) to `Use-As-Dictionary`, so browsers offer the
   * dictionary only to requests of that destination.
   * @default false
   */
  matchDest?: boolean;
}

export const optionsSchema = {
  title: '@packwise/serve createHandler options',
  type: 'object',
  additionalProperties: false,
  required: ['root'],
  properties: {
    root: { description: "The built folder to serve (webpack's output.path).", type: 'string', minLength: 1 },
    manifest: {
      description: "@packwise/compress's manifest (relative to root, or absolute), or false to ignore one.",
      anyOf: [{ type: 'string', minLength: 1 }, { enum: [false] }],
    },
    spa: {
      description: 'The page for unknown extension-less paths that accept HTML (relative to root), or false.',
      anyOf: [{ type: 'string', minLength: 1 }, { enum: [false] }],
    },
    immutable: {
      description: 'Names served as immutable for a year: true, false, a RegExp or a function of the name.',
      anyOf: [{ type: 'boolean' }, { instanceof: 'RegExp' }, { instanceof: 'Function' }],
    },
    matchDest: {
      description: 'Add match-dest=("script") / ("style") to Use-As-Dictionary on JS and CSS.',
      type: 'boolean',
    },
  },
} as Schema;

/** A content hash: 8 or more hex digits as a whole part of the name, between `.`, `-` or `/`. */
export const CONTENT_HASH = /(?:^|[./-])[0-9a-f]{8,}(?=[./-]|$)/i;

export interface Settings {
  root: string;
  /** The manifest in use, if any; `undefined` means sibling files. */
  manifest?: ManifestFile;
  spa: string[] | false;
  immutable: (name: string) => boolean;
  matchDest: boolean;
}

function immutableTest(option: HandlerOptions['immutable']): (name: string) => boolean {
  if (typeof option === 'function') return (name) => option(name) === true;
  if (option instanceof RegExp) {
    return (name) => {
      option.lastIndex = 0;
      return option.test(name);
    };
  }
  if (typeof option === 'boolean') return () => option;
  return (name) => CONTENT_HASH.test(name);
}

/**
 * Validates the options and settles the defaults. A `manifest` named explicitly must exist and be JSON now
 * (else this throws); the default one is used whenever it exists, checked on each request.
 */
export function resolveSettings(options: HandlerOptions): Settings {
  validateOptions<HandlerOptions>(optionsSchema, options, HANDLER_NAME);
  const root = path.resolve(options.root);
  let manifest: ManifestFile | undefined;
  if (typeof options.manifest === 'string') {
    const file = path.resolve(root, options.manifest);
    readManifestSync(file);
    manifest = new ManifestFile(file);
  } else if (options.manifest === undefined) {
    manifest = new ManifestFile(path.join(root, COMPRESS_MANIFEST));
  }
  const spa = options.spa ?? 'index.html';
  return {
    root,
    manifest,
    spa: spa === false ? false : spa.split(/[\\/]/).filter(Boolean),
    immutable: immutableTest(options.immutable),
    matchDest: options.matchDest ?? false,
  };
}
