import type { Stats } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import mime from 'mime-types';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
/** `Content-Type` by the original's extension, with `charset=utf-8` for text. */
export function contentTypeOf(name: string): string {
  return mime.contentType(path.extname(name)) || 'application/octet-stream';
}

/** Adds fields to the response's `Vary`, keeping what earlier middleware put there. */
export function appendVary(response: ServerResponse, fields: readonly string[]): void {
  const existing = response.getHeader('vary');
  const current = (Array.isArray(existing) ? existing.join(',') : String(existing ?? ''))
    .split(',')
    .map((field) => field.trim())
    .filter(Boolean);
  if (current.includes('*')) return;
  const known = new Set(current.map((field) => field.toLowerCase()));
  const added = fields.filter((field) => !known.has(field.toLowerCase()));
  if (added.length > 0) response.setHeader('Vary', [...current, ...added].join(', '));
}

/**
 * A strong validator per file the way nginx makes one (size and mtime), plus the variant's tag, so every
 * encoding and every delta of an asset has its own.
 */
export function etagOf(stats: Stats, tag: string): string {
  return `"${stats.size.toString(16)}-${Math.trunc(stats.mtimeMs).toString(16)}-${tag}"`;
}

/** `If-None-Match` (weak comparison, RFC 9110 §13.1.2): `*` or any listed tag equal to `etag`. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

const DESTINATIONS: Readonly<Record<string, string>> = {
  '.js': 'script',
  '.mjs': 'script',
  '.cjs': 'script',
  '.css': 'style',
};

/**
 * `Use-As-Dictionary: match="…"` (RFC 9842 §2.1): the pattern as an RFC 8941 string, with
 * `match-dest=("script")`/`("style")` for scripts and styles when `matchDest` is on. `undefined` when the
 * pattern cannot be a structured-field string (characters outside printable ASCII).
 */
export function useAsDictionary(match: string, name: string, matchDest: boolean): string | undefined {
  if (!/^[\x20-\x7e]+$/.test(match)) return undefined;
  const value = `match="${match.replace(/[\\"]/g, '\\$&')}"`;
  const destination = matchDest ? DESTINATIONS[path.extname(name).toLowerCase()] : undefined;
  return destination ? `${value}, match-dest=("${destination}")` : value;
}
