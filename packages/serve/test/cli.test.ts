import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@packwise/serve';
import type { ServeOptions } from '@packwise/serve';
import { brotli, decode, removeDir, request, tempDir, writeFiles } from './helpers';

let cwd: string;

beforeAll(async () => {
  cwd = await tempDir();
  const js = Buffer.from('console.log("served");\n'.repeat(100));
  await writeFiles(cwd, {
    'dist/index.html': '<!doctype html><title>app</title>',
    'dist/main.1a2b3c4d.js': js,
    'dist/main.1a2b3c4d.js.br': brotli(js),
    'file.txt': 'not a folder',
    'reports/compress.json': JSON.stringify({ assets: {} }),
  });
});
afterAll(() => removeDir(cwd));

/** Collects what the CLI writes; `line()` resolves with the first line once it is written. */
function output() {
  let text = '';
  let wake: () => void = () => undefined;
  const written = new Promise<void>((resolve) => (wake = resolve));
  return {
    stream: {
      write: (chunk: string) => {
        text += chunk;
        if (text.includes('\n')) wake();
        return true;
      },
    },
    text: () => text,
    line: async () => {
      await written;
      return text.split('\n')[0] as string;
    },
  };
}

async function run(argv: string[], extra: Partial<ServeOptions> = {}) {
  const stdout = output();
  const stderr = output();
  const code = await serve({ argv, cwd, stdout: stdout.stream, stderr: stderr.stream, ...extra });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('packwise-serve usage errors (exit 2, one line on stderr)', () => {
  it.each<[string, string[], RegExp]>([
    ['a missing folder', ['nope'], /^packwise serve: nope does not exist\n$/],
    ['a file instead of a folder', ['file.txt'], /^packwise serve: file\.txt is not a folder\n$/],
    ['no folder', [], /which folder\?/],
    ['two folders', ['dist', 'dist'], /one folder only/],
    [
      'a port that is not a number',
      ['dist', '--port', 'http'],
      /--port must be a number from 0 to 65535, not "http"/,
    ],
    ['a port too large', ['dist', '--port', '65536'], /--port must be a number/],
    ['a negative port', ['dist', '--port=-1'], /--port must be a number/],
    ['a fractional port', ['dist', '--port', '80.5'], /--port must be a number/],
    ['an empty port', ['dist', '--port='], /--port must be a number/],
    ['an unknown option', ['dist', '--open'], /Unknown option '--open'/],
    ['a missing manifest', ['dist', '--manifest', 'nope.json'], /cannot read the manifest .*nope\.json/],
    ['an empty host', ['dist', '--host='], /--host must not be empty/],
  ])('%s', async (_label, argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints usage for --help and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: packwise-serve <dir> \[--port N\]/);
  });
});

describe('packwise-serve running', () => {
  it('starts on a free port with --port 0, serves a request, and exits 0 when closed', async () => {
    const controller = new AbortController();
    const stdout = output();
    const stderr = output();
    const exit = serve({
      argv: ['dist', '--port', '0', '--manifest', 'reports/compress.json'],
      cwd,
      stdout: stdout.stream,
      stderr: stderr.stream,
      signal: controller.signal,
    });
    const line = await stdout.line();
    const match = /^packwise serve: http:\/\/127\.0\.0\.1:(\d+)\/ \(dist\)$/.exec(line);
    expect(match).not.toBeNull();
    const port = Number(match?.[1]);
    expect(port).toBeGreaterThan(0);
    // The manifest lists no encodings: the brotli sibling is not used.
    const reply = await request(port, '/main.1a2b3c4d.js', { headers: { 'Accept-Encoding': 'br' } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // An open keep-alive connection does not hold the close up.
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve) =>
      http.get({ port, host: '127.0.0.1', path: '/', agent }, (r) => r.resume().on('end', resolve)),
    );
    controller.abort();
    await expect(exit).resolves.toBe(0);
    agent.destroy();
    expect(stderr.text()).toBe('');
    await expect(request(port, '/')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('serves sibling files without a manifest, and 404 for routes with --no-spa', async () => {
    const controller = new AbortController();
    const stdout = output();
    const exit = serve({
      argv: [path.join(cwd, 'dist'), '--port=0', '--host', '127.0.0.1', '--no-spa'],
      cwd: '/',
      stdout: stdout.stream,
      stderr: output().stream,
      signal: controller.signal,
    });
    const port = Number(/:(\d+)\//.exec(await stdout.line())?.[1]);
    const reply = await request(port, '/main.1a2b3c4d.js', { headers: { 'Accept-Encoding': 'br' } });
    expect(reply.headers['content-encoding']).toBe('br');
    expect((await decode(reply)).toString()).toMatch(/^console\.log\("served"\);/);
    expect((await request(port, '/users/1', { headers: { Accept: 'text/html' } })).status).toBe(404);
    controller.abort();
    await expect(exit).resolves.toBe(0);
  });

  it('exits 1 with one line when the port is taken', async () => {
    const taken = http.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const { code, stderr } = await run(['dist', '--port', String(port)]);
      expect(code).toBe(1);
      expect(stderr).toMatch(
        new RegExp(`^packwise serve: cannot listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE.*\\n$`),
      );
    } finally {
      taken.close();
    }
  });

  it('closes at once for a signal aborted before it listened', async () => {
    const controller = new AbortController();
    controller.abort();
    const { code, stdout } = await run(['dist', '--port', '0'], { signal: controller.signal });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^packwise serve: http:\/\/127\.0\.0\.1:\d+\/ \(dist\)\n$/);
  });
});
