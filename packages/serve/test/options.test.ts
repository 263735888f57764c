import { createHandler } from '@packwise/serve';
import type { HandlerOptions } from '@packwise/serve';
import { CONTENT_HASH } from '../src/options';
import { buildFixture, JS, removeDir, request, serveHandler } from './helpers';
import type { Fixture } from './helpers';

const create = (options: unknown) => () => createHandler(options as HandlerOptions);

describe('createHandler options', () => {
  it.each<[string, unknown]>([
    ['a root', { root: '/srv/app' }],
    ['a root that does not exist yet', { root: '/does/not/exist/yet' }],
    ['manifest false', { root: '.', manifest: false }],
    ['spa false', { root: '.', spa: false }],
    ['another SPA page', { root: '.', spa: 'app.html' }],
    ['immutable true', { root: '.', immutable: true }],
    ['immutable false', { root: '.', immutable: false }],
    ['immutable RegExp', { root: '.', immutable: /^static\// }],
    ['immutable function', { root: '.', immutable: (name: string) => name.startsWith('static/') }],
    ['matchDest', { root: '.', matchDest: true }],
  ])('accepts %s', (_label, options) => {
    expect(create(options)).not.toThrow();
  });

  it.each<[string, unknown, string]>([
    ['no options', undefined, "options misses the property 'root'"],
    ['no root', {}, "options misses the property 'root'"],
    ['an empty root', { root: '' }, 'options.root'],
    ['a root that is a number', { root: 1 }, 'options.root should be a non-empty string'],
    ['an unknown option', { root: '.', index: 'index.html' }, "options has an unknown property 'index'"],
    ['manifest true', { root: '.', manifest: true }, 'options.manifest'],
    ['an empty manifest name', { root: '.', manifest: '' }, 'options.manifest'],
    ['spa true', { root: '.', spa: true }, 'options.spa'],
    ['immutable "yes"', { root: '.', immutable: 'yes' }, 'options.immutable'],
    ['matchDest 1', { root: '.', matchDest: 1 }, 'options.matchDest should be a boolean'],
  ])('rejects %s with a message naming the option', (_label, options, message) => {
    expect(create(options)).toThrow(message);
  });

  it('names the handler in schema errors', () => {
    expect(create({ root: 1 })).toThrow(
      '@packwise/serve createHandler has been initialized using an options object that does not match the API schema',
    );
  });
});

describe('the default immutable test (a content hash in the name)', () => {
  it.each([
    'main.1a2b3c4d.js',
    'static/js/787.0123456789abcdef.chunk.js',
    'vendor-react.deadbeef.js',
    'app-1A2B3C4D.css',
    'assets/1a2b3c4d/logo.svg',
    'main.1a2b3c4d.js.map',
  ])('%s is immutable', (name) => {
    expect(CONTENT_HASH.test(name)).toBe(true);
  });

  it.each([
    'index.html',
    'main.js',
    'main.1a2b3c4.js',
    'favicon.ico',
    'main.1a2b3c4g.js',
    'logo_1a2b3c4d.png',
  ])('%s is not', (name) => {
    expect(CONTENT_HASH.test(name)).toBe(false);
  });
});

describe('immutable option over HTTP', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await buildFixture();
  });
  afterAll(() => removeDir(fixture.root));

  it.each<[string, HandlerOptions['immutable'], string, string]>([
    ['true', true, 'index.html', 'public, max-age=31536000, immutable'],
    ['false', false, JS, 'no-cache'],
    ['a RegExp', /^static\/js\//g, JS, 'public, max-age=31536000, immutable'],
    ['a RegExp that does not match', /^static\/css\//, JS, 'no-cache'],
    ['a function', (name) => name === 'robots.txt', 'robots.txt', 'public, max-age=31536000, immutable'],
  ])('immutable %s', async (_label, immutable, name, cacheControl) => {
    const server = await serveHandler(createHandler({ root: fixture.root, immutable }));
    try {
      // Twice: a global RegExp's lastIndex must not flip the answer.
      for (let i = 0; i < 2; i += 1) {
        expect((await request(server.port, `/${name}`)).headers['cache-control']).toBe(cacheControl);
      }
    } finally {
      await server.close();
    }
  });
});
