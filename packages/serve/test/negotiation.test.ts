import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decodeDcz, DCZ_MAGIC, sha256 } from '@packwise/core';
import { createHandler } from '@packwise/serve';
import type { Fixture, TestServer } from './helpers';
import {
  availableDictionary,
  buildFixture,
  CSS,
  decode,
  JS,
  removeDir,
  request,
  serveHandler,
} from './helpers';

let fixture: Fixture;
let server: TestServer;

beforeAll(async () => {
  fixture = await buildFixture();
  server = await serveHandler(createHandler({ root: fixture.root }));
});
afterAll(async () => {
  await server.close();
  await removeDir(fixture.root);
});

const get = (path: string, headers: Record<string, string> = {}) =>
  request(server.port, `/${path}`, { headers });

describe('Accept-Encoding picks the variant', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['no Accept-Encoding', undefined, undefined],
    ['an empty Accept-Encoding', '', undefined],
    ['identity', 'identity', undefined],
    ['gzip', 'gzip', 'gzip'],
    ['br', 'br', 'br'],
    ['zstd', 'zstd', 'zstd'],
    // The fixture's brotli is smaller than its zstd: at equal q the smaller file goes.
    ["a browser's list", 'gzip, deflate, br, zstd', 'br'],
    ['names in any case with odd whitespace', '  GZIP ,BR  ', 'br'],
    ['a higher q over the preference order', 'zstd;q=0.5, br;q=0.9, gzip;q=0.1', 'br'],
    ['q=1.000 beside q=0.999', 'gzip;q=1.000, zstd;q=0.999', 'gzip'],
    ['q=0 excludes', 'zstd;q=0, br;q=0, gzip', 'gzip'],
    ['q=0.0 excludes', 'zstd;q=0.0, br, gzip', 'br'],
    ['*', '*', 'br'],
    ['* with q=0 for zstd', '*, zstd;q=0', 'br'],
    ['*;q=0 beside a listed gzip', '*;q=0, gzip', 'gzip'],
    ['identity preferred by q', 'identity;q=1, br;q=0.5', undefined],
    ['deflate only (not served from the manifest)', 'deflate', undefined],
    [
      'malformed entries ignored, the good one used',
      'br;q=2, zstd;q=abc, gzip;;, ;q=1, =, gzip;q=0.3',
      'gzip',
    ],
    ['only malformed entries', 'br;q=2, zstd;q=abc, gzip;;, ;q=1', undefined],
    ['a malformed q beside a good entry', 'zstd;q=1.5, br', 'br'],
    ['unknown codings', 'compress, x-custom, sdch', undefined],
    ['dcz without a dictionary', 'dcz, br', 'br'],
  ])('%s → %s', async (_label, acceptEncoding, coding) => {
    const reply = await get(JS, acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe(coding);
    expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
    expect(await decode(reply)).toEqual(fixture.current);
  });

  it('sends the smaller of two encodings the client wants alike', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'packwise-serve-smaller-'));
    try {
      await writeFile(path.join(root, 'a.js'), 'x'.repeat(500));
      await writeFile(path.join(root, 'a.js.br'), Buffer.alloc(40));
      await writeFile(path.join(root, 'a.js.zst'), Buffer.alloc(30));
      const small = await serveHandler(createHandler({ root }));
      try {
        const ask = () => request(small.port, '/a.js', { headers: { 'Accept-Encoding': 'br, zstd' } });
        expect((await ask()).headers['content-encoding']).toBe('zstd');
        await writeFile(path.join(root, 'a.js.zst'), Buffer.alloc(50));
        expect((await ask()).headers['content-encoding']).toBe('br');
      } finally {
        await small.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('answers with what exists: CSS has no zstd, so zstd-first clients get brotli', async () => {
    const reply = await get(CSS, { 'Accept-Encoding': 'zstd, br, gzip' });
    expect(reply.headers['content-encoding']).toBe('br');
    expect(await decode(reply)).toEqual(fixture.css);
  });

  it('sends the file itself when the client accepts nothing that exists, even with identity;q=0', async () => {
    const reply = await get(CSS, { 'Accept-Encoding': 'zstd, identity;q=0' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.body).toEqual(fixture.css);
  });

  it('sets Content-Type by the original extension, with a charset for text', async () => {
    expect((await get(JS, { 'Accept-Encoding': 'br' })).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await get(CSS, { 'Accept-Encoding': 'gzip' })).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    expect((await get('index.html')).headers['content-type']).toBe('text/html; charset=utf-8');
  });
});

describe('dictionary-compressed deltas (RFC 9842)', () => {
  const browser = { 'Accept-Encoding': 'gzip, deflate, br, zstd, dcb, dcz' };

  it('sends dcz for the matching Available-Dictionary, decoding with the old file to the new one', async () => {
    const reply = await get(JS, { ...browser, 'Available-Dictionary': availableDictionary(fixture.old) });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('dcz');
    expect(reply.headers.vary).toBe('Accept-Encoding, Available-Dictionary');
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.body.subarray(0, 8)).toEqual(DCZ_MAGIC);
    expect(reply.body.subarray(8, 40)).toEqual(sha256(fixture.old));
    expect(await decodeDcz(reply.body, fixture.old)).toEqual(fixture.current);
    // The delta is the point: far smaller than the zstd of the whole file.
    const whole = await get(JS, { 'Accept-Encoding': 'zstd' });
    expect(reply.body.length).toBeLessThan(whole.body.length / 4);
  });

  it('accepts the byte sequence without its = padding and with parameters (RFC 8941)', async () => {
    const unpadded = availableDictionary(fixture.old).replace('=', '');
    for (const value of [unpadded, `${availableDictionary(fixture.old)};x=1`, ` ${unpadded} `]) {
      const reply = await get(JS, { ...browser, 'Available-Dictionary': value });
      expect(reply.headers['content-encoding']).toBe('dcz');
    }
  });

  const hash = sha256(Buffer.from('old')).toString('base64');
  it.each<[string, Record<string, string>]>([
    ['an unknown dictionary', { 'Available-Dictionary': availableDictionary(Buffer.from('another file')) }],
    ['the new file itself as dictionary', { 'Available-Dictionary': 'CURRENT' }],
    ['no colons', { 'Available-Dictionary': hash }],
    ['one colon', { 'Available-Dictionary': `:${hash}` }],
    ['bad base64', { 'Available-Dictionary': `:${'!'.repeat(43)}=:` }],
    ['16 bytes', { 'Available-Dictionary': `:${Buffer.alloc(16, 1).toString('base64')}:` }],
    ['33 bytes', { 'Available-Dictionary': `:${Buffer.alloc(33, 1).toString('base64')}:` }],
    ['hex instead of base64', { 'Available-Dictionary': `:${sha256(Buffer.from('x')).toString('hex')}:` }],
    ['a list of two', { 'Available-Dictionary': 'OLD, OLD' }],
    ['an empty value', { 'Available-Dictionary': '' }],
    ['a string item', { 'Available-Dictionary': '"abc"' }],
    [
      'the right hash but dcz not accepted',
      { 'Accept-Encoding': 'gzip, br, zstd', 'Available-Dictionary': 'OLD' },
    ],
    ['the right hash but dcz;q=0', { 'Accept-Encoding': 'br, dcz;q=0', 'Available-Dictionary': 'OLD' }],
    ['the right hash and only *', { 'Accept-Encoding': '*', 'Available-Dictionary': 'OLD' }],
    [
      'a cross-site no-cors request (RFC 9842 server responsibility)',
      { 'Available-Dictionary': 'OLD', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' },
    ],
    [
      'a cross-site CORS request without Access-Control-Allow-Origin',
      {
        'Available-Dictionary': 'OLD',
        'Sec-Fetch-Site': 'cross-site',
        'Sec-Fetch-Mode': 'cors',
        Origin: 'https://elsewhere.example',
      },
    ],
  ])('ignores %s and sends a plain encoding', async (_label, headers) => {
    const value = headers['Available-Dictionary']
      ?.replace('OLD', availableDictionary(fixture.old))
      .replace('CURRENT', availableDictionary(fixture.current));
    const reply = await get(JS, {
      ...browser,
      ...headers,
      ...(value === undefined ? {} : { 'Available-Dictionary': value }),
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).not.toBe('dcz');
    expect(reply.headers.vary).toBe('Accept-Encoding, Available-Dictionary');
    expect(await decode(reply)).toEqual(fixture.current);
  });

  it('uses the dictionary for same-origin and navigation fetches', async () => {
    for (const fetch of [
      { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'no-cors' },
      { 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'navigate' },
    ]) {
      const reply = await get(JS, {
        ...browser,
        ...fetch,
        'Available-Dictionary': availableDictionary(fixture.old),
      });
      expect(reply.headers['content-encoding']).toBe('dcz');
    }
  });
});
