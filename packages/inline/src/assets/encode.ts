import path from 'node:path';
import svgToMiniDataURI from 'mini-svg-data-uri';
import type { AssetKind } from './options';

const MIME_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
});

/** The MIME type for a file name; files a custom `test` adds fall back to `application/octet-stream`. */
export function mimeTypeOf(resource: string): string {
  const name = resource.split('?', 1)[0] ?? resource;
  return MIME_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

function toBuffer(content: string | Buffer): Buffer {
  return typeof content === 'string' ? Buffer.from(content) : content;
}

/**
 * The `data:` URI of a file: SVG URL-encoded by mini-svg-data-uri (smaller than base64 and gzip-friendly),
 * everything else base64. The same function writes the URI and measures it, so what is measured is inlined.
 */
export function toDataUri(kind: AssetKind, content: string | Buffer, resource: string): string {
  const buffer = toBuffer(content);
  if (kind === 'svg') return svgToMiniDataURI(buffer.toString('utf8'));
  return `data:${mimeTypeOf(resource)};base64,${buffer.toString('base64')}`;
}

/** The length of `toDataUri(...)` without building base64 strings. */
export function dataUriLength(kind: AssetKind, content: string | Buffer, resource: string): number {
  if (kind === 'svg') return toDataUri(kind, content, resource).length;
  const header = `data:${mimeTypeOf(resource)};base64,`.length;
  return header + 4 * Math.ceil(toBuffer(content).length / 3);
}
