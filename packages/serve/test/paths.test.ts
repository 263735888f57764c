import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { createHandler } from '@packwise/serve';
import { parseRequestPath } from '../src/request-path';
import type { TestServer } from './helpers';
import { removeDir, request, serveHandler, tempDir, writeFiles } from './helpers';

let outside: string;
let root: string;
let server: TestServer;

beforeAll(async () => {
  // root is <outside>/dist; <outside> holds files that must never be served.
  outside = await tempDir();
  root = path.join(outside, 'dist');
  await writeFiles(outside, {
    'package.json': '{"secret": true}',
    secret: 'outside the root',
    'distant/file.txt': 'a sibling folder whose name starts like the root',
    'dist/index.html': '<!doctype html><title>root</title>',
    'dist/app.js': 'console.log("app");',
    'dist/a b/ü.txt': 'unicode and a space',
    'dist/docs/index.html': '<!doctype html><title>docs</title>',
    'dist/empty/.keep': '',
    'dist/.env': 'TOKEN=secret',
    'dist/.well-known/security.txt': 'Contact: mailto:security@example.com',
  });
  await symlink(path.join(outside, 'secret'), path.join(root, 'leak.txt'));
  await symlink(outside, path.join(root, 'up'));
  await symlink(path.join(outside, 'distant'), path.join(root, 'distant'));
  await symlink(path.join(root, 'app.js'), path.join(root, 'alias.js'));
  server = await serveHandler(createHandler({ root, spa: false }));
});
afterAll(async () => {
  await server.close();
  await removeDir(outside);
});

const get = (target: string) => request(server.port, target);

describe('request paths', () => {
  it.each([
    ['/../package.json', 400],
    ['/../../../../etc/passwd', 400],
    ['/%2e%2e/%2e%2e/etc/passwd', 400],
    ['/%2E%2E/package.json', 400],
    ['/.%2e/secret', 400],
    ['/..%2fsecret', 400],
    ['/..%2Fpackage.json', 400],
    ['/..%5csecret', 400],
    ['/docs/../../secret', 400],
    ['/./app.js', 400],
    ['/%00', 400],
    ['/app.js%00.html', 400],
    ['/%E0%A4%A', 400],
    ['/%', 400],
    ['/%zz', 400],
    ['/%C0%AE%C0%AE/secret', 400],
    ['/a\\..\\b', 400],
    ['/\\..\\package.json', 400],
    ['*', 400],
    ['/leak.txt', 404],
    ['/up/secret', 404],
    ['/up/package.json', 404],
    ['/distant/file.txt', 404],
    ['/.env', 404],
    ['/%2eenv', 404],
    ['/missing.js', 404],
    ['/app.js/', 404],
    ['/empty/', 404],
    ['/docs/missing/', 404],
  ])('%s → %d', async (target, status) => {
    const reply = await get(target);
    expect(reply.status).toBe(status);
    expect(reply.body.toString()).not.toMatch(/secret|TOKEN/);
  });

  it.each([
    ['/app.js', 'console.log("app");'],
    ['/app.js?v=1#x', 'console.log("app");'],
    ['//app.js', 'console.log("app");'],
    ['/alias.js', 'console.log("app");'],
    ['/a%20b/%C3%BC.txt', 'unicode and a space'],
    ['/', '<!doctype html><title>root</title>'],
    ['/docs', '<!doctype html><title>docs</title>'],
    ['/docs/', '<!doctype html><title>docs</title>'],
    ['/.well-known/security.txt', 'Contact: mailto:security@example.com'],
    ['http://example.com/app.js', 'console.log("app");'],
  ])('serves %s', async (target, body) => {
    const reply = await get(target);
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toBe(body);
  });

  it('never answers 5xx, whatever the path', async () => {
    const targets = [
      '/%',
      '/%%',
      '/%u0000',
      '/%ff%fe',
      '/\u00ff',
      `/${'a'.repeat(5000)}`,
      `/${'a/'.repeat(500)}`,
      '/%2f%2f%2f',
      '/?%',
      '/app.js;jsessionid=1',
      '/con',
      '/..',
      '/.',
      '/...',
      '/%2e',
    ];
    for (const target of targets) {
      expect([target, (await get(target)).status < 500]).toEqual([target, true]);
    }
  });
});

describe('parseRequestPath', () => {
  it('decodes segments and notes a trailing slash', () => {
    expect(parseRequestPath('/a%20b/c/?q')).toEqual({
      ok: true,
      segments: ['a b', 'c'],
      trailingSlash: true,
    });
    expect(parseRequestPath('/')).toEqual({ ok: true, segments: [], trailingSlash: false });
    expect(parseRequestPath(undefined)).toEqual({ ok: true, segments: [], trailingSlash: false });
  });
});
