import { parseBytes } from '@packwise/core';
import type { ByteSize } from '@packwise/core';

/** A chunk name: a string is the exact name, a RegExp is tested against it. */
export type ChunkNamePattern = string | RegExp;

/**
 * Which chunks to inline: by name (one pattern or several), or every chunk whose file is at most `maxSize`.
 */
export type ChunkSelection = ChunkNamePattern | ChunkNamePattern[] | { maxSize: ByteSize };

export interface CspOptions {
  /**
   * Insert a `<meta http-equiv="Content-Security-Policy">` with `script-src`/`style-src` `'self'` and the
   * hashes into each page, or extend the page's own CSP meta with the hashes. Never adds `'unsafe-inline'`.
   * @default false
   */
  meta?: boolean;
  /** Emit the hashes per HTML page as JSON under this name, or `false`. @default 'csp-hashes.json' */
  hashesFile?: string | false;
  /**
   * A placeholder written as `nonce="…"` on every inline `<script>` and `<style>` of the page, for servers
   * that substitute a per-response nonce (e.g. `__CSP_NONCE__`).
   */
  nonce?: string;
}

export interface InlineHtmlPluginOptions {
  /**
   * Inline the runtime chunk (a chunk with the runtime and no modules, `optimization.runtimeChunk`). @default
   * true
   */
  inlineRuntime?: boolean;
  /**
   * Inline these chunks' JS: exact names, RegExps, or `{ maxSize }` (bytes of the emitted file). @default []
   */
  inlineChunks?: ChunkSelection;
  /** Inline these chunks' CSS files as `<style>`: exact names, RegExps, or `{ maxSize }`. @default [] */
  inlineCss?: ChunkSelection;
  /**
   * Keep inlined files in the output (they are deleted, with their source maps, by default). @default false
   */
  keepInlinedFiles?: boolean;
  /** CSP hashes of every inline script and style: `true` for the defaults, or options. @default false */
  csp?: boolean | CspOptions;
  /**
   * Emit a JSON report of what was inlined into which page: `true` (inline-html-report.json) or a name.
   * @default false
   */
  report?: boolean | string;
}

/** Decides whether a chunk (its name, the size of one of its files) is selected. */
export type ChunkPredicate = (chunkName: string | undefined, fileSize: number) => boolean;

export interface ResolvedCspOptions {
  meta: boolean;
  hashesFile: string | false;
  nonce: string | undefined;
}

export interface ResolvedHtmlOptions {
  inlineRuntime: boolean;
  inlineChunks: ChunkPredicate;
  /** Whether a chunk holding the runtime may end up inline (runtime or `inlineChunks`). */
  mayInlineRuntime: boolean;
  inlineCss: ChunkPredicate;
  keepInlinedFiles: boolean;
  csp: ResolvedCspOptions | false;
  report: string | false;
}

export const DEFAULT_HASHES_FILE = 'csp-hashes.json';
export const DEFAULT_REPORT_FILE = 'inline-html-report.json';

/** Options with defaults applied; the schema has already checked their shape. */
export function resolveHtmlOptions(options: InlineHtmlPluginOptions): ResolvedHtmlOptions {
  const csp = options.csp === true ? {} : options.csp;
  return {
    inlineRuntime: options.inlineRuntime ?? true,
    inlineChunks: chunkPredicate(options.inlineChunks),
    mayInlineRuntime: (options.inlineRuntime ?? true) || options.inlineChunks !== undefined,
    inlineCss: chunkPredicate(options.inlineCss),
    keepInlinedFiles: options.keepInlinedFiles ?? false,
    csp: csp
      ? { meta: csp.meta ?? false, hashesFile: csp.hashesFile ?? DEFAULT_HASHES_FILE, nonce: csp.nonce }
      : false,
    report: options.report === true ? DEFAULT_REPORT_FILE : (options.report ?? false),
  };
}

function chunkPredicate(selection: ChunkSelection | undefined): ChunkPredicate {
  if (selection === undefined) return () => false;
  if (typeof selection === 'object' && !Array.isArray(selection) && !(selection instanceof RegExp)) {
    const maxSize = parseBytes(selection.maxSize);
    return (_name, fileSize) => fileSize <= maxSize;
  }
  const patterns = Array.isArray(selection) ? selection : [selection];
  return (name) => name !== undefined && patterns.some((pattern) => matchesName(name, pattern));
}

function matchesName(name: string, pattern: ChunkNamePattern): boolean {
  if (typeof pattern === 'string') return name === pattern;
  // A global or sticky RegExp keeps `lastIndex` between calls; reset it so every chunk is tested alike.
  pattern.lastIndex = 0;
  return pattern.test(name);
}
