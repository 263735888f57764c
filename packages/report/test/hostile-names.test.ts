import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BudgetsPlugin } from '@packwise/budgets';
import { compile, launchChromium, makeTempDir } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { HTML, modelOf } from './helpers';

// Names from the build are data: a module file and an entry (so a chunk and an asset) named like markup must
// show as text, and run nothing.
const HOSTILE = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>window.__xss=1</script>';

describe('a build whose module, chunk and asset names are markup', () => {
  let dir: string;
  let build: BuildResult;
  beforeAll(async () => {
    dir = await makeTempDir('packwise-report-xss-');
    await mkdir(path.join(dir, 'src'));
    // A file name may hold these characters on Linux ('/' aside).
    await writeFile(path.join(dir, 'src', `${HOSTILE}.js`), 'export const hostile = () => "hostile";\n');
    await writeFile(path.join(dir, 'src', 'x.js'), `export const tag = ${JSON.stringify(SCRIPT)};\n`);
    await writeFile(
      path.join(dir, 'src', 'index.js'),
      `import { hostile } from ${JSON.stringify(`./${HOSTILE}.js`)};\nimport { tag } from './x.js';\nconsole.log(hostile(), tag);\n`,
    );
    build = await compile(
      {
        mode: 'production',
        context: dir,
        entry: { [HOSTILE]: './src/index.js' },
        output: { filename: '[name].js' },
        optimization: { concatenateModules: false },
        plugins: [new BudgetsPlugin({ budgets: [{ path: '*.js', limit: '10 kB' }], report: { html: HTML } })],
      },
      { outputDir: path.join(dir, 'dist') },
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('builds, and the page holds no markup from the names: the model escapes every <', () => {
    expect(build.errors).toEqual([]);
    const html = build.text(HTML);
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain('<img');
    const model = modelOf(html);
    expect(model.modules.map((module) => module.name)).toContain(`./src/${HOSTILE}.js`);
    expect(model.files.map((file) => file.name)).toContain(`${HOSTILE}.js`);
  });

  it('shows the names as text in Chromium and runs no injected script', async () => {
    const { browser, close } = await launchChromium();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(pathToFileURL(path.join(build.outputDir, HTML)).href);
      const chunk = page.locator('#treemap [data-kind="chunk"]');
      expect(await chunk.getAttribute('data-name')).toBe(HOSTILE);
      expect(await chunk.textContent()).toContain(HOSTILE);
      await chunk.click();
      await page.click(`#treemap [data-kind="module"][data-name="./src/${HOSTILE}.js"]`);
      expect(await page.textContent('#why')).toContain(`./src/${HOSTILE}.js`);
      await page.fill('#search', 'onerror');
      expect(await page.textContent('#results')).toContain(HOSTILE);
      await page.click('#tab-table');
      expect(await page.textContent('#table')).toContain(`${HOSTILE}.js`);
      await page.click('#tab-routes');
      expect(await page.textContent('#routes')).toContain(`${HOSTILE}.js`);
      await page.waitForTimeout(200);
      expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
      expect(await page.evaluate('document.querySelectorAll("img").length')).toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      await close();
    }
  });
});
