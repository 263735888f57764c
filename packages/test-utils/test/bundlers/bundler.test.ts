import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundler, compile, makeTempDir } from '@packwise/test-utils';

const expected = { webpack: /^5\./, rspack: /^2\.3\./, 'rspack-1': /^1\.7\./ };

test(`builds with the bundler the jest project names (${bundler().name})`, async () => {
  const context = await makeTempDir('packwise-bundler-');
  await mkdir(path.join(context, 'src'));
  await writeFile(path.join(context, 'src/index.js'), 'import("./page").then((page) => page.default());');
  await writeFile(path.join(context, 'src/page.js'), 'export default () => console.log("page");');
  const build = await compile({ context, mode: 'production', entry: './src/index.js' });
  expect(build.errors).toEqual([]);
  expect(bundler().version).toMatch(expected[bundler().name]);
  // Rspack writes its version into the compiler; webpack has none of its own there.
  expect('rspack' in build.stats.compilation.compiler).toBe(bundler().rspack);
  expect(build.text('main.js')).toContain('.then');
  expect([...build.files.keys()].filter((name) => name !== 'main.js')).toHaveLength(1);
});
