import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compressDcz, sha256 } from '@packwise/core';
import { createHandler } from '@packwise/serve';
import { parseManifest } from '../src/manifest';
import type { TestServer } from './helpers';
import { brotli, decode, gzip, removeDir, request, serveHandler, tempDir, writeFiles, zstd } from './helpers';

const js = Buffer.from('export const answer = 42;\n'.repeat(300));
const css = Buffer.from('main { display: grid; }\n'.repeat(300));
let root: string;

beforeEach(async () => {
  root = await tempDir();
});
afterEach(() => removeDir(root));

async function withServer(
  options: Parameters<typeof createHandler>[0],
  run: (server: TestServer) => Promise<void>,
) {
  const server = await serveHandler(createHandler(options));
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

const manifestOf = (assets: Record<string, unknown>, publicPath?: string) =>
  JSON.stringify({ ...(publicPath === undefined ? {} : { publicPath }), assets });

describe('without a manifest: sibling files', () => {
  beforeEach(async () => {
    await writeFiles(root, {
      'app.js': js,
      'app.js.gz': gzip(js),
      'app.js.br': brotli(js),
      'app.js.zst': await zstd(js),
      'style.css': css,
      'style.css.gz': gzip(css),
      'plain.txt': 'nothing else',
    });
  });

  it.each<[string, string, string | undefined]>([
    ['app.js', 'gzip, br, zstd', 'zstd'],
    ['app.js', 'gzip, br', 'br'],
    ['app.js', 'gzip', 'gzip'],
    ['style.css', 'gzip, br, zstd', 'gzip'],
    ['style.css', 'br', undefined],
  ])('%s with %s → %s', async (name, acceptEncoding, coding) => {
    await withServer({ root }, async (server) => {
      const reply = await request(server.port, `/${name}`, {
        headers: { 'Accept-Encoding': acceptEncoding },
      });
      expect(reply.headers['content-encoding']).toBe(coding);
      // No deltas without a manifest: responses do not depend on Available-Dictionary.
      expect(reply.headers.vary).toBe('Accept-Encoding');
      expect(await decode(reply)).toEqual(name === 'app.js' ? js : css);
    });
  });

  it('sends a file without siblings as it is, without Vary', async () => {
    await withServer({ root }, async (server) => {
      const reply = await request(server.port, '/plain.txt', { headers: { 'Accept-Encoding': 'br, gzip' } });
      expect([reply.headers['content-encoding'], reply.headers.vary]).toEqual([undefined, undefined]);
      expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    });
  });

  it('ignores siblings when a manifest is used (manifest: false turns it off)', async () => {
    await writeFiles(root, { 'compress-manifest.json': manifestOf({}) });
    await withServer({ root }, async (server) => {
      const reply = await request(server.port, '/app.js', { headers: { 'Accept-Encoding': 'zstd' } });
      expect(reply.headers['content-encoding']).toBeUndefined();
    });
    await withServer({ root, manifest: false }, async (server) => {
      const reply = await request(server.port, '/app.js', { headers: { 'Accept-Encoding': 'zstd' } });
      expect(reply.headers['content-encoding']).toBe('zstd');
    });
  });
});

describe('with a manifest', () => {
  it('strips publicPath, and serves the path without it too', async () => {
    await writeFiles(root, {
      'app.js': js,
      'app.js.br': brotli(js),
      'compress-manifest.json': manifestOf(
        { 'app.js': { encodings: { brotli: { file: 'app.js.br' } } } },
        '/assets/',
      ),
    });
    await withServer({ root }, async (server) => {
      for (const target of ['/assets/app.js', '/app.js']) {
        const reply = await request(server.port, target, { headers: { 'Accept-Encoding': 'br' } });
        expect([target, reply.headers['content-encoding']]).toEqual([target, 'br']);
      }
    });
  });

  it('reads a manifest named explicitly, relative to root, and refuses a missing one at once', async () => {
    await writeFiles(root, {
      'app.js': js,
      'app.js.brotli': brotli(js),
      'reports/compress.json': manifestOf({ 'app.js': { encodings: { brotli: { file: 'app.js.brotli' } } } }),
    });
    await withServer({ root, manifest: 'reports/compress.json' }, async (server) => {
      const reply = await request(server.port, '/app.js', { headers: { 'Accept-Encoding': 'br' } });
      expect(reply.headers['content-encoding']).toBe('br');
    });
    expect(() => createHandler({ root, manifest: 'nope.json' })).toThrow(
      /cannot read the manifest .*nope\.json/,
    );
    await writeFile(path.join(root, 'bad.json'), '{ not json');
    expect(() => createHandler({ root, manifest: 'bad.json' })).toThrow(/bad\.json is not JSON/);
  });

  it('follows a rebuild: a rewritten manifest is read again', async () => {
    await writeFiles(root, { 'app.js': js, 'app.js.gz': gzip(js), 'compress-manifest.json': manifestOf({}) });
    await withServer({ root }, async (server) => {
      const get = () => request(server.port, '/app.js', { headers: { 'Accept-Encoding': 'gzip' } });
      expect((await get()).headers['content-encoding']).toBeUndefined();
      await writeFile(
        path.join(root, 'compress-manifest.json'),
        manifestOf({ 'app.js': { encodings: { gzip: { file: 'app.js.gz' } } } }),
      );
      expect((await get()).headers['content-encoding']).toBe('gzip');
      await rm(path.join(root, 'compress-manifest.json'));
      // No manifest any more: back to sibling files, which also finds app.js.gz.
      expect((await get()).headers['content-encoding']).toBe('gzip');
    });
  });

  it('serves the encodings of a deleted original, and 406 to a client that accepts none', async () => {
    await writeFiles(root, {
      'app.js.br': brotli(js),
      'app.js.gz': gzip(js),
      'compress-manifest.json': manifestOf({
        'app.js': { encodings: { brotli: { file: 'app.js.br' }, gzip: { file: 'app.js.gz' } } },
      }),
    });
    await withServer({ root }, async (server) => {
      const br = await request(server.port, '/app.js', { headers: { 'Accept-Encoding': 'br, gzip' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(br.headers['accept-ranges']).toBeUndefined();
      expect(await decode(br)).toEqual(js);
      const none = await request(server.port, '/app.js', { headers: { 'Accept-Encoding': 'identity' } });
      expect(none.status).toBe(406);
      expect(none.headers.vary).toBe('Accept-Encoding');
    });
  });

  it("never sends a file replaced by its encoding ('[path][base]') as identity", async () => {
    await writeFiles(root, {
      'app.js': gzip(js),
      'compress-manifest.json': manifestOf({ 'app.js': { encodings: { gzip: { file: 'app.js' } } } }),
    });
    await withServer({ root }, async (server) => {
      const gz = await request(server.port, '/app.js', { headers: { 'Accept-Encoding': 'gzip' } });
      expect(await decode(gz)).toEqual(js);
      expect((await request(server.port, '/app.js')).status).toBe(200);
      expect((await request(server.port, '/app.js', { headers: { 'Accept-Encoding': 'br' } })).status).toBe(
        406,
      );
    });
  });

  it('falls back to the next variant when a listed file is missing, and serves dcb deltas', async () => {
    const old = Buffer.from(js.toString().replace('42', '41'));
    const dcb = Buffer.concat([Buffer.from([0xff, 0x44, 0x43, 0x42]), sha256(old), Buffer.from('brotli')]);
    await writeFiles(root, {
      'app.js': js,
      'app.js.gz': gzip(js),
      'app.js.dcb': dcb,
      'app.js.dcz': await compressDcz(js, old),
      'compress-manifest.json': manifestOf({
        'app.js': {
          encodings: { zstd: { file: 'app.js.zst' }, gzip: { file: 'app.js.gz' } },
          dictionary: { match: '/app.js' },
          deltas: [
            { encoding: 'dcb', file: 'app.js.dcb', dictionary: sha256(old).toString('hex') },
            { encoding: 'dcz', file: 'app.js.missing.dcz', dictionary: sha256(old).toString('hex') },
          ],
        },
      }),
    });
    const available = `:${sha256(old).toString('base64')}:`;
    await withServer({ root }, async (server) => {
      const zstdFirst = await request(server.port, '/app.js', {
        headers: { 'Accept-Encoding': 'zstd, gzip' },
      });
      expect(zstdFirst.headers['content-encoding']).toBe('gzip');
      const delta = await request(server.port, '/app.js', {
        headers: { 'Accept-Encoding': 'gzip, dcb, dcz', 'Available-Dictionary': available },
      });
      expect(delta.headers['content-encoding']).toBe('dcb');
      expect(delta.body).toEqual(dcb);
    });
  });
});

describe('parseManifest', () => {
  it('keeps what it can serve and drops the rest', () => {
    const hash = 'ab'.repeat(32);
    const manifest = parseManifest({
      publicPath: 'https://cdn.example.com/app%20one/',
      assets: {
        'a.js': {
          encodings: { gzip: { file: 'a.js.gz' }, deflate: { file: 'a.js.deflate' }, brotli: { size: 1 } },
          dictionary: { match: '/a.*.js' },
          deltas: [
            { encoding: 'dcz', file: 'a.js.dcz', dictionary: hash.toUpperCase() },
            { encoding: 'dcz', file: 'b.dcz', dictionary: 'short' },
            { encoding: 'vcdiff', file: 'c.dcz', dictionary: hash },
            'nonsense',
          ],
        },
        'b.js': 'nonsense',
        'c.js': { encodings: [] },
      },
    });
    expect(manifest.prefix).toEqual(['app one']);
    expect([...manifest.assets.keys()]).toEqual(['a.js', 'c.js']);
    expect(manifest.assets.get('a.js')).toEqual({
      encodings: [{ coding: 'gzip', file: 'a.js.gz' }],
      deltas: [{ coding: 'dcz', file: 'a.js.dcz', dictionary: hash }],
      match: '/a.*.js',
    });
    expect(parseManifest(null)).toEqual({ prefix: [], assets: new Map() });
    expect(parseManifest({ publicPath: 'auto', assets: [] }).prefix).toEqual([]);
  });
});

describe('a manifest that names files outside the root', () => {
  it('does not serve them', async () => {
    const outside = await tempDir();
    try {
      await writeFiles(outside, { 'secret.gz': gzip(Buffer.from('secret')) });
      const relative = path.relative(root, path.join(outside, 'secret.gz'));
      await writeFiles(root, {
        'app.js': js,
        'compress-manifest.json': manifestOf({ 'app.js': { encodings: { gzip: { file: relative } } } }),
      });
      await withServer({ root }, async (server) => {
        const reply = await request(server.port, '/app.js', { headers: { 'Accept-Encoding': 'gzip' } });
        expect(reply.headers['content-encoding']).toBeUndefined();
        expect(reply.body).toEqual(js);
      });
    } finally {
      await removeDir(outside);
    }
  });
});
