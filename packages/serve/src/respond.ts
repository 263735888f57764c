import type { Stats } from 'node:fs';
import { close, createReadStream, fstat, open } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { promisify } from 'node:util';
import { isMissing } from './files';
import { etagOf, noneMatch } from './headers';
import { parseRange, rangeStillValid } from './range';
import type { Variant } from './variants';

// Plain descriptors, not FileHandles: a FileHandle left open would be closed by the garbage collector, which
// hides a leak instead of failing the test that looks for one.
const openFile = promisify(open);
const statFile = promisify(fstat);
const closeFile = promisify(close);

export interface OpenVariant {
  variant: Variant;
  fd: number;
  /** From the open file, so size and ETag describe the bytes that are sent. */
  stats: Stats;
}

/** A request header that must appear once; repeated, it counts as absent. */
export const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** Opens the first variant that still exists (a rebuild may have removed one since it was found). */
export async function openFirst(variants: readonly Variant[]): Promise<OpenVariant | undefined> {
  for (const variant of variants) {
    let fd: number;
    try {
      fd = await openFile(variant.real, 'r');
    } catch (error) {
      if (isMissing(error)) continue;
      throw error;
    }
    try {
      const stats = await statFile(fd);
      if (stats.isFile()) return { variant, fd, stats };
    } catch (error) {
      await closeFile(fd);
      throw error;
    }
    await closeFile(fd);
  }
  return undefined;
}

/** A short plain-text answer (errors, 405, 406); no body for HEAD. */
export function answer(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
): void {
  const body = status >= 400 ? `${status} ${statusText(status)}\n` : '';
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

const STATUS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  416: 'Range Not Satisfiable',
  500: 'Internal Server Error',
};
const statusText = (status: number): string => STATUS[status] ?? '';

/** Streams `[start, end]` of the open file; a client abort or read error destroys both ends, closing the fd. */
function stream(response: ServerResponse, file: OpenVariant, start: number, end: number): void {
  if (end < start) {
    void closeFile(file.fd);
    response.end();
    return;
  }
  const body = createReadStream('', { fd: file.fd, start, end, autoClose: true });
  pipeline(body, response, () => {
    // Aborted by the client or failed mid-way: nothing more can be said on this response.
  });
}

/**
 * Answers with an open variant, whose caching and negotiation headers are already on `response`: 304 when
 * `If-None-Match` names its ETag, 206/416 for a `Range` of an identity file, else 200 (no body for HEAD).
 */
export async function sendVariant(
  request: IncomingMessage,
  response: ServerResponse,
  file: OpenVariant,
  contentType: string,
): Promise<void> {
  const { variant, stats } = file;
  const etag = etagOf(stats, variant.tag);
  response.setHeader('ETag', etag);
  if (noneMatch(request.headers['if-none-match'], etag)) {
    await closeFile(file.fd);
    response.writeHead(304);
    response.end();
    return;
  }
  response.setHeader('Content-Type', contentType);
  if (variant.coding !== 'identity') response.setHeader('Content-Encoding', variant.coding);
  const ranged =
    request.method === 'GET' &&
    variant.coding === 'identity' &&
    rangeStillValid(header(request, 'if-range'), etag);
  const range = ranged ? parseRange(request.headers.range, stats.size) : { kind: 'none' as const };
  if (range.kind === 'unsatisfiable') {
    await closeFile(file.fd);
    answer(request, response, 416, { 'Content-Range': `bytes */${stats.size}` });
    return;
  }
  const [start, end] = range.kind === 'single' ? [range.start, range.end] : [0, stats.size - 1];
  if (range.kind === 'single') response.setHeader('Content-Range', `bytes ${start}-${end}/${stats.size}`);
  response.writeHead(range.kind === 'single' ? 206 : 200, { 'Content-Length': String(end - start + 1) });
  if (request.method === 'HEAD') {
    await closeFile(file.fd);
    response.end();
    return;
  }
  stream(response, file, start, end);
}
