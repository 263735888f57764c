import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { fixturePath, launchChromium, makeTempDir } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { report } from '@packwise/report';
import { buildFixture, chunksWithFiles, HTML, modelOf, saveStats } from './helpers';

// The example app built twice with the HTML report on: before and after the date-fns 3.6 -> 4.1 upgrade
// (env.upgrade aliases date-fns to the date-fns-next folder), the "before" page as the "after" build's
// report.baseline; the CLI makes the same page from the after build's stats. Chromium opens them from disk.

const streams = () => {
  const out: string[] = [];
  return { out, stream: { write: (text: string) => out.push(text) } };
};

describe('the HTML report of the example app, in Chromium', () => {
  let before: BuildResult;
  let after: BuildResult;
  let diffPage: string;
  let tmp: string;
  let browser: Browser;
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    before = await buildFixture('example-app');
    after = await buildFixture('example-app', { upgrade: true }, {}, path.join(before.outputDir, HTML));
    tmp = await makeTempDir('packwise-report-diff-');
    diffPage = path.join(tmp, 'diff.html');
    const stdout = streams();
    const stderr = streams();
    const code = await report({
      argv: [
        '--stats',
        await saveStats(after),
        '--dir',
        after.outputDir,
        '--baseline',
        path.join(before.outputDir, HTML),
        '--out',
        diffPage,
      ],
      cwd: fixturePath('example-app'),
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    expect({ code, stderr: stderr.out }).toEqual({ code: 0, stderr: [] });
    ({ browser, close } = await launchChromium());
  }, 300_000);
  afterAll(async () => {
    await close?.();
    await rm(tmp, { recursive: true, force: true });
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('requestfailed', (request) => problems.push(`request ${request.url()}`));
    (page as Page & { problems: string[] }).problems = problems;
  });
  afterEach(async () => {
    const problems = (page as Page & { problems: string[] }).problems;
    await page.close();
    expect(problems).toEqual([]);
  });

  const open = (file: string) => page.goto(pathToFileURL(file).href);
  const texts = (selector: string) =>
    page.$$eval(selector, (nodes) => nodes.map((node) => node.getAttribute('data-name') ?? ''));

  it('builds without errors and emits the page beside the JSON report', () => {
    expect(before.errors).toEqual([]);
    expect(after.errors).toEqual([]);
    expect(before.text(HTML)).toMatch(/^<!doctype html>/);
  });

  it('makes no request: everything is inline', () => {
    const html = before.text(HTML);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect(html).toContain('d3.treemapSquarify');
  });

  it('shows one treemap cell per chunk with files', async () => {
    await open(path.join(before.outputDir, HTML));
    const chunks = chunksWithFiles(before) ?? [];
    expect(chunks.length).toBeGreaterThan(5);
    const cells = await texts('#treemap [data-kind="chunk"]');
    expect(cells.sort()).toEqual(
      chunks.map((chunk) => chunk.names?.join(', ') || `chunk ${chunk.id}`).sort(),
    );
  });

  it('drills into a chunk on click and finds its packages; a module shows why it is included', async () => {
    await open(path.join(before.outputDir, HTML));
    const model = modelOf(before.text(HTML));
    const framework = model.chunks.find((chunk) => chunk.name.startsWith('vendor.framework'));
    expect(framework).toBeDefined();
    await page.click(`#treemap [data-kind="chunk"][data-name="${framework?.name}"]`);
    expect(await texts('#treemap [data-kind="chunk"]')).toEqual([framework?.name]);
    expect(await texts('#treemap [data-kind="package"]')).toEqual(
      expect.arrayContaining(['react-dom', 'scheduler']),
    );

    await page.click('#treemap [data-kind="module"][data-name$="react-dom-client.production.js"]');
    const why = await page.textContent('#why');
    expect(why).toContain('react-dom@19.');
    expect(why).toContain(framework?.name);
    expect(why).toContain('cache group');
    const chain = await page.$$eval('#why li', (items) => items.map((item) => item.textContent));
    expect(chain[0]).toBe('./src/index.jsx');
    expect(chain.at(-1)).toMatch(/react-dom-client\.production\.js$/);
  });

  it('is usable from the keyboard: Enter on a chunk drills in, search and Enter selects a module', async () => {
    await open(path.join(before.outputDir, HTML));
    await page.focus('#treemap [data-kind="chunk"][data-name^="vendor.lodash-es"]');
    await page.keyboard.press('Enter');
    expect(await texts('#treemap [data-kind="package"]')).toEqual(['lodash-es']);
    await page.fill('#search', 'date-fns');
    await page.press('#search', 'Enter');
    expect(await page.textContent('#why')).toMatch(/Package: date-fns@3\.6\.0/);
  });

  it('switches the area between brotli, gzip and raw', async () => {
    await open(path.join(before.outputDir, HTML));
    const main = modelOf(before.text(HTML)).chunks.find((chunk) => chunk.name === 'main');
    const title = () => page.getAttribute('#treemap [data-kind="chunk"][data-name="main"]', 'title');
    const kB = (bytes = 0) => `main ${(bytes / 1000).toFixed(1)} kB`;
    expect(await title()).toBe(kB(main?.sizes.brotli));
    await page.selectOption('#metric', 'raw');
    expect(await title()).toBe(kB(main?.sizes.raw));
    await page.selectOption('#metric', 'gzip');
    expect(await title()).toBe(kB(main?.sizes.gzip));
  });

  it('shows the routes view: the first page and each lazy route with its files and bytes', async () => {
    await open(path.join(before.outputDir, HTML));
    await page.click('#tab-routes');
    expect(await page.isVisible('#routes')).toBe(true);
    const routes = await page.$$eval('[data-route]', (nodes) =>
      nodes.map((node) => node.getAttribute('data-route')),
    );
    expect(routes.sort()).toEqual(['activity', 'main', 'reports', 'settings']);
    const main = await page.textContent('[data-route="main"]');
    expect(main).toMatch(/First page: main — downloads \d+\.\d kB brotli/);
    expect(main).toContain('index.html');
    const reports = await page.textContent('[data-route="reports"]');
    expect(reports).toMatch(/reports\.[0-9a-f]+\.js/);
  });

  it("the plugin's page with report.baseline and the CLI's with --baseline hold the same diff", async () => {
    const fromPlugin = modelOf(after.text(HTML)).diff;
    expect(fromPlugin?.packages.map((change) => change.name)).toEqual(['date-fns-next']);
    expect(modelOf(await readFile(diffPage, 'utf8')).diff).toEqual(fromPlugin);
  });

  it('renders the diff against the baseline: the upgraded package with its bytes, routes and files', async () => {
    const model = modelOf(await readFile(diffPage, 'utf8'));
    const upgraded = model.diff?.packages.find((change) => change.name === 'date-fns-next');
    expect(upgraded).toMatchObject({
      change: 'version',
      before: { name: 'date-fns', version: '3.6.0' },
      after: { name: 'date-fns-next', version: expect.stringMatching(/^4\./) },
    });
    expect(upgraded?.after?.size).toBeGreaterThan(1000);
    // Every file of the upgrade pairs with its version before (the vendor chunks keep their names), none is new.
    expect(model.diff?.files.filter((file) => file.change === 'added' || file.change === 'removed')).toEqual(
      [],
    );
    const dateFns = model.diff?.files.filter((file) => file.key.startsWith('vendor.date-fns.'));
    expect(dateFns?.map((file) => file.change)).toEqual(['renamed', 'renamed', 'renamed']);
    // Three keys: each chunk's own hash stays in its key, only the content hash goes.
    expect(new Set(dateFns?.map((file) => file.key)).size).toBe(3);

    await open(diffPage);
    await page.click('#tab-diff');
    const row = await page.textContent('[data-package="date-fns-next"]');
    expect(row).toContain('date-fns@3.6.0');
    expect(row).toMatch(/date-fns-next@4\.\d+\.\d+ \d+\.\d kB/);
    const diff = await page.textContent('#diff');
    expect(diff).toMatch(/A returning visitor downloads [\d.]+ kB brotli/);
    expect(diff).toContain('renamed');
  });

  it('draws a picture: the screenshot of the treemap has several large areas of distinct colour', async () => {
    await open(path.join(before.outputDir, HTML));
    const file = path.join(tmp, 'treemap.png');
    await page.locator('#treemap').screenshot({ path: file });
    const png = PNG.sync.read(await readFile(file));
    const counts = new Map<number, number>();
    for (let offset = 0; offset < png.data.length; offset += 4) {
      const colour = png.data.readUInt32BE(offset);
      counts.set(colour, (counts.get(colour) ?? 0) + 1);
    }
    // Areas of at least 0.2 % of the picture: cells, not the antialiased pixels of labels.
    const areas = [...counts.values()].filter((count) => count > (png.width * png.height) / 500);
    expect(areas.length).toBeGreaterThanOrEqual(4);
  });
});
