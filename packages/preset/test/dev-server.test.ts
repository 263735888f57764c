import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { fixturePath, launchChromium, makeTempDir, repoRoot } from '@packwise/test-utils';

// `webpack serve` with fixtures/example-app/webpack.config.cjs, unchanged: the preset sees the serve command
// and gives a development config (style tags, React Fast Refresh, no hashes or compression). The CLI loads
// the config with Node's require, so @packwise/preset comes from its dist: `tsc -b` first (a no-op when built).

const appDir = fixturePath('example-app');
const cli = path.join(repoRoot, 'node_modules/webpack-cli/bin/cli.js');
const HEADER = 'components/Header.jsx';

/** Starts `webpack serve` and resolves with its URL once the first compilation is done. */
function serve(srcDir: string): Promise<{ url: string; server: ChildProcess; output: () => string }> {
  const server = spawn(
    process.execPath,
    [
      cli,
      'serve',
      '--config',
      'webpack.config.cjs',
      '--env',
      `srcDir=${srcDir}`,
      '--host',
      '127.0.0.1',
      '--port',
      'auto',
    ],
    { cwd: appDir, detached: true, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Loopback: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (url && /compiled (successfully|with)/.test(output)) resolve({ url, server, output: () => output });
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => reject(new Error(`webpack serve exited (${code}):\n${output}`)));
  });
}

/** Console errors, page errors and failed requests of a page. */
function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    // A failed load is reported with its URL by the `response` listener below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    // Chromium asks for /favicon.ico by itself; the example app's page names no icon.
    if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico')
      problems.push(`${response.status()}: ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()}`));
  return problems;
}

describe('webpack serve with the example app config', () => {
  let srcDir: string;
  let server: ChildProcess | undefined;
  let url: string;
  let output: () => string;

  beforeAll(async () => {
    execFileSync(
      process.execPath,
      [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'],
      {
        cwd: repoRoot,
      },
    );
    // Inside the fixture, so that its node_modules resolve; afterAll removes it.
    srcDir = await makeTempDir('.test-src-serve-', appDir);
    await cp(path.join(appDir, 'src'), srcDir, { recursive: true });
    ({ url, server, output } = await serve(srcDir));
  }, 240_000);

  afterAll(async () => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    await rm(srcDir, { recursive: true, force: true });
  });

  it('serves a development build that renders, and applies an edit in place with React Fast Refresh', async () => {
    const chromium = await launchChromium();
    try {
      const page = await chromium.browser.newPage();
      const problems = problemsOf(page);
      const response = await page.goto(`${url}/`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await page.getByText('Acme Dashboard').first().waitFor();
      // Development: style tags instead of CSS files, scripts without content hashes.
      const scripts = await page.$$eval('script[src]', (nodes) =>
        nodes.map((node) => node.getAttribute('src')),
      );
      expect(scripts).toEqual(expect.arrayContaining(['/main.js']));
      expect(await page.$$eval('link[rel=stylesheet]', (nodes) => nodes.length)).toBe(0);
      expect(await page.$$eval('style', (nodes) => nodes.length)).toBeGreaterThan(0);

      // A full reload would drop this marker; Fast Refresh keeps the page and re-renders the component.
      await page.evaluate(() => Object.assign(globalThis, { packwiseMarker: 'before-edit' }));
      const file = path.join(srcDir, HEADER);
      const source = await readFile(file, 'utf8');
      await writeFile(file, source.replace('Acme Dashboard', 'Acme Dashboard (edited)'));
      await page.getByText('Acme Dashboard (edited)').first().waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => (globalThis as { packwiseMarker?: string }).packwiseMarker)).toBe(
        'before-edit',
      );
      expect(problems).toEqual([]);
    } catch (error) {
      throw new Error(`${String(error)}\n--- webpack serve output ---\n${output().slice(-4000)}`, {
        cause: error,
      });
    } finally {
      await chromium.close();
    }
  });
});
