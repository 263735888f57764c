import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { compressDcz, loadZstd, sha256 } from '@packwise/core';
import type { RequestHandler } from '@packwise/serve';

/** A server on 127.0.0.1 (a free port) around a listener; `close` ends every connection. */
export interface TestServer {
  port: number;
  close(): Promise<void>;
}

export async function listen(listener: http.RequestListener): Promise<TestServer> {
  const server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The handler as a plain `http.createServer` listener (no `next`). */
export const serveHandler = (handler: RequestHandler): Promise<TestServer> =>
  listen((request, response) => handler(request, response));

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A raw request: the path is sent exactly as given (no URL normalisation, so `/../x` and `%2e%2e` reach the
 * server), and the body is read as bytes without decoding any Content-Encoding.
 */
export function request(
  port: number,
  target: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: '127.0.0.1', port, path: target, method, headers, agent: false });
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }),
      );
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

export const tempDir = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'packwise-serve-'));
export const removeDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

/** Writes `files` (names relative to `root`), creating folders. */
export async function writeFiles(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
}

export const gzip = (input: Buffer): Buffer => zlib.gzipSync(input, { level: 9 });
export const brotli = (input: Buffer): Buffer => zlib.brotliCompressSync(input);
export const zstd = (input: Buffer): Promise<Buffer> => loadZstd().compress(input, { level: 19 });

/** Decodes a body by its Content-Encoding (not dcz/dcb). */
export async function decode(reply: Reply): Promise<Buffer> {
  const coding = reply.headers['content-encoding'];
  if (coding === undefined) return reply.body;
  if (coding === 'gzip') return zlib.gunzipSync(reply.body);
  if (coding === 'br') return zlib.brotliDecompressSync(reply.body);
  if (coding === 'zstd') return loadZstd().decompress(reply.body);
  throw new Error(`cannot decode ${coding} here`);
}

/** `Available-Dictionary` for a dictionary's bytes: `:<base64 of its SHA-256>:`. */
export const availableDictionary = (dictionary: Buffer): string =>
  `:${sha256(dictionary).toString('base64')}:`;

/** Two versions of a script, the second a small edit of the first, so a delta against the first is tiny. */
function versions(): { old: Buffer; current: Buffer } {
  const lines = Array.from(
    { length: 400 },
    (_, i) => `export function handler${i}(event) { return event.detail * ${i} + "${'x'.repeat(i % 17)}"; }`,
  );
  const old = Buffer.from(lines.join('\n'));
  lines[200] = 'export function handler200(event) { return "changed in the new release"; }';
  return { old, current: Buffer.from(lines.join('\n')) };
}

export interface Fixture {
  root: string;
  /** The hashed script's current and previous bytes. */
  current: Buffer;
  old: Buffer;
  css: Buffer;
  html: Buffer;
}

export const JS = 'static/js/main.1a2b3c4d.js';
export const OLD_JS = 'static/js/main.0a0b0c0d.js';
export const CSS = 'static/css/main.5e6f7a8b.css';

/**
 * A built folder as @packwise/compress leaves it, with a manifest: the hashed script with gzip, brotli, zstd
 * and a dcz delta against its previous version (whose file is kept), a CSS file with gzip and brotli only, an
 * `index.html`, a `robots.txt` without encodings, and a nested folder with its own `index.html`.
 */
export async function buildFixture(): Promise<Fixture> {
  const root = await tempDir();
  const { old, current } = versions();
  const css = Buffer.from('body { color: rebeccapurple; }\n'.repeat(200));
  const html = Buffer.from(`<!doctype html><title>app</title><script src="/${JS}"></script>\n`.repeat(20));
  const dcz = await compressDcz(current, old);
  await writeFiles(root, {
    [JS]: current,
    [`${JS}.gz`]: gzip(current),
    [`${JS}.br`]: brotli(current),
    [`${JS}.zst`]: await zstd(current),
    [`${JS}.dcz`]: dcz,
    [OLD_JS]: old,
    [CSS]: css,
    [`${CSS}.gz`]: gzip(css),
    [`${CSS}.br`]: brotli(css),
    'index.html': html,
    'index.html.br': brotli(html),
    'robots.txt': 'User-agent: *\n',
    'docs/index.html': '<!doctype html><title>docs</title>',
  });
  const manifest = {
    publicPath: '/',
    assets: {
      [JS]: {
        size: current.length,
        encodings: {
          gzip: { file: `${JS}.gz`, size: 0 },
          brotli: { file: `${JS}.br`, size: 0 },
          zstd: { file: `${JS}.zst`, size: 0 },
          deflate: { file: `${JS}.deflate`, size: 0 },
        },
        dictionary: { match: '/static/js/main.*.js', sha256: sha256(current).toString('hex') },
        deltas: [
          {
            encoding: 'dcz',
            file: `${JS}.dcz`,
            size: dcz.length,
            dictionary: sha256(old).toString('hex'),
            previous: OLD_JS,
          },
        ],
      },
      [CSS]: {
        size: css.length,
        encodings: { gzip: { file: `${CSS}.gz`, size: 0 }, brotli: { file: `${CSS}.br`, size: 0 } },
      },
      'index.html': { size: html.length, encodings: { brotli: { file: 'index.html.br', size: 0 } } },
    },
  };
  await writeFiles(root, { 'compress-manifest.json': JSON.stringify(manifest, null, 2) });
  return { root, current, old, css, html };
}
