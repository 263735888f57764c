import type { IncomingMessage, ServerResponse } from 'node:http';

/** 32 bytes in base64: 43 characters and one `=` (which RFC 8941 §4.2.7 lets a sender leave out). */
const BYTE_SEQUENCE = /^:([A-Za-z0-9+/]{43}=?):(?:;[^,]*)?$/;

/**
 * The SHA-256 in `Available-Dictionary` (an RFC 8941 byte sequence, `:<base64>:`) as lower-case hex, or
 * `undefined` for anything else: a missing header, another shape, bad base64, a length other than 32 bytes,
 * several values. RFC 9842 has the server ignore such a header and answer without a dictionary.
 */
export function parseAvailableDictionary(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = BYTE_SEQUENCE.exec(header.trim());
  if (!match) return undefined;
  const bytes = Buffer.from(match[1] as string, 'base64');
  return bytes.length === 32 ? bytes.toString('hex') : undefined;
}

const single = (value: string | string[] | undefined): string | undefined =>
  typeof value === 'string' ? value.trim().toLowerCase() : undefined;

/**
 * RFC 9842 "Server Responsibility" (security considerations): false for a cross-origin request whose response the page could not
 * read, so a dictionary must not be used for it. Same-origin and navigation requests, and requests without
 * `Sec-Fetch-*` headers, may use one; a cross-origin CORS request only when the response already carries an
 * `Access-Control-Allow-Origin` (set by middleware before this handler) of `*` or the request's `Origin`.
 */
export function dictionaryAllowed(request: IncomingMessage, response: ServerResponse): boolean {
  const site = single(request.headers['sec-fetch-site']);
  if (site === undefined || site === 'same-origin') return true;
  const mode = single(request.headers['sec-fetch-mode']);
  if (mode === undefined || mode === 'navigate' || mode === 'same-origin') return true;
  if (mode !== 'cors') return false;
  const allowed = response.getHeader('access-control-allow-origin');
  const origin = request.headers.origin;
  if (typeof allowed !== 'string' || origin === undefined) return false;
  return allowed.trim() === '*' || allowed.trim() === origin.trim();
}
