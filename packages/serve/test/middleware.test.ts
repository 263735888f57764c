import express from 'express';
import { createHandler } from '@packwise/serve';
import type { Fixture, TestServer } from './helpers';
import { buildFixture, decode, JS, listen, removeDir, request, serveHandler } from './helpers';

let fixture: Fixture;

beforeAll(async () => {
  fixture = await buildFixture();
});
afterAll(() => removeDir(fixture.root));

const HTML = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('SPA fallback', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serveHandler(createHandler({ root: fixture.root }));
  });
  afterAll(() => server.close());

  it.each(['/users/42', '/settings/', '/a/b/c'])(
    'answers the navigation %s with index.html',
    async (target) => {
      const reply = await request(server.port, target, { headers: { ...HTML, 'Accept-Encoding': 'br' } });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.headers['content-encoding']).toBe('br');
      expect(reply.headers['cache-control']).toBe('no-cache');
      expect(await decode(reply)).toEqual(fixture.html);
    },
  );

  it.each<[string, Record<string, string>]>([
    ['a missing file with an extension', { ...HTML }],
    ['a fetch() that accepts JSON', { Accept: 'application/json' }],
    ['a request that accepts anything', { Accept: '*/*' }],
    ['a request without Accept', {}],
  ])('answers %s with 404', async (label, headers) => {
    const target = label.includes('extension') ? '/static/js/missing.1234abcd.js' : '/users/42';
    expect((await request(server.port, target, { headers })).status).toBe(404);
  });

  it('is off with spa: false', async () => {
    const off = await serveHandler(createHandler({ root: fixture.root, spa: false }));
    try {
      expect((await request(off.port, '/users/42', { headers: HTML })).status).toBe(404);
    } finally {
      await off.close();
    }
  });

  it('serves another page when named', async () => {
    const docs = await serveHandler(createHandler({ root: fixture.root, spa: 'docs/index.html' }));
    try {
      const reply = await request(docs.port, '/guide/intro', { headers: HTML });
      expect(reply.body.toString()).toBe('<!doctype html><title>docs</title>');
    } finally {
      await docs.close();
    }
  });
});

describe('as Express middleware', () => {
  let server: TestServer;
  beforeAll(async () => {
    const app = express();
    app.get('/api/health', (_request, response) => {
      response.json({ ok: true });
    });
    app.use(createHandler({ root: fixture.root, spa: false }));
    app.use('/mounted', createHandler({ root: fixture.root, spa: false }));
    app.post('/static/js/main.1a2b3c4d.js', (_request, response) => {
      response.send('posted');
    });
    app.use((_request, response) => {
      response.status(404).send('fell through');
    });
    server = await listen(app);
  });
  afterAll(() => server.close());

  it('serves files with negotiation', async () => {
    const reply = await request(server.port, `/${JS}`, { headers: { 'Accept-Encoding': 'zstd' } });
    expect(reply.headers['content-encoding']).toBe('zstd');
    expect(await decode(reply)).toEqual(fixture.current);
  });

  it('serves files under a mount path', async () => {
    const reply = await request(server.port, `/mounted/${JS}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(await decode(reply)).toEqual(fixture.current);
  });

  it('leaves routes before it alone and calls next() for missing files', async () => {
    expect((await request(server.port, '/api/health')).body.toString()).toBe('{"ok":true}');
    const missing = await request(server.port, '/nothing-here.js');
    expect([missing.status, missing.body.toString()]).toEqual([404, 'fell through']);
  });

  it('calls next() for methods other than GET and HEAD', async () => {
    const reply = await request(server.port, `/${JS}`, { method: 'POST' });
    expect(reply.body.toString()).toBe('posted');
  });

  it('still refuses malformed paths with 400', async () => {
    expect((await request(server.port, '/%E0%A4%A')).status).toBe(400);
  });
});

describe('SPA fallback before next()', () => {
  it('answers navigations with the page and passes other misses on', async () => {
    const app = express();
    app.use(createHandler({ root: fixture.root }));
    app.use((_request, response) => {
      response.status(404).send('fell through');
    });
    const server = await listen(app);
    try {
      const page = await request(server.port, '/users/42', { headers: HTML });
      expect(page.body.toString()).toBe(fixture.html.toString());
      const api = await request(server.port, '/api/users', { headers: { Accept: 'application/json' } });
      expect(api.body.toString()).toBe('fell through');
    } finally {
      await server.close();
    }
  });
});
