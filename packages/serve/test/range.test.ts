import { createHandler } from '@packwise/serve';
import { parseRange } from '../src/range';
import type { Fixture, TestServer } from './helpers';
import { buildFixture, JS, removeDir, request, serveHandler } from './helpers';

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

const get = (headers: Record<string, string>, method = 'GET') =>
  request(server.port, `/${JS}`, { headers, method });

describe('Range requests', () => {
  it.each<[string, number, number]>([
    ['bytes=0-99', 0, 99],
    ['bytes=100-', 100, -1],
    ['bytes=-50', -50, -1],
    ['bytes=10-10', 10, 10],
    ['bytes=5000-999999999', 5000, -1],
    ['BYTES = 1 - 2', 1, 2],
  ])('answers %s with 206 of the identity file', async (range, from, to) => {
    const size = fixture.current.length;
    const start = from < 0 ? size + from : from;
    const end = to < 0 ? size - 1 : to;
    const reply = await get({ Range: range, 'Accept-Encoding': 'gzip, br, zstd' });
    expect(reply.status).toBe(206);
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.headers['content-range']).toBe(`bytes ${start}-${end}/${size}`);
    expect(Number(reply.headers['content-length'])).toBe(end - start + 1);
    expect(reply.body).toEqual(fixture.current.subarray(start, end + 1));
  });

  it.each(['bytes=999999-', 'bytes=-0', `bytes=${1e20}-`])('answers %s with 416', async (range) => {
    const reply = await get({ Range: range });
    expect(reply.status).toBe(416);
    expect(reply.headers['content-range']).toBe(`bytes */${fixture.current.length}`);
  });

  it.each([
    'bytes=0-1,5-9',
    'bytes=0-1, 3-4, 7-',
    'items=0-5',
    'bytes=5-1',
    'bytes=a-b',
    'bytes=-',
    'bytes=',
  ])('ignores %s and sends the whole file (200)', async (range) => {
    const reply = await get({ Range: range });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(fixture.current);
  });

  it('ignores Range under an If-Range that names another version', async () => {
    const { etag } = (await get({})).headers;
    expect((await get({ Range: 'bytes=0-9', 'If-Range': etag as string })).status).toBe(206);
    expect((await get({ Range: 'bytes=0-9', 'If-Range': '"old"' })).status).toBe(200);
    expect((await get({ Range: 'bytes=0-9', 'If-Range': 'Wed, 21 Oct 2015 07:28:00 GMT' })).status).toBe(200);
  });

  it('sends the encoded whole file when the client refuses identity', async () => {
    const reply = await get({ Range: 'bytes=0-9', 'Accept-Encoding': 'br, identity;q=0' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('br');
  });

  it('advertises Accept-Ranges and ignores Range on HEAD', async () => {
    const reply = await get({ Range: 'bytes=0-9' }, 'HEAD');
    expect(reply.status).toBe(200);
    expect(reply.headers['accept-ranges']).toBe('bytes');
    expect(Number(reply.headers['content-length'])).toBe(fixture.current.length);
  });
});

describe('parseRange', () => {
  it.each<[string | undefined, number, ReturnType<typeof parseRange>]>([
    [undefined, 10, { kind: 'none' }],
    ['bytes=0-0', 10, { kind: 'single', start: 0, end: 0 }],
    ['bytes=-20', 10, { kind: 'single', start: 0, end: 9 }],
    ['bytes=9-', 10, { kind: 'single', start: 9, end: 9 }],
    ['bytes=10-', 10, { kind: 'unsatisfiable' }],
    ['bytes=-1', 0, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=1-0', 10, { kind: 'none' }],
    ['bytes=0-1,2-3', 10, { kind: 'none' }],
    ['bytes=,0-1,', 10, { kind: 'single', start: 0, end: 1 }],
    ['bytes=0x1-2', 10, { kind: 'none' }],
  ])('%s of %d bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
