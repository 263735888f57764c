import { createHandler } from '@packwise/serve';
import type { Fixture, TestServer } from './helpers';
import { availableDictionary, buildFixture, CSS, JS, removeDir, request, serveHandler } from './helpers';

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

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  request(server.port, path, { headers, method });
const DCZ = (): Record<string, string> => ({
  'Accept-Encoding': 'br, zstd, dcz',
  'Available-Dictionary': availableDictionary(fixture.old),
});
const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('caching headers', () => {
  it('sends Vary on every response of an asset that has variants (Available-Dictionary only with deltas)', async () => {
    for (const headers of [{}, { 'Accept-Encoding': 'gzip' }, { 'Accept-Encoding': 'zstd' }, DCZ()] as Record<
      string,
      string
    >[]) {
      expect((await get(`/${JS}`, headers)).headers.vary).toBe('Accept-Encoding, Available-Dictionary');
    }
    // Without deltas, a browser asking with the file itself as its dictionary must hit its cached copy.
    expect((await get(`/${CSS}`)).headers.vary).toBe('Accept-Encoding');
    expect((await get('/robots.txt', { 'Accept-Encoding': 'br' })).headers.vary).toBeUndefined();
  });

  it('gives each variant its own strong ETag', async () => {
    const replies = await Promise.all(
      (
        [
          {},
          { 'Accept-Encoding': 'gzip' },
          { 'Accept-Encoding': 'br' },
          { 'Accept-Encoding': 'zstd' },
          DCZ(),
        ] as Record<string, string>[]
      ).map((headers) => get(`/${JS}`, headers)),
    );
    const etags = replies.map((reply) => reply.headers.etag);
    for (const etag of etags) expect(etag).toMatch(/^"[^"]+"$/);
    expect(new Set(etags).size).toBe(5);
    // Stable: the same request gets the same tag again.
    expect((await get(`/${JS}`, { 'Accept-Encoding': 'br' })).headers.etag).toBe(etags[2]);
  });

  it('answers If-None-Match with 304 for the variant it would send, and 200 for another tag', async () => {
    const first = await get(`/${JS}`, { 'Accept-Encoding': 'br' });
    const etag = first.headers.etag as string;
    const revalidated = await get(`/${JS}`, { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(revalidated.headers.etag).toBe(etag);
    expect(revalidated.headers.vary).toBe('Accept-Encoding, Available-Dictionary');
    expect(revalidated.headers['cache-control']).toBe(IMMUTABLE);
    for (const list of [`"other", ${etag}`, `W/${etag}`, '*']) {
      expect((await get(`/${JS}`, { 'Accept-Encoding': 'br', 'If-None-Match': list })).status).toBe(304);
    }
    // The br tag does not validate the gzip variant.
    const gzip = await get(`/${JS}`, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(gzip.status).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
  });

  it('marks hashed names immutable and others no-cache', async () => {
    expect((await get(`/${JS}`)).headers['cache-control']).toBe(IMMUTABLE);
    expect((await get(`/${CSS}`)).headers['cache-control']).toBe(IMMUTABLE);
    expect((await get(`/${JS}`, DCZ())).headers['cache-control']).toBe(IMMUTABLE);
    expect((await get('/index.html')).headers['cache-control']).toBe('no-cache');
    expect((await get('/robots.txt')).headers['cache-control']).toBe('no-cache');
    expect((await get('/compress-manifest.json')).headers['cache-control']).toBe('no-cache');
  });

  it('sends Use-As-Dictionary with the manifest match for a dictionary asset, plain or delta', async () => {
    expect((await get(`/${JS}`, { 'Accept-Encoding': 'br' })).headers['use-as-dictionary']).toBe(
      'match="/static/js/main.*.js"',
    );
    expect((await get(`/${JS}`, DCZ())).headers['use-as-dictionary']).toBe('match="/static/js/main.*.js"');
    expect((await get(`/${CSS}`)).headers['use-as-dictionary']).toBeUndefined();
  });
});

describe('methods', () => {
  it('answers HEAD with the headers of GET and no body', async () => {
    for (const headers of [{}, { 'Accept-Encoding': 'br' }, DCZ()] as Record<string, string>[]) {
      const [full, head] = [await get(`/${JS}`, headers), await get(`/${JS}`, headers, 'HEAD')];
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      for (const name of [
        'content-type',
        'content-length',
        'content-encoding',
        'etag',
        'vary',
        'cache-control',
      ]) {
        expect([name, head.headers[name]]).toEqual([name, full.headers[name]]);
      }
      expect(Number(head.headers['content-length'])).toBe(full.body.length);
    }
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])('answers %s with 405 and Allow', async (method) => {
    const reply = await get(`/${JS}`, {}, method);
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
  });
});

describe('matchDest', () => {
  it('adds match-dest for scripts when asked', async () => {
    const withDest = await serveHandler(createHandler({ root: fixture.root, matchDest: true }));
    try {
      const reply = await request(withDest.port, `/${JS}`);
      expect(reply.headers['use-as-dictionary']).toBe('match="/static/js/main.*.js", match-dest=("script")');
    } finally {
      await withDest.close();
    }
  });
});
