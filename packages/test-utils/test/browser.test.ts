import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium, makeTempDir, serveDirectory } from '@packwise/test-utils';

describe('serveDirectory and launchChromium', () => {
  it('open a served page in headless Chromium, falling back to index.html for client routes', async () => {
    const root = await makeTempDir('packwise-serve-');
    await mkdir(path.join(root, 'js'));
    await writeFile(
      path.join(root, 'index.html'),
      '<!doctype html><title>t</title><script src="/js/app.js"></script>',
    );
    await writeFile(path.join(root, 'js/app.js'), 'document.title = "ran " + location.pathname;');
    const server = await serveDirectory(root);
    const chromium = await launchChromium();
    try {
      const page = await chromium.browser.newPage();
      await page.goto(`${server.url}/some/client/route`);
      await expect(page.title()).resolves.toBe('ran /some/client/route');
    } finally {
      await chromium.close();
      await server.close();
    }
  });
});
